import OpsKit

/// Runs plugin commands against in-memory datasets, as the session would:
/// the line is checked against the command's descriptor and parsed
/// (``PluginCommand/parseChecked(_:plugin:)``), the command runs with plain
/// output and seed 42, what it stored is committed on success, and its
/// confirmations are printed after the commit.
///
/// ```swift
/// let harness = PluginHarness(SegmentPlugin.self, ["users": users])
/// let output = try harness.run(KMeansCommand.self, ["users", "--features", "a,b", "--k", "3"])
/// let segments = try harness.dataset("segments")
/// ```
public final class PluginHarness {
    public let datasets: InMemoryDatasets
    /// The plugin word (`segment`) the commands are run under.
    public let plugin: String
    public var seed: UInt64
    public var style: OutputStyle

    /// Runs commands under the word `plugin`, on `datasets` (shared with the caller, who may add to them).
    public init(plugin: String, on datasets: InMemoryDatasets, seed: UInt64 = 42, style: OutputStyle = .plain) {
        self.plugin = plugin
        self.datasets = datasets
        self.seed = seed
        self.style = style
    }

    public convenience init(_ plugin: any Plugin.Type, on datasets: InMemoryDatasets, seed: UInt64 = 42) {
        self.init(plugin: plugin.name, on: datasets, seed: seed)
    }

    public convenience init(_ plugin: any Plugin.Type, _ datasets: [String: Dataset] = [:], seed: UInt64 = 42) {
        self.init(plugin: plugin.name, on: InMemoryDatasets(datasets), seed: seed)
    }

    /// Runs one command line; returns its output (errors are thrown, the datasets left as they were).
    /// `input` feeds a sub-prompt line by line; `cancellation` lets a test cancel the run.
    @discardableResult
    public func run<C: PluginCommand>(
        _ type: C.Type, _ arguments: [String], input: [String] = [], cancellation: CancellationFlag = CancellationFlag()
    ) throws -> String {
        var lines = input[...]
        let buffer = TextBuffer()
        let context = CommandContext(
            commandLine: ([plugin, C.name] + arguments).joined(separator: " "), style: style, defaultSeed: seed,
            source: datasets, sink: buffer, cancellation: cancellation, lineReader: { _ in lines.popFirst() })
        var command = try C.parseChecked(arguments, plugin: plugin)
        try command.run(in: context)
        datasets.commit(context.staged)
        for line in context.confirmations { buffer.write(line + "\n") }
        return buffer.text
    }

    /// A dataset the datasets hold (given, or stored by a command).
    public func dataset(_ name: String) throws -> Dataset { try datasets.dataset(named: name) }

    /// A context writing into a throwaway buffer, for calling a plugin's model code directly.
    public static func quietContext(seed: UInt64 = 42) -> CommandContext {
        CommandContext(commandLine: "test", style: .plain, defaultSeed: seed, source: InMemoryDatasets(), sink: TextBuffer())
    }
}
