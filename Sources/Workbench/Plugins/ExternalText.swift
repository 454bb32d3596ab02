import OpsKit

/// Messages about external plugins, in both interface languages.
enum ExternalText {
    /// A result dataset sent without a field its format needs (`path`, `handle`).
    static func missingField(_ field: String) -> String { L("no \(field)", "缺少 \(field)") }
    static var noExecutable: String { L("the plugin has no program to run", "插件没有可运行的程序") }
    static func cannotStart(_ program: String, _ reason: String) -> String {
        L("cannot start plugin program '\(program)': \(reason)", "无法启动插件程序 '\(program)'：\(reason)")
    }
    static func refused(_ name: String, _ reason: String) -> String {
        L("plugin \(name) refused the handshake: \(reason)", "插件 \(name) 拒绝握手：\(reason)")
    }
    static func incompatible(_ name: String, _ theirs: ProtocolVersion, _ ours: ProtocolVersion) -> String {
        L("plugin \(name) speaks protocol \(theirs), this opsbench speaks \(ours) (the major versions differ)",
          "插件 \(name) 使用协议 \(theirs)，本 opsbench 使用 \(ours)（主版本不同）")
    }
    static var incompatibleHint: String { L("update the plugin or opsbench", "请更新插件或 opsbench") }
    static func garbage(_ name: String, _ line: String) -> String {
        L("plugin \(name) wrote something that is not a protocol message: \(line)", "插件 \(name) 输出了不符合协议的内容：\(line)")
    }
    static func crashed(_ name: String, _ status: String) -> String {
        L("plugin \(name) stopped during the call (\(status)); the workspace is unchanged",
          "插件 \(name) 在调用中退出（\(status)）；工作区未改动")
    }
    static func exitStatus(_ code: Int32) -> String { L("exit status \(code)", "退出码 \(code)") }
    static func signal(_ number: Int32) -> String { L("signal \(number)", "信号 \(number)") }
    static func stderrHint(_ tail: String) -> String? {
        tail.isEmpty ? nil : L("its last error output: ", "它最后的错误输出：") + String(tail.suffix(400))
    }
    static func timedOut(_ name: String, _ seconds: Double) -> String {
        L("plugin \(name) did not answer within \(ValueFormat.double(seconds)) s and was stopped",
          "插件 \(name) 在 \(ValueFormat.double(seconds)) 秒内没有响应，已停止")
    }
    static var timeoutHint: String {
        L("a longer time limit: OPSBENCH_PLUGIN_TIMEOUT=SECONDS", "可设置更长的时限：OPSBENCH_PLUGIN_TIMEOUT=秒数")
    }
    static func added(_ name: String, _ version: String, commands: [String]) -> String {
        L("added plugin \(name) \(version): \(commands.joined(separator: ", "))", "已添加插件 \(name) \(version)：\(commands.joined(separator: "、"))")
    }
    static func removed(_ name: String) -> String { L("removed plugin \(name)", "已移除插件 \(name)") }
    static func notAdded(_ name: String, _ names: [String]) -> OpsError {
        OpsError.unknown(kind: L("plugin", "插件"), name: name, available: names, listLabel: L("added plugins", "已添加的插件"))
    }
    static func nameTaken(_ name: String) -> String {
        L("the name '\(name)' is taken by a built-in command or plugin", "名称 '\(name)' 已被内置命令或插件占用")
    }
    static func badPath(_ path: String) -> String { L("no plugin program at '\(path)'", "'\(path)' 处没有插件程序") }
    static var noExternal: String { L("no external plugins added (plugin add PATH)", "尚未添加外部插件（plugin add PATH）") }
    static func needsTarget(_ action: String) -> String { L("plugin \(action) needs a PATH or NAME", "plugin \(action) 需要给出路径或名称") }
    static func badResult(_ name: String, _ dataset: String, _ problem: String) -> String {
        L("plugin \(name) returned an unreadable dataset '\(dataset)': \(problem)", "插件 \(name) 返回的数据集 '\(dataset)' 无法读取：\(problem)")
    }
}
