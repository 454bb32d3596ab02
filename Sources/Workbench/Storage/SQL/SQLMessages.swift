import OpsKit

/// User-facing messages of `sql` (the reading guard, names SQL cannot tell apart).
enum SQLMessages {
    static func notAllowed(_ action: String) -> OpsError {
        OpsError(
            L("sql runs read-only queries over the workspace; \(action) is not allowed",
              "sql 只运行读取工作区的查询，不允许 \(action)"),
            hint: L("datasets change through commands: store a query's result with --as NAME",
                    "数据集通过命令修改：用 --as 名称 保存查询结果"))
    }

    static func namesDifferOnlyInCase(_ names: [String]) -> OpsError {
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        return OpsError(
            L("sql cannot tell the datasets \(list) apart: SQL table names ignore case",
              "sql 无法区分数据集 \(list)：SQL 表名不区分大小写"),
            hint: L("rename one of them (rename \(names[0]) \(names[0])_2)", "将其中一个改名（rename \(names[0]) \(names[0])_2）"))
    }

    static func columnsDifferOnlyInCase(_ dataset: String, _ columns: [String]) -> OpsError {
        let list = columns.map { "'\($0)'" }.joined(separator: ", ")
        return OpsError(
            L("sql cannot read '\(dataset)': its columns \(list) differ only in case, which SQL ignores",
              "sql 无法读取 '\(dataset)'：列 \(list) 只有大小写不同，SQL 不区分大小写"),
            hint: L("store it under distinct column names first", "请先以不同的列名保存该数据集"))
    }

    /// Reported (never expected) when a statement reads a column its plan did not announce.
    static var columnNotVerified: String {
        L("a column was read before its checksums were verified; the query was stopped",
          "某列在校验和核对之前被读取；查询已停止")
    }

    /// SQLite's own error text for a Chinese reader: what it means, then SQLite's words
    /// (`"SELEC" 附近有语法错误（SQLite：near "SELEC": syntax error）`) so they can still be looked up.
    static func inChinese(_ detail: String) -> String {
        chineseMeaning(detail).map { "\($0)（SQLite：\(detail)）" } ?? "SQLite 报错：\(detail)"
    }

    /// The meaning of SQLite's common messages about a query (the rest are rare in read-only queries).
    private static func chineseMeaning(_ detail: String) -> String? {
        let named: [(prefix: String, chinese: (String) -> String)] = [
            ("no such column: ", { "没有列 \($0)" }),
            ("no such function: ", { "没有函数 \($0)" }),
            ("ambiguous column name: ", { "列名 \($0) 有歧义（不止一个表有这一列，请写成 表.列）" }),
            ("unrecognized token: ", { "无法识别的记号 \($0)" }),
            ("misuse of aggregate: ", { "聚合函数 \($0) 用法有误" }),
            ("misuse of aggregate function ", { "聚合函数 \($0) 用法有误" }),
            ("wrong number of arguments to function ", { "函数 \($0) 的参数个数不对" }),
        ]
        for (prefix, chinese) in named where detail.hasPrefix(prefix) { return chinese(String(detail.dropFirst(prefix.count))) }
        if detail.hasPrefix("near "), detail.hasSuffix(": syntax error") {
            return "\(detail.dropFirst(5).dropLast(14)) 附近有语法错误"
        }
        if detail == "incomplete input" { return "语句不完整" }
        return nil
    }
}
