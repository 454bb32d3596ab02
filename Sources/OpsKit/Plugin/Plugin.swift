import ArgumentParser

/// The version of the plugin API that this OpsKit provides. Only the major
/// number is checked when a plugin registers; it is independent of the
/// workbench's own version.
public let pluginAPIVersion = 1

/// A named group of commands, such as `segment` or `route`.
///
/// Registering a plugin is one line in the plugin catalogue; the workbench
/// reads everything else (help, completion, suggestions) from these declarations.
public protocol Plugin {
    /// The word users type first (`segment`).
    static var name: String { get }
    /// The plugin's own version.
    static var version: String { get }
    /// One line for `plugins` and `help`.
    static var summary: String { get }
    /// The plugin API major version it was written for.
    static var apiVersion: Int { get }
    /// The subcommands, in the order help lists them.
    static var commands: [any PluginCommand.Type] { get }
    /// The command run when the second word is not a subcommand (`ask "问题"`).
    static var defaultCommand: (any PluginCommand.Type)? { get }
}

extension Plugin {
    public static var apiVersion: Int { pluginAPIVersion }
    public static var defaultCommand: (any PluginCommand.Type)? { nil }
}

/// One command: its arguments are declared with swift-argument-parser
/// property wrappers and parsed from the tokens of a line, and it runs
/// against a ``CommandContext``.
///
/// Set `configuration.commandName` and `abstract`; declare ``examples``.
/// Never call `main()`, `parseOrExit()` or `exit()` inside the workbench.
public protocol PluginCommand: ParsableCommand, DeclaresOptionRules {
    /// Example lines shown under the generated help (`segment kmeans users --features a,b --k 3`).
    static var examples: [String] { get }
    /// Runs the command. Throw ``OpsError`` for user errors; the session
    /// prints it and the workspace stays as it was.
    mutating func run(in context: CommandContext) throws
}

extension PluginCommand {
    public static var examples: [String] { [] }
    /// Which options go together or exclude each other (none by default).
    public static var rules: [OptionRule] { [] }

    /// The word that invokes this command.
    public static var name: String { configuration.commandName ?? String(describing: self).lowercased() }

    public mutating func run() throws {
        throw OpsError(KitText.runsInSession(Self.name))
    }
}

/// A command that reads further lines from a sub-prompt (`ask chat`) until a
/// closing line. When it fails before reading that line, a script runner skips
/// the rest of its input instead of running those lines as commands.
public protocol SubPromptCommand: PluginCommand {
    /// The line that ends the sub-prompt (`/exit`).
    static var endOfInput: String { get }
}
