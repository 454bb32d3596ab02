import ArgumentParser

/// `--as NAME`: where a command stores its result. Use with `@OptionGroup`.
public struct ResultNameOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(KitText.resultNameHelp))
    public var name: String?

    public init() {}

    /// The chosen name, or `fallback` when `--as` was not given.
    public func name(or fallback: String) -> String { name ?? fallback }
}

/// `--seed N`: the random seed. Use with `@OptionGroup`; resolve with ``CommandContext/seed(_:)``.
public struct SeedOption: ParsableArguments {
    @Option(help: ArgumentHelp(KitText.seedHelp))
    public var seed: UInt64?

    public init() {}
}
