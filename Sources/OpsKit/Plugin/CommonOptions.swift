import ArgumentParser

/// `--as NAME`: where a command stores its result. Use with `@OptionGroup`.
public struct ResultNameOption: ParsableArguments {
    @Option(name: .customLong("as"), help: "Name of the result dataset in the workspace.")
    public var name: String?

    public init() {}

    /// The chosen name, or `fallback` when `--as` was not given.
    public func name(or fallback: String) -> String { name ?? fallback }
}

/// `--seed N`: the random seed. Use with `@OptionGroup`; resolve with ``CommandContext/seed(_:)``.
public struct SeedOption: ParsableArguments {
    @Option(help: "Random seed (default: the session's `set seed`, initially 42).")
    public var seed: UInt64?

    public init() {}
}
