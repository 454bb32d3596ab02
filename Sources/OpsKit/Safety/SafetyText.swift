/// The messages of OpsKit's safety pieces (write sandbox, echoed values), in both languages.
enum SafetyText {
    static func characters(_ count: Int) -> String { L("(\(count) characters)", "（共 \(count) 个字符）") }

    static func writeRefused(_ path: String, resolved: String, roots: [String]) -> String {
        let shown = path == resolved ? "'\(path)'" : "'\(path)' (\(resolved))"
        let list = roots.joined(separator: ", ")
        return L(
            "refusing to write \(shown): a script may write only under \(list)",
            "拒绝写入 \(shown)：脚本只能写入 \(list) 之内")
    }

    static func allowWriteHint(_ folder: String) -> String {
        L("if you trust this script, run it again with --allow-write \(folder)",
          "如果信任此脚本，请加上 --allow-write \(folder) 重新运行")
    }
}
