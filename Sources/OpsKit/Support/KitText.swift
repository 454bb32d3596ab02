/// OpsKit's own messages (errors, table footers, chart legends, shared option help),
/// in both interface languages.
enum KitText {
    // MARK: Unknown names

    /// "unknown column 'x' in --id" / "--id 中未知的列 'x'".
    static func unknown(_ kind: String, _ name: String, place: String) -> String {
        L("unknown \(kind) '\(name)'\(place)", "\(place)未知的\(kind) '\(name)'")
    }
    /// Where an unknown name was given: " in --id" / "--id 中".
    static func inOption(_ option: String) -> String { L(" in \(option)", "\(option) 中") }
    /// " — did you mean 'a' or 'b'?"
    static func didYouMean(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        return L(" — did you mean \(quoted.joined(separator: " or "))?", " —— 是不是要输入 \(quoted.joined(separator: " 或 "))？")
    }
    static func listing(_ label: String, _ shown: String, total: Int?) -> String {
        let more = total.map { L(", … (\($0) in all)", "，…（共 \($0) 个）") } ?? ""
        return L("\(label): \(shown)\(more)", "\(label)：\(shown)\(more)")
    }
    static func noneYet(_ label: String) -> String { L("there are no \(label) yet", "还没有\(label)") }
    static var column: String { L("column", "列") }
    static var columns: String { L("columns", "列") }
    static var dataset: String { L("dataset", "数据集") }
    static var datasets: String { L("datasets", "数据集") }

    static func invalidOption(_ option: String, _ problem: String) -> String {
        L("\(option): \(problem)", "\(option)：\(problem)")
    }

    // MARK: Datasets and columns

    static func notNumeric(_ name: String, place: String, sample: String) -> String {
        L("column '\(name)'\(place) is not numeric: it holds text such as \"\(sample)\"",
          "列 '\(name)'\(place)不是数值列：其中有 \"\(sample)\" 这样的文本")
    }
    /// Which option named a column: " (--features)" / "（--features）".
    static func optionInParentheses(_ option: String) -> String { L(" (\(option))", "（\(option)）") }
    static func notNumericHint(_ name: String) -> String {
        L("choose a numeric column, or reload the dataset with --types \(name)=double",
          "请选择数值列，或用 --types \(name)=double 重新载入数据集")
    }
    static func lengthsDiffer(_ bad: String, _ badCount: Int, _ first: String, _ firstCount: Int) -> String {
        L("column '\(bad)' has \(badCount) rows but '\(first)' has \(firstCount)",
          "列 '\(bad)' 有 \(badCount) 行，而 '\(first)' 有 \(firstCount) 行")
    }
    static func duplicateColumn(_ name: String) -> String {
        L("column name '\(name)' appears twice", "列名 '\(name)' 出现了两次")
    }
    static func columnLength(_ name: String, _ count: Int, rows: Int) -> String {
        L("column '\(name)' has \(count) rows, the dataset has \(rows)", "列 '\(name)' 有 \(count) 行，而数据集有 \(rows) 行")
    }
    static func badDatasetName(_ name: String) -> String {
        L("'\(name)' is not a valid dataset name", "'\(name)' 不是合法的数据集名称")
    }
    static var datasetNameHint: String {
        L("use letters, digits and _ (starting with a letter), e.g. users_2024 or 用户",
          "请使用字母、数字和 _（以字母开头），如 users_2024 或 用户")
    }

    // MARK: Commands and output

    static func runsInSession(_ name: String) -> String {
        L("'\(name)' runs inside the workbench session", "'\(name)' 只能在工作台会话中运行")
    }
    static var cancelled: String { L("cancelled", "已取消") }
    static var warningPrefix: String { L("warning: ", "警告：") }
    static var notePrefix: String { L("note: ", "注意：") }
    static var resultNameHelp: Localized {
        Localized(en: "Name of the result dataset in the workspace.", zh: "结果数据集在工作区中的名称。")
    }
    static var seedHelp: Localized {
        Localized(en: "Random seed (default: the session's `set seed`, initially 42).",
                  zh: "随机种子（默认：会话的 `set seed`，初始为 42）。")
    }

    // MARK: Tables and charts

    /// "… 5 more (25 rows × 3 columns)".
    static func moreRows(_ hidden: Int, total: Int, columns: Int) -> String {
        L("… \(hidden) more (\(total) \(total == 1 ? "row" : "rows") × \(columns) columns)",
          "… 另有 \(hidden) 行（共 \(total) 行 × \(columns) 列）")
    }
    /// "(3 rows)".
    static func rowCount(_ total: Int) -> String {
        L("(\(total) \(total == 1 ? "row" : "rows"))", "（\(total) 行）")
    }
    static var noChartData: String { L("(no data to chart)", "（没有可绘制的数据）") }
    static var noPoints: String { L("(no points to draw)", "（没有可绘制的点）") }
    static var intervalLegend: String { L("interval", "区间") }
}
