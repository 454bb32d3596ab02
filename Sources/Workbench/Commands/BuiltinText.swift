import OpsKit

/// Help and output words of the built-in commands (help, plugins, datasets, show,
/// describe, schema, sql, drop, rename, source, history, quit), in both languages.
enum BuiltinText {
    // MARK: help, plugins, quit, source, history
    static var helpAbstract: Localized {
        .init(en: "List commands, or show one command's options and examples.", zh: "列出命令，或显示某个命令的选项和示例。")
    }
    static var helpWordsHelp: Localized {
        .init(en: "A command, a plugin, or a plugin and one of its commands.", zh: "一个命令、一个插件，或插件及其某个命令。")
    }
    static var pluginsAbstract: Localized {
        .init(en: "List the loaded plugins, their versions and commands.", zh: "列出已载入的插件及其版本和命令。")
    }
    static var pluginsHeaders: [String] {
        [L("plugin", "插件"), L("version", "版本"), L("api", "API"), L("commands", "命令")]
    }
    static func pluginNotLoaded(_ name: String, _ reason: String) -> String {
        L("plugin \(name) not loaded: \(reason)", "插件 \(name) 未载入：\(reason)")
    }
    static var quitAbstract: Localized {
        .init(en: "Leave the workbench (Ctrl-D does the same).", zh: "退出工作台（Ctrl-D 效果相同）。")
    }
    static var sourceAbstract: Localized {
        .init(en: "Run the commands of a script file in this session.", zh: "在本会话中运行脚本文件里的命令。")
    }
    static var sourcePathHelp: Localized { .init(en: "Script to run.", zh: "要运行的脚本。") }
    static var historyAbstract: Localized {
        .init(en: "List the commands run in this session.", zh: "列出本会话中运行过的命令。")
    }
    static var historyLastHelp: Localized { .init(en: "Show only the last N commands.", zh: "只显示最后 N 条命令。") }

    // MARK: datasets, show, describe, schema, sql
    static var datasetsAbstract: Localized { .init(en: "List the workspace's datasets.", zh: "列出工作区中的数据集。") }
    static var datasetsHeaders: [String] {
        [L("name", "名称"), L("rows", "行数"), L("columns", "列数"), L("made by", "生成命令")]
    }
    static var showAbstract: Localized { .init(en: "Show a dataset's first rows as a table.", zh: "以表格显示数据集的前几行。") }
    static var showNameHelp: Localized { .init(en: "Dataset to show.", zh: "要显示的数据集。") }
    static var showRowsHelp: Localized { .init(en: "Number of rows to show.", zh: "显示的行数。") }
    static var showColumnsHelp: Localized { .init(en: "Columns to show, comma-separated.", zh: "要显示的列，以逗号分隔。") }
    static var describeAbstract: Localized {
        .init(en: "Summary statistics of every column (numbers and text).", zh: "每一列的汇总统计（数值列和文本列）。")
    }
    static var describeNameHelp: Localized { .init(en: "Dataset to describe.", zh: "要汇总的数据集。") }
    static var schemaAbstract: Localized {
        .init(en: "Column names and types of a dataset, and how it was made.", zh: "数据集的列名和类型，以及它是如何生成的。")
    }
    static var schemaNameHelp: Localized { .init(en: "Dataset.", zh: "数据集。") }
    static var schemaHeaders: [String] { [L("column", "列"), L("type", "类型")] }
    static func rowCount(_ rows: Int) -> String { L("\(rows) rows", "\(rows) 行") }
    static func madeBy(_ command: String) -> String { L("made by: \(command)", "生成命令：\(command)") }
    static func inputs(_ names: [String]) -> String {
        L("inputs: ", "输入：") + names.joined(separator: ", ")
    }
    static func seed(_ seed: UInt64) -> String { L("seed: \(seed)", "随机种子：\(seed)") }
    /// A line of how a dataset was read (`encoding: GBK`, `sheet: 汇总`); other keys print as they are.
    static func provenanceDetail(_ key: String, _ value: String) -> String {
        switch key {
        case "encoding": return L("encoding: \(value)", "编码：\(value)")
        case "sheet": return L("sheet: \(value)", "工作表：\(value)")
        default: return "\(key): \(value)"
        }
    }
    /// The printed header of a `describe` column; the dataset `describe --as` stores keeps the names.
    static func statisticHeader(_ name: String) -> String {
        let chinese = [
            "column": "列", "type": "类型", "count": "非空数", "nulls": "空值数", "mean": "均值", "std": "标准差",
            "min": "最小值", "p25": "25% 分位数", "p50": "中位数", "p75": "75% 分位数", "max": "最大值",
            "distinct": "不同值数", "top": "众数", "top_count": "众数频数",
        ]
        return L(name, chinese[name] ?? name)
    }
    static var sqlAbstract: Localized {
        .init(en: "Run an SQLite query over the workspace's datasets.", zh: "在工作区的数据集上运行 SQLite 查询。")
    }
    static var sqlDiscussion: Localized {
        .init(en: "Datasets are tables under their own names; quote Chinese names with double quotes inside the query.",
              zh: "每个数据集就是与之同名的表；查询中的中文名称请用双引号括起来。")
    }
    static var sqlQueryHelp: Localized { .init(en: "The query.", zh: "查询语句。") }
    static var sqlRowsHelp: Localized { .init(en: "Rows to show.", zh: "显示的行数。") }

    // MARK: drop, rename
    static var dropAbstract: Localized { .init(en: "Remove datasets from the workspace.", zh: "从工作区删除数据集。") }
    static var dropNamesHelp: Localized { .init(en: "Datasets to remove.", zh: "要删除的数据集。") }
    static var dropNeedsName: String { L("name at least one dataset to drop", "请至少给出一个要删除的数据集") }
    static var renameAbstract: Localized { .init(en: "Rename a dataset.", zh: "重命名数据集。") }
    static var renameOldHelp: Localized { .init(en: "Current name.", zh: "当前名称。") }
    static var renameNewHelp: Localized { .init(en: "New name.", zh: "新名称。") }
}
