import Foundation
import OpsKit

/// Every user-facing sentence of the opsbench executable, in English and Chinese.
enum Strings {
    static let version = "0.1.0"

    // Command-line help
    static var rootAbstract: String { L("An interactive operations workbench for e-commerce analysts.", "面向电商运营分析师的交互式运营工作台。") }
    static var rootDiscussion: String {
        L("""
        Without a subcommand opsbench starts the interactive shell. Load datasets with \
        'load NAME PATH' and run plugins on them; type 'help' inside for every command.
        """, """
        不带子命令时 opsbench 启动交互式终端。用 'load 名称 路径' 载入数据集并在其上运行插件；\
        在终端里输入 'help' 查看全部命令。
        """)
    }
    static let rootUsage = """
        opsbench [--workspace <path>] [--lang zh|en]
        opsbench run <file>|- [--set <name=value> ...] [--keep-going] [--allow-write <path> ...] [--workspace <path>] [--lang zh|en]
        opsbench run --check <transcript> [--allow-write <path> ...] [--workspace <path>]
        """
    static var replAbstract: String { L("Start the interactive shell.", "启动交互式终端。") }
    static var runAbstract: String { L("Replay a script, or check a recorded transcript.", "重放脚本，或核对录制的记录稿。") }
    static var runDiscussion: String {
        L("""
        Commands run through the same dispatcher as the shell; their output goes to stdout. \
        The exit status is 0 when every command succeeded and 1 at the first failure, which \
        is reported on stderr as FILE:LINE: error.
        """, """
        命令与交互式终端经由同一个调度器执行，输出写到标准输出。全部命令成功时退出码为 0；\
        遇到第一个失败时退出码为 1，并在标准错误上以 文件:行号: 错误 的形式报告。
        """)
    }
    static var workspaceHelp: String {
        L("Workspace directory (default: $OPSBENCH_HOME/workspace, OPSBENCH_HOME defaults to ~/.opsbench).",
          "工作区目录（默认 $OPSBENCH_HOME/workspace，OPSBENCH_HOME 默认为 ~/.opsbench）。")
    }
    static var langHelp: String {
        L("Interface language: zh or en (default: OPSBENCH_LANG, else LC_ALL/LANG, zh_* → Chinese, else English).",
          "界面语言：zh 或 en（默认取 OPSBENCH_LANG，其次 LC_ALL/LANG，zh_* 为中文，否则英文）。")
    }
    static var scriptHelp: String { L("The script (or, with --check, the transcript) to replay.", "要重放的脚本（配合 --check 时为记录稿）。") }
    static var setHelp: String { L("Set a script variable used as ${NAME} (repeatable).", "设置脚本变量，在脚本中以 ${NAME} 引用（可重复）。") }
    static var allowWriteHelp: String {
        L("Let the script write files under PATH too (repeatable); by default it may write only under the current directory and the workspace.",
          "也允许脚本在 PATH 下写入文件（可重复）；默认只能写入当前目录和工作区。")
    }
    static var keepGoingHelp: String {
        L("Run every command even after a failure (the exit status is still 1).", "出错后继续执行其余命令（退出码仍为 1）。")
    }
    static var checkHelp: String {
        L("Compare each command's output with the one recorded in the transcript.", "将每条命令的输出与记录稿中录制的输出逐条比较。")
    }

    static func badAssignment(_ text: String) -> String { L("--set expects NAME=VALUE, got '\(text)'", "--set 需要 NAME=VALUE 形式，收到 '\(text)'") }
    static var checkWithKeepGoing: String {
        L("--keep-going cannot be combined with --check (a check always replays every step)",
          "--keep-going 不能与 --check 同时使用（核对总会重放每一步）")
    }
    static var toleranceHelp: String {
        L("With --check: compare numbers within a tolerance, relative (1e-6 or rel=0.01) and/or absolute (abs=0.5); volatile steps default to rel=0.02.",
          "配合 --check：数值在容差内即视为一致，可设相对容差（1e-6 或 rel=0.01）和/或绝对容差（abs=0.5）；易变步骤默认 rel=0.02。")
    }
    static var toleranceWithoutCheck: String { L("--tolerance only applies to --check", "--tolerance 只能与 --check 一起使用") }
    static func checkScore(_ path: String, matched: Int, steps: Int) -> String {
        L("\(path): \(matched) of \(steps) steps match the recording\n", "\(path)：\(steps) 步中有 \(matched) 步与录制一致\n")
    }

    // Messages
    static func welcome(workspace: String) -> String {
        L("opsbench \(version) — workspace \(workspace)\ntype 'help' for commands, Tab to complete, Ctrl-D to quit\n",
          "opsbench \(version) — 工作区 \(workspace)\n输入 'help' 查看命令，Tab 补全，Ctrl-D 退出\n")
    }
    static func cannotOpenWorkspace(_ path: String, _ error: Error) -> String {
        L("error: cannot open the workspace at \(path): \(error)\n", "错误：无法打开位于 \(path) 的工作区：\(error)\n")
    }
    static func scriptFailure(location: String, message: String) -> String { "\(location): \(message)\n" }
    static func failureCount(_ failures: Int, commands: Int) -> String {
        L("\(failures) of \(commands) commands failed\n", "\(commands) 条命令中有 \(failures) 条失败\n")
    }
    static func transcriptMatches(_ path: String, commands: Int) -> String {
        L("\(path): all \(commands) commands match the recording\n", "\(path)：全部 \(commands) 条命令与录制一致\n")
    }
    static func transcriptDiffers(location: String, command: String) -> String {
        L("\(location): the output of '\(command)' differs from the recording\n", "\(location)：'\(command)' 的输出与录制不同\n")
    }
    static func error(_ error: Error) -> String {
        let prefix = L("error: ", "错误：")
        if let error = error as? OpsError { return prefix + error.description + "\n" }
        return prefix + error.localizedDescription + "\n"
    }
    static func moreCandidates(_ count: Int) -> String { L("… and \(count) more", "…… 还有 \(count) 项") }

    // Prompts
    static let prompt = "opsbench> "
    static let continuationPrompt = "...> "
    static func historySearchPrompt(_ query: String, failed: Bool) -> String {
        (failed ? L("(failed reverse-i-search)'", "（未找到·反向搜索）'") : L("(reverse-i-search)'", "（反向搜索）'")) + query + "': "
    }
}
