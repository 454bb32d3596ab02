import Foundation
import OpsKit

/// Every user-facing sentence of the opsbench executable, in one place so
/// that a Chinese interface can be added without touching logic.
enum Strings {
    static let version = "0.1.0"

    // Command-line help
    static let rootAbstract = "An interactive operations workbench for e-commerce analysts."
    static let rootDiscussion = """
        Without a subcommand opsbench starts the interactive shell. Load datasets with \
        'load NAME PATH' and run plugins on them; type 'help' inside for every command.
        """
    static let rootUsage = """
        opsbench [--workspace <path>]
        opsbench run <file>|- [--set <name=value> ...] [--keep-going] [--allow-write <path> ...] [--workspace <path>]
        opsbench run --check <transcript> [--allow-write <path> ...] [--workspace <path>]
        """
    static let replAbstract = "Start the interactive shell."
    static let runAbstract = "Replay a script, or check a recorded transcript."
    static let runDiscussion = """
        Commands run through the same dispatcher as the shell; their output goes to stdout. \
        The exit status is 0 when every command succeeded and 1 at the first failure, which \
        is reported on stderr as FILE:LINE: error.
        """
    static let workspaceHelp = "Workspace directory (default: $OPSBENCH_HOME/workspace, OPSBENCH_HOME defaults to ~/.opsbench)."
    static let scriptHelp = "The script (or, with --check, the transcript) to replay."
    static let setHelp = "Set a script variable used as ${NAME} (repeatable)."
    static var allowWriteHelp: String {
        L("Let the script write files under PATH too (repeatable); by default it may write only under the current directory and the workspace.",
          "也允许脚本在 PATH 下写入文件(可重复);默认只能写入当前目录和工作区。")
    }
    static let keepGoingHelp = "Run every command even after a failure (the exit status is still 1)."
    static let checkHelp = "Compare each command's output with the one recorded in the transcript."

    static func badAssignment(_ text: String) -> String { "--set expects NAME=VALUE, got '\(text)'" }
    static let checkWithKeepGoing = "--keep-going cannot be combined with --check (a check stops at the first difference)"

    // Messages
    static func welcome(workspace: String) -> String {
        "opsbench \(version) — workspace \(workspace)\ntype 'help' for commands, Tab to complete, Ctrl-D to quit\n"
    }
    static func cannotOpenWorkspace(_ path: String, _ error: Error) -> String {
        "error: cannot open the workspace at \(path): \(error)\n"
    }
    static func scriptFailure(location: String, message: String) -> String { "\(location): \(message)\n" }
    static func failureCount(_ failures: Int, commands: Int) -> String {
        "\(failures) of \(commands) commands failed\n"
    }
    static func transcriptMatches(_ path: String, commands: Int) -> String {
        "\(path): all \(commands) commands match the recording\n"
    }
    static func transcriptDiffers(location: String, command: String) -> String {
        "\(location): the output of '\(command)' differs from the recording\n"
    }
    static func error(_ error: Error) -> String {
        if let error = error as? OpsError { return "error: \(error.description)\n" }
        return "error: \(error.localizedDescription)\n"
    }
    static func moreCandidates(_ count: Int) -> String { "… and \(count) more" }

    // Prompts
    static let prompt = "opsbench> "
    static let continuationPrompt = "...> "
    static func historySearchPrompt(_ query: String, failed: Bool) -> String {
        (failed ? "(failed reverse-i-search)'" : "(reverse-i-search)'") + query + "': "
    }
}
