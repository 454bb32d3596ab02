import OpsKit

/// The Workbench messages of the safety rules (scripts from pipes, write
/// destinations, option ranges of the built-in commands), in both languages.
enum SafetyMessages {
    // Scripts
    static func cannotReadScript(_ path: String) -> String { L("cannot read script '\(path)'", "无法读取脚本 '\(path)'") }
    static var noSuchFile: String { L("no such file", "没有这个文件") }
    static var checkPermissions: String { L("check its permissions", "请检查文件权限") }
    static func notUTF8(_ path: String) -> String { L("script '\(path)' is not UTF-8 text", "脚本 '\(path)' 不是 UTF-8 文本") }
    /// How standard input is named in `FILE:LINE` locations.
    static var standardInput: String { "stdin" }

    // Destinations
    static func destinationIsLink(_ path: String) -> String {
        L("refusing to replace '\(path)': it is a symbolic link", "拒绝替换 '\(path)'：它是符号链接")
    }
    static func destinationHasLinks(_ path: String, _ count: Int) -> String {
        L("refusing to replace '\(path)': it has \(count) hard links, and replacing it would cut them",
          "拒绝替换 '\(path)'：它有 \(count) 个硬链接，替换会断开它们")
    }
    static func destinationNotRegular(_ path: String) -> String {
        L("refusing to write '\(path)': it is not a regular file (a device, FIFO, socket or folder)",
          "拒绝写入 '\(path)'：它不是普通文件（设备、管道、套接字或文件夹）")
    }
    static var chooseAnotherPath: String { L("write to a new path instead", "请改写到一个新的路径") }
    static func cannotWriteTranscript(_ path: String, _ problem: String) -> String {
        L("cannot write transcript '\(path)': \(problem)", "无法写入记录文件 '\(path)'：\(problem)")
    }

    // Option ranges
    static func atLeast(_ option: String, _ minimum: Int) -> String {
        L("\(option) must be \(minimum) or more", "\(option) 必须不小于 \(minimum)")
    }
    static func atMost(_ option: String, _ maximum: Int) -> String {
        L("\(option) must be at most \(maximum)", "\(option) 不能大于 \(maximum)")
    }
}
