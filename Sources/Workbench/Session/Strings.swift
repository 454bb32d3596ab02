import OpsKit

/// Every user-facing sentence of the Workbench module, in one place so that
/// a Chinese interface can be added without touching logic.
enum Strings {
    /// The text of an error as printed: echoed values made visible and, when huge, shortened.
    static func describe(_ error: Error) -> String { VisibleText.message(errorText(error)) }

    private static func errorText(_ error: Error) -> String {
        switch error {
        case let error as OpsError where error.code == .cancelled:
            return error.message + "\n"
        case let error as OpsError:
            return errorPrefix + error.message + "\n" + (error.hint.map { hintPrefix + $0 + "\n" } ?? "")
        case is CommandCancelled:
            return L("cancelled: the workspace is unchanged\n", "已取消：工作区未改动\n")
        case let error as ScriptCancelled:
            return L("cancelled: the script stopped at \(error.location); the commands before it are kept\n",
                     "已取消：脚本停在 \(error.location)；此前命令的结果已保留\n")
        default:
            return errorPrefix + "\(error)\n"
        }
    }

    static var failed: String { L("failed", "失败") }
    static func notRunnable(_ command: String) -> String {
        L("'\(command)' is not runnable", "'\(command)' 无法运行")
    }
    /// `error: ` / `错误：` before a message, `hint: ` / `提示：` before its hint.
    static var errorPrefix: String { L("error: ", "错误：") }
    static var hintPrefix: String { L("hint: ", "提示：") }

    static var seeHelp: String { L("type 'help' for the list of commands", "输入 'help' 查看命令列表") }
    static func seeCommandHelp(_ command: String) -> String { L("see 'help \(command)'", "参见 'help \(command)'") }
    static var pluginNameTaken: String { L("its name is already taken by another command", "它的名称已被其他命令占用") }
    static func pluginAPIMismatch(_ version: Int) -> String {
        L("it was written for plugin API \(version), this opsbench provides \(pluginAPIVersion)",
          "它为插件 API \(version) 编写，而本 opsbench 提供的是 \(pluginAPIVersion)")
    }

    static func unknownCommand(_ name: String, suggestion: String?) -> String {
        L("unknown command '\(name)'", "未知命令 '\(name)'") + (suggestion.map(didYouMean) ?? "")
    }

    static func unknownSubcommand(_ name: String, plugin: String, suggestion: String?) -> String {
        L("unknown \(plugin) command '\(name)'", "未知的 \(plugin) 命令 '\(name)'") + (suggestion.map(didYouMean) ?? "")
    }

    /// " — did you mean 'x'?"
    static func didYouMean(_ suggestion: String) -> String {
        L(" — did you mean '\(suggestion)'?", " —— 您是不是想输入 '\(suggestion)'？")
    }

    // Help
    static var builtinCommandsHeading: String { L("Built-in commands:", "内置命令：") }
    static var commandsHeading: String { L("Commands:", "命令：") }
    static var examplesHeading: String { L("Examples:", "示例：") }
    static var helpFooter: String {
        L("Type 'help COMMAND' (e.g. 'help load', 'help segment kmeans') for options and examples.",
          "输入 'help 命令'（如 'help load'、'help segment kmeans'）查看选项和示例。")
    }
    static func defaultCommandNote(_ plugin: String, _ fallback: String) -> String {
        L("'\(plugin) ARGS' without a command runs '\(fallback)'.", "'\(plugin) 参数' 不带子命令时执行 '\(fallback)'。")
    }

    static func pluginCommandsHint(_ plugin: String, _ names: [String]) -> String {
        L("\(plugin) commands: ", "\(plugin) 的命令：") + names.joined(separator: ", ")
    }

