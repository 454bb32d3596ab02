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
        throw OpsError(Strings.runsInSession(CommandDescriptor.commandName(of: Self.self)))
    }
}

/// One runnable command: a built-in, a Swift plugin's subcommand, or an external plugin's.
public struct CommandEntry {
    /// Where the command runs.
    public enum Implementation {
        /// In this process: an argument-parser declaration.
        case swift(any ParsableCommand.Type)
        /// In a plugin process, through the plugin protocol.
        case external(ExternalPluginRecord)
    }

    /// The words that invoke it: `["load"]` or `["segment", "kmeans"]`.
    public let path: [String]
    public let implementation: Implementation
    public let examples: [String]
    private let descriptorCache: DescriptorCache

    init(path: [String], type: any ParsableCommand.Type, examples: [String]) {
        self.path = path
        self.implementation = .swift(type)
        self.examples = examples
        self.descriptorCache = DescriptorCache(type, path: path, examples: examples)
    }

    init(external record: ExternalPluginRecord, descriptor: CommandDescriptor) {
        self.path = descriptor.path
        self.implementation = .external(record)
        self.examples = descriptor.examples.map(\.line)
        self.descriptorCache = DescriptorCache(descriptor)
    }

    /// The Swift declaration, for in-process commands.
    public var type: (any ParsableCommand.Type)? {
        if case .swift(let type) = implementation { return type }
        return nil
    }

    public var fullName: String { path.joined(separator: " ") }
    public var abstract: String { descriptor.abstract.text }
    /// The command described as a value, read from its declaration on first use (not at start-up), then kept.
    public var descriptor: CommandDescriptor { descriptorCache.descriptor }
}

/// Holds a command's descriptor: read from a Swift declaration on first use, or given.
private final class DescriptorCache {
    private let read: () -> CommandDescriptor
    lazy var descriptor = read()

    init(_ type: any ParsableCommand.Type, path: [String], examples: [String]) {
        read = {
            CommandDescriptor.of(
                type, path: path, rules: (type as? any DeclaresOptionRules.Type)?.rules ?? [],
                examples: examples.map { CommandExample($0) })
        }
    }

    init(_ descriptor: CommandDescriptor) { read = { descriptor } }
}

/// A registered plugin and its commands.
public struct PluginEntry {
    public let name: String
    public let version: String
    public let summary: String
    public let apiVersion: Int
    public let commands: [CommandEntry]
    public let defaultCommand: CommandEntry?
    /// Set for a plugin in another process (`plugin add`).
    public var external: ExternalPluginRecord? = nil

    public func command(named name: String) -> CommandEntry? { commands.first { $0.path.last == name } }

    /// "unknown segment command 'kmean' — did you mean 'kmeans'?", listing the plugin's commands.
    func unknownCommandError(_ word: String) -> OpsError {
        let names = commands.compactMap { $0.path.last }
        return OpsError(
            Strings.unknownSubcommand(word, plugin: name, suggestion: Suggest.closest(to: word, in: names).first),
            hint: Strings.pluginCommandsHint(name, names), code: .unknownCommand)
    }
}

/// The one table behind dispatch, help, completion and suggestions.
public final class CommandRegistry {
    public let builtins: [CommandEntry]
    public private(set) var plugins: [PluginEntry]
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
            // A plain loop: the nested optional-metatype closures this replaces crashed the
            // release compiler (Swift 6.3.1, CopyPropagation on this initializer).
            var defaultCommand: CommandEntry?
            if let wantedType = plugin.defaultCommand {
                let wanted = ObjectIdentifier(wantedType)
                for entry in commands {
                    if let type = entry.type, ObjectIdentifier(type) == wanted {
                        defaultCommand = entry
                        break
                    }
                }
            }
            accepted.append(
                PluginEntry(
                    name: plugin.name, version: plugin.version, summary: plugin.summary, apiVersion: plugin.apiVersion,
                    commands: commands, defaultCommand: defaultCommand))
        }
        self.plugins = accepted
        self.rejected = rejected
    }

    /// Adds an external plugin's cached commands; refuses a name already taken.
    func addExternal(_ record: ExternalPluginRecord) throws {
        if topLevelNames.contains(record.name) && plugin(named: record.name)?.external == nil {
            throw OpsError(ExternalText.nameTaken(record.name), code: .conflict)
        }
        removeExternal(named: record.name)
        let commands = record.commands.map { CommandEntry(external: record, descriptor: $0) }
        plugins.append(
            PluginEntry(
                name: record.name, version: record.version, summary: record.summary.encoded, apiVersion: record.protocolVersion.major,
                commands: commands, defaultCommand: nil, external: record))
    }

    func removeExternal(named name: String) {
        plugins.removeAll { $0.name == name && $0.external != nil }
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
                           hint: Strings.seeHelp, code: .unknownCommand)
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
