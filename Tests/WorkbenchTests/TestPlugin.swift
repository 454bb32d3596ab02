import ArgumentParser
import OpsKit

/// A plugin that exists only in the tests, to prove the plugin protocol.
enum ProbePlugin: Plugin {
    static let name = "probe"
    static let version = "1.2.3"
    static let summary = "Test plugin"
    static let commands: [any PluginCommand.Type] = [CountCommand.self, FailCommand.self, EchoCommand.self, AskBackCommand.self]
    static let defaultCommand: (any PluginCommand.Type)? = EchoCommand.self
}

/// Counts the rows of a dataset and stores the count.
struct CountCommand: PluginCommand {
    static let configuration = CommandConfiguration(commandName: "count", abstract: "Count rows.")
    static let examples = ["probe count users --as n"]

    @Argument(help: "Dataset.", completion: Completion.dataset) var dataset: String
    @Option(help: "A column that must exist.", completion: Completion.columns) var column: String?
    @Option(help: "Mode.", completion: .list(["fast", "slow"])) var mode = "fast"
    @OptionGroup var result: ResultNameOption
    @OptionGroup var seedOption: SeedOption

    func run(in context: CommandContext) throws {
        let data = try context.dataset(dataset)
        if let column { _ = try data.column(column, option: "--column") }
        _ = context.seed(seedOption)
        try context.store(try Dataset(columns: [Column(name: "n", integers: [Int64(data.rowCount)])]), as: result.name(or: "counts"))
        context.print("\(data.rowCount) rows")
    }
}

/// Stores a dataset, then fails: the workspace must not keep it.
struct FailCommand: PluginCommand {
    static let configuration = CommandConfiguration(commandName: "fail", abstract: "Always fails.")

    @Option var kind = "ops"

    func run(in context: CommandContext) throws {
        try context.store(try Dataset(columns: [Column(name: "x", integers: [1])]), as: "partial")
        switch kind {
        case "ops": throw OpsError("probe failed on purpose", hint: "do not use probe fail")
        case "cancel": throw CommandCancelled()
        default: throw CocoaLikeError()
        }
    }

    struct CocoaLikeError: Error {}
}

/// The default command: prints its words.
struct EchoCommand: PluginCommand {
    static let configuration = CommandConfiguration(commandName: "echo", abstract: "Print words.")
    @Argument var words: [String] = []
    func run(in context: CommandContext) throws { context.print(words.joined(separator: "|")) }
}

/// Reads sub-prompt lines until `/exit`, echoing them reversed (`--fail`: fails before reading any).
struct AskBackCommand: SubPromptCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Sub-prompt.")
    static var endOfInput: String { "/exit" }
    @Flag var fail = false
    func run(in context: CommandContext) throws {
        if fail { throw OpsError("no knowledge base") }
        while let line = context.readLine(prompt: "probe> "), line != "/exit" {
            context.print(String(line.reversed()))
        }
    }
}