    // Data commands
    static func loaded(_ name: String, rows: Int, columns: Int, path: String) -> String {
        L("loaded \(name): \(rows) rows × \(columns) columns from \(path)", "已载入 \(name)：\(rows) 行 × \(columns) 列，来自 \(path)")
    }
    static func exported(_ name: String, rows: Int, path: String) -> String {
        L("exported \(name): \(rows) rows to \(path)", "已导出 \(name)：\(rows) 行，写入 \(path)")
    }
    static func dropped(_ name: String) -> String { L("dropped \(name)", "已删除 \(name)") }
    static func renamed(_ old: String, _ new: String) -> String { L("renamed \(old) to \(new)", "已将 \(old) 重命名为 \(new)") }
    static func stored(_ name: String, rows: Int) -> String { L("stored \(name): \(rows) rows", "已保存 \(name)：\(rows) 行") }
    static var noDatasets: String { L("no datasets yet — load one with: load NAME PATH", "还没有数据集 —— 用 load 名称 路径 载入一个") }
    static func nameTaken(_ name: String) -> String { L("a dataset called '\(name)' already exists", "已存在名为 '\(name)' 的数据集") }
    static var nameTakenHint: String { L("choose another name, or rename the existing one first", "请换一个名称，或先将已有的数据集重命名") }

    // Session commands
    static var setAbstract: Localized {
        Localized(
            en: "Set the session's seed (set seed N), interface language (set lang zh|en) or a script variable (set NAME VALUE).",
            zh: "设置会话的随机种子（set seed N）、界面语言（set lang zh|en）或脚本变量（set NAME VALUE）。")
    }
    static var setNameHelp: Localized {
        Localized(en: "seed, lang, or a variable name.", zh: "seed、lang，或变量名。")
    }
    static var setValueHelp: Localized {
        Localized(en: "The value (omit after 'lang' to see the language in force).", zh: "取值（lang 后省略则显示当前语言）。")
    }
    static func setNeedsValue(_ name: String) -> String { L("set \(name): a value is missing", "set \(name)：缺少取值") }
    static func setNeedsValueHint(_ name: String) -> String { L("e.g. set \(name) 42", "例如 set \(name) 42") }
    static func badSeed(_ value: String) -> String { L("'\(value)' is not a whole number ≥ 0", "'\(value)' 不是大于等于 0 的整数") }
    static var badSeedHint: String { L("e.g. set seed 42", "例如 set seed 42") }
    static func badVariableName(_ name: String) -> String { L("'\(name)' is not a variable name", "'\(name)' 不是合法的变量名") }
    static var badVariableNameHint: String { L("use letters, digits and _", "请使用字母、数字和 _") }
    static func unknownLanguage(_ value: String) -> String {
        L("'\(value)' is not a language opsbench speaks", "不支持语言 '\(value)'")
    }
    static var languageHint: String { L("use set lang zh (中文) or set lang en (English)", "请使用 set lang zh（中文）或 set lang en（English）") }
    /// `set lang`: "language: zh (中文), chosen by LANG".
    static func languageInForce(_ language: Language, source: String) -> String {
        let name = language == .zh ? "zh (中文)" : "en (English)"
        return L("language: \(name), chosen by \(source)", "界面语言：\(name)，由 \(source == "default" ? "默认设置" : source) 决定")
    }
    static func seedSet(_ seed: UInt64) -> String { "seed = \(seed)" }
    static func variableSet(_ name: String, _ value: String) -> String { "\(name) = \(value)" }
    static func recording(_ path: String) -> String { L("recording to \(path) (stop with: record stop)", "正在录制到 \(path)（用 record stop 结束）") }
    static func recordingStopped(_ path: String, commands: Int) -> String {
        L("recorded \(commands) commands to \(path)", "已录制 \(commands) 条命令到 \(path)")
    }
    static var notRecording: String { L("not recording", "当前没有在录制") }
    static var alreadyRecording: String { L("already recording", "已经在录制中") }
    static var recordStopFirst: String { L("record stop first", "请先执行 record stop") }
    static func sourceFailed(_ location: String) -> String { L("script stopped at \(location)", "脚本停在 \(location)") }
    static func sourceLoop(_ path: String) -> String {
        L("'\(path)' is already being run (a script cannot source itself)", "'\(path)' 已在运行中（脚本不能 source 自身）")
    }
}

