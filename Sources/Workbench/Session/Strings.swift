import OpsKit

/// Every user-facing sentence of the Workbench module, in one place so that
/// a Chinese interface can be added without touching logic.
enum Strings {
    /// The text of an error as printed: echoed values made visible and, when huge, shortened.
    static func describe(_ error: Error) -> String { VisibleText.message(errorText(error)) }

    private static func errorText(_ error: Error) -> String {
        switch error {
        case let error as OpsError:
            return "error: \(error.message)\n" + (error.hint.map { "hint: \($0)\n" } ?? "")
        case let error as ArgumentError:
            return error.description
        case is CommandCancelled:
            return "cancelled: the workspace is unchanged\n"
        case let error as ScriptCancelled:
            return "cancelled: the script stopped at \(error.location); the commands before it are kept\n"
        default:
            return "error: \(error)\n"
        }
    }

    static let seeHelp = "type 'help' for the list of commands"
    static func seeCommandHelp(_ command: String) -> String { "see 'help \(command)'" }
    static let pluginNameTaken = "its name is already taken by another command"
    static func pluginAPIMismatch(_ version: Int) -> String {
        "it was written for plugin API \(version), this opsbench provides \(pluginAPIVersion)"
    }

    static func unknownCommand(_ name: String, suggestion: String?) -> String {
        "unknown command '\(name)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? "")
    }

    static func unknownSubcommand(_ name: String, plugin: String, suggestion: String?) -> String {
        "unknown \(plugin) command '\(name)'" + (suggestion.map { " — did you mean '\($0)'?" } ?? "")
    }

    static func pluginCommandsHint(_ plugin: String, _ names: [String]) -> String {
        "\(plugin) commands: " + names.joined(separator: ", ")
    }

    // Data commands
    static func loaded(_ name: String, rows: Int, columns: Int, path: String) -> String {
        "loaded \(name): \(rows) rows × \(columns) columns from \(path)"
    }
    static func exported(_ name: String, rows: Int, path: String) -> String { "exported \(name): \(rows) rows to \(path)" }
    static func dropped(_ name: String) -> String { "dropped \(name)" }
    static func renamed(_ old: String, _ new: String) -> String { "renamed \(old) to \(new)" }
    static func stored(_ name: String, rows: Int) -> String { "stored \(name): \(rows) rows" }
    static let noDatasets = "no datasets yet — load one with: load NAME PATH"
    static func nameTaken(_ name: String) -> String { "a dataset called '\(name)' already exists" }
    static let nameTakenHint = "drop it first, or choose another name"

    // Session commands
    static func seedSet(_ seed: UInt64) -> String { "seed = \(seed)" }
    static func variableSet(_ name: String, _ value: String) -> String { "\(name) = \(value)" }
    static func recording(_ path: String) -> String { "recording to \(path) (stop with: record stop)" }
    static func recordingStopped(_ path: String, commands: Int) -> String { "recorded \(commands) commands to \(path)" }
    static let notRecording = "not recording"
    static let alreadyRecording = "already recording"
    static func sourceFailed(_ location: String) -> String { "script stopped at \(location)" }
    static func sourceLoop(_ path: String) -> String { "'\(path)' is already being run (a script cannot source itself)" }
}
