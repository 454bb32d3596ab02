import Foundation
import OpsKit
import Testing

/// The interactive shell in Chinese at a real pseudo-terminal: help, an error with its
/// hint and a table with Chinese headers, as a user reading Chinese sees them.
@Suite(.serialized, .enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built: run swift build before swift test"))
struct PtyChineseTests {
    typealias Keys = PseudoTerminal
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    @Test func helpAnErrorAndATableInChinese() throws {
        try directory.write("城市.csv", "城市,订单,金额\n北京,12,3.5\n呼和浩特,7,120.25\n上海,30,8\n")
        let terminal = try PseudoTerminal(["--lang", "zh"], in: directory)
        try #require(terminal.waitFor("opsbench>"), "no prompt; \(terminal.dump)")

        try terminal.run("set lang", expecting: "界面语言：zh (中文)，由 --lang 决定")
        try terminal.run("help show", expecting: "以表格显示数据集的前几行。")
        #expect(terminal.screen.text.contains("用法: show <name>"))
        #expect(terminal.screen.text.contains("选项:"))
        #expect(terminal.screen.text.contains("显示的行数。"))
        #expect(terminal.screen.text.contains("默认: 10"))

        try terminal.run("show 没有这个", expecting: "错误：未知的数据集 '没有这个'")
        #expect(terminal.screen.text.contains("提示：还没有数据集"))

        try terminal.run("load 城市表 城市.csv", expecting: "已载入 城市表：3 行 × 3 列")
        try terminal.run("show 城市表", expecting: "（3 行）")
        let lines = terminal.screen.text.components(separatedBy: "\n")
        let header = try #require(lines.lastIndex { $0.hasPrefix("城市") }, "\(terminal.dump)")
        let table = Array(lines[header...header + 4])
        #expect(table[1].hasPrefix("────"), "\(table)")
        #expect(table[3].hasPrefix("呼和浩特"), "\(table)")
        // Numbers are right-aligned: with the last column numeric, every line of the table ends at one display column.
        let widths = Set(table.map { DisplayWidth.of($0.trailingSpacesTrimmed) })
        #expect(widths.count == 1, "the table is not aligned by display width: \(table)")

        terminal.type("quit" + Keys.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test func aChineseLocaleChoosesChinese() throws {
        let terminal = try PseudoTerminal([], in: directory, locale: "zh_CN.UTF-8")
        try #require(terminal.waitFor("opsbench>"), "no prompt; \(terminal.dump)")
        try terminal.run("set lang", expecting: "由 LANG=zh_CN.UTF-8 决定")
        try terminal.run("set lang en", expecting: "language: en (English), chosen by set lang")
        try terminal.run("show nothing", expecting: "error: unknown dataset 'nothing'")
        terminal.type(Keys.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }
}

extension String {
    fileprivate var trailingSpacesTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
