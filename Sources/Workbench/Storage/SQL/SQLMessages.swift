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
}