extension OpsError {
    /// Any error a command ended with, as data: cancellations get code `cancelled`.
    init(describing error: Error) {
        switch error {
        case let error as OpsError: self = error
        case is CommandCancelled, is ScriptCancelled:
            self = OpsError(Strings.describe(error).trimmingWhitespace(), code: .cancelled)
        default: self = OpsError("\(error)")
        }
    }
}

/// Messages of transcript checks.
extension Strings {
    static var recordAbstract: Localized {
        Localized(en: "Record commands and their output to a transcript (record stop ends it).",
                  zh: "把命令及其输出录制成记录稿（用 record stop 结束）。")
    }
    static var recordDiscussion: Localized {
        Localized(
            en: "The transcript notes every dataset it read but did not make (its origin and a checksum); --embed also stores inputs under 1 MB, so the transcript replays anywhere. Check it with: opsbench run --check FILE",
            zh: "记录稿会注明它读取但并非在录制中生成的每个数据集（来源与校验和）；--embed 还会把 1 MB 以下的输入一并存入，使记录稿在任何机器上都能重放。用 opsbench run --check FILE 核对。")
    }
    static var recordTargetHelp: Localized {
        Localized(en: "Transcript file to write, or 'stop'.", zh: "要写入的记录稿文件，或 'stop'。")
    }
    static var recordEmbedHelp: Localized {
        Localized(en: "Embed the inputs the recording read (each under 1 MB as CSV) in the transcript.",
                  zh: "把录制中读取的输入（每个不超过 1 MB 的 CSV）嵌入记录稿。")
    }
    static func missingInput(_ input: TranscriptInput) -> String {
        let origin = input.origin.map { L(", made by: \($0)", "，生成方式：\($0)") } ?? ""
        return L("'\(input.name)' (\(input.rows) rows, checksum \(input.checksum))\(origin)",
                 "'\(input.name)'（\(input.rows) 行，校验和 \(input.checksum)）\(origin)")
    }
    static func missingInputs(_ list: [String]) -> String {
        L("the transcript needs datasets this workspace cannot rebuild: ", "记录稿需要以下数据集，但当前工作区无法重建：")
            + list.joined(separator: "; ")
    }
    static var missingInputsHint: String {
        L("run the check from the folder its load lines name, pass --workspace with those datasets, or record it again with --embed",
          "请在 load 行所指文件所在的目录运行核对，或用 --workspace 指定含这些数据集的工作区，或用 --embed 重新录制")
    }
    static func volatileFigureMissing(_ name: String) -> String {
        L("the replay did not report \(name)", "重放结果中没有 \(name)")
    }
    static func volatileFigureDiffers(_ name: String, recorded: Double, replayed: Double, tolerance: Tolerance) -> String {
        let limit = "rel \(tolerance.relative), abs \(tolerance.absolute)"
        return L("\(name) was \(replayed), recorded \(recorded): outside the tolerance (\(limit))",
                 "\(name) 为 \(replayed)，录制时为 \(recorded)：超出容差（\(limit)）")
    }
}

/// Messages of script lines: quotes and `${NAME}` variables.
extension Strings {
    static var unclosedVariable: String { L("unclosed ${ in line", "该行的 ${ 没有闭合") }
    static var unclosedVariableHint: String { L("write ${NAME}", "请写成 ${NAME}") }
    static var variableKind: String { L("variable", "变量") }
    static var variablesLabel: String { L("variables", "变量") }
    static func unclosedQuote(_ quote: Character, column: Int) -> String {
        L("unclosed \(quote) quote starting at column \(column)", "从第 \(column) 列开始的 \(quote) 引号没有闭合")
    }
    static var unclosedQuoteHint: String {
        L("close the quote, or escape it with a backslash", "请补上引号，或用反斜杠转义")
    }
    static func runsInSession(_ name: String) -> String {
        L("'\(name)' runs inside the workbench session", "'\(name)' 只能在工作台会话中运行")
    }
}
