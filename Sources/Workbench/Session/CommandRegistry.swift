import ArgumentParser
import OpsKit

/// A command built into the workbench (load, show, sql, ...): it may use the whole session.
protocol BuiltinCommand: ParsableCommand, DeclaresOptionRules {
    static var examples: [String] { get }
    mutating func run(in session: Session, context: CommandContext) throws
}

extension BuiltinCommand {
    static var rules: [OptionRule] { [] }
    mutating func run() throws {
        throw OpsError("'\(CommandDescriptor.commandName(of: Self.self))' runs inside the workbench session")
    }
}

/// One runnable command: a built-in or a plugin's subcommand.
public struct CommandEntry {
    /// The words that invoke it: `["load"]` or `["segment", "kmeans"]`.
    public let path: [String]
    public let type: any ParsableCommand.Type
    public let examples: [String]
    private let descriptorCache: DescriptorCache

    init(path: [String], type: any ParsableCommand.Type, examples: [String]) {
        self.path = path
        self.type = type
        self.examples = examples
        self.descriptorCache = DescriptorCache(type, path: path, examples: examples)
    }

    public var fullName: String { path.joined(separator: " ") }
    public var abstract: String { descriptor.abstract.text }
    /// The command described as a value, read from its declaration on first use (not at start-up), then kept.
    public var descriptor: CommandDescriptor { descriptorCache.descriptor }
}

/// Holds a command's descriptor once it has been read.
private final class DescriptorCache {
    private let type: any ParsableCommand.Type
    private let path: [String]
    private let examples: [String]
    lazy var descriptor = CommandDescriptor.of(
        type, path: path, rules: (type as? any DeclaresOptionRules.Type)?.rules ?? [],
        examples: examples.map { CommandExample($0) })

    init(_ type: any ParsableCommand.Type, path: [String], examples: [String]) {
        self.type = type
        self.path = path
        self.examples = examples
    }
}

/// A registered plugin and its commands.
public struct PluginEntry {
    public let name: String
    public let version: String
    public let summary: String
    public let apiVersion: Int
    public let commands: [CommandEntry]
    public let defaultCommand: CommandEntry?

    public func command(named name: String) -> CommandEntry? { commands.first { $0.path.last == name } }

    /// "unknown segment command 'kmean' — did you mean 'kmeans'?", listing the plugin's commands.
    func unknownCommandError(_ word: String) -> OpsError {
        let names = commands.compactMap { $0.path.last }
        return OpsError(
            Strings.unknownSubcommand(word, plugin: name, suggestion: Suggest.closest(to: word, in: names).first),
            hint: Strings.pluginCommandsHint(name, names))
    }
}

/// The one table behind dispatch, help, completion and suggestions.
public final class CommandRegistry {
    public let builtins: [CommandEntry]
    public let plugins: [PluginEntry]
    /// Plugins that could not be registered, with the reason.
    public let rejected: [(name: String, reason: String)]

    public init(plugins pluginTypes: [any Plugin.Type]) {
        builtins = BuiltinCatalog.all.map {
            CommandEntry(path: [CommandDescriptor.commandName(of: $0)], type: $0, examples: $0.examples)
        }
        var accepted: [PluginEntry] = []
        var rejected: [(String, String)] = []
        let builtinNames = Set(builtins.map { $0.path[0] })
        for plugin in pluginTypes {
            if plugin.apiVersion != pluginAPIVersion {
                rejected.append((plugin.name, Strings.pluginAPIMismatch(plugin.apiVersion)))
                continue
            }
            if builtinNames.contains(plugin.name) || accepted.contains(where: { $0.name == plugin.name }) {
                rejected.append((plugin.name, Strings.pluginNameTaken))
                continue
            }
            let commands = plugin.commands.map { CommandEntry(path: [plugin.name, $0.name], type: $0, examples: $0.examples) }
            let defaultCommand = plugin.defaultCommand.flatMap { d in commands.first { $0.type == d } }
            accepted.append(
                PluginEntry(
                    name: plugin.name, version: plugin.version, summary: plugin.summary, apiVersion: plugin.apiVersion,
                    commands: commands, defaultCommand: defaultCommand))
        }
        self.plugins = accepted
        self.rejected = rejected
    }

    /// Every first word a line can start with.
    public var topLevelNames: [String] { builtins.map { $0.path[0] } + plugins.map(\.name) }

    public func builtin(named name: String) -> CommandEntry? { builtins.first { $0.path[0] == name } }
    public func plugin(named name: String) -> PluginEntry? { plugins.first { $0.name == name } }

    /// Every command, builtins first.
    public var allCommands: [CommandEntry] { builtins + plugins.flatMap(\.commands) }

    /// Finds the command for a token list: the entry and the tokens left for its parser.
    func resolve(_ tokens: [String]) throws -> Resolution {
        guard let first = tokens.first else { return .empty }
        if let entry = builtin(named: first) { return .command(entry, Array(tokens.dropFirst())) }
        guard let plugin = plugin(named: first) else {
            throw OpsError(Strings.unknownCommand(first, suggestion: Suggest.closest(to: first, in: topLevelNames).first),
                           hint: Strings.seeHelp)
        }
        guard tokens.count > 1 else {
            if let fallback = plugin.defaultCommand, plugin.commands.count == 1 { return .command(fallback, []) }
            return .pluginHelp(plugin)
        }
        let second = tokens[1]
        if let entry = plugin.command(named: second) { return .command(entry, Array(tokens.dropFirst(2))) }
        if second == "--help" || second == "-h" || second == "help" { return .pluginHelp(plugin) }
        if let fallback = plugin.defaultCommand { return .command(fallback, Array(tokens.dropFirst())) }
        throw plugin.unknownCommandError(second)
    }

    enum Resolution {
        case empty
        case command(CommandEntry, [String])
        case pluginHelp(PluginEntry)
    }
}
