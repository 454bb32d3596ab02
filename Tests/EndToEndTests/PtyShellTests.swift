import Foundation
import OpsKit
import Testing

/// The interactive shell at a real pseudo-terminal: libedit editing of
/// Chinese text, history, Tab completion, Ctrl-C and Ctrl-D, checked on the
/// screen a user would see. Each wait is bounded; the suite runs serially so
/// that a loaded machine does not run several shells at once.
@Suite(.serialized, .enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built: run swift build before swift test"))
struct PtyShellTests {
    typealias Keys = PseudoTerminal
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    /// A shell waiting at its first prompt.
    private func shell(locale: String? = "C.UTF-8") throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(in: directory, locale: locale)
        try #require(terminal.waitFor("opsbench>"), "no prompt; \(terminal.dump)")
        return terminal
    }

    /// With a UTF-8 locale, and with none at all (the shell then edits in UTF-8 anyway).
    @Test(arguments: ["C.UTF-8", nil])
    func chineseIsTypedMovedOverAndDeletedPerCharacter(locale: String?) throws {
        let terminal = try shell(locale: locale)
        terminal.type("set 名称 购买金额")
        try #require(terminal.wait { $0.cursorLine == "opsbench> set 名称 购买金额" }, "\(terminal.dump)")
        #expect(terminal.screen.cursorColumn == "opsbench> set 名称 购买金额".count + 6, "6 wide characters, 2 cells each")

        terminal.type(Keys.left + Keys.left)  // before 金
        #expect(terminal.wait { $0.cursorColumn == "opsbench> set 名称 购买".count + 4 })
        terminal.type(Keys.backspace)  // deletes 买, the whole character
        #expect(terminal.wait { $0.cursorLine == "opsbench> set 名称 购金额" }, "\(terminal.dump)")
        terminal.type("大")
        #expect(terminal.wait { $0.cursorLine == "opsbench> set 名称 购大金额" }, "\(terminal.dump)")
        terminal.type(Keys.home + "  " + Keys.end + "x")
        #expect(terminal.wait { $0.cursorLine == "opsbench>   set 名称 购大金额x" }, "\(terminal.dump)")

        try terminal.run("", expecting: "名称 = 购大金额x")
    }

    @Test func historyRecallsEarlierCommandsAndSurvivesARestart() throws {
        let terminal = try shell()
        try terminal.run("set first 一", expecting: "first = 一")
        try terminal.run("set second 二", expecting: "second = 二")
        terminal.type(Keys.up + Keys.up)
        #expect(terminal.wait { $0.cursorLine == "opsbench> set first 一" }, "\(terminal.dump)")
        try terminal.run("", expecting: "first = 一")
        #expect(terminal.screen.occurrences(of: "first = 一") == 2)

        try terminal.run("set third 三", expecting: "third = 三")
        terminal.type(Keys.ctrlR + "二")  // a Chinese query: searched per character
        #expect(terminal.wait { $0.cursorLine == "(reverse-i-search)'二': set second 二" }, "\(terminal.dump)")
        terminal.type("x")
        #expect(terminal.wait { $0.cursorLine == "(failed reverse-i-search)'二x': set second 二" }, "\(terminal.dump)")
        terminal.type(Keys.backspace + Keys.enter)
        #expect(terminal.wait { $0.occurrences(of: "second = 二") == 2 }, "\(terminal.dump)")
        #expect(terminal.waitFor("opsbench> set second 二", count: 2), "the prompt is back on the line that ran")

        terminal.type("quit" + Keys.enter)
        #expect(terminal.waitForExit() == 0)
        let saved = try directory.read("history")
        #expect(saved.contains("second") && saved.contains("first"))

        let next = try shell()
        next.type(Keys.up)
        #expect(next.wait { $0.cursorLine == "opsbench> quit" }, "\(next.dump)")
        next.type(Keys.up)
        #expect(next.wait { $0.cursorLine == "opsbench> set second 二" }, "\(next.dump)")
    }

    @Test func tabCompletesCommandsAndDatasetNames() throws {
        try directory.write("customers.csv", "城市,订单\n北京,12\n上海,30\n")
        let terminal = try shell()
        terminal.type("segm" + Keys.tab)
        #expect(terminal.wait { $0.cursorLine == "opsbench> segment" }, "\(terminal.dump)")
        try terminal.run("", expecting: "kmeans")

        try terminal.run("load 客户订单 customers.csv", expecting: "loaded 客户订单")
        try terminal.run("load customers customers.csv", expecting: "loaded customers")
        terminal.type("show 客" + Keys.tab)
        #expect(terminal.wait { $0.cursorLine == "opsbench> show 客户订单" }, "\(terminal.dump)")
        try terminal.run("", expecting: "上海")

        terminal.type("s" + Keys.tab)  // several commands start with s: they are listed under the line
        #expect(terminal.wait { $0.text.contains("schema") && $0.text.contains("show") && $0.text.contains("source") })
        #expect(terminal.wait { $0.cursorLine == "opsbench> s" }, "the line is redrawn after the list")
        terminal.type("how cus" + Keys.tab)
        #expect(terminal.wait { $0.cursorLine == "opsbench> show customers" }, "\(terminal.dump)")
        terminal.type("--col" + Keys.tab + "城" + Keys.tab + ",订" + Keys.tab)  // columns of the dataset on the line
        #expect(terminal.wait { $0.cursorLine == "opsbench> show customers --columns 城市,订单" }, "\(terminal.dump)")
        try terminal.run("", expecting: "北京")
    }

    @Test func ctrlCClearsTheLineAndCtrlDExitsRestoringTheTerminal() throws {
        let terminal = try shell()
        terminal.type("set lost 1")
        #expect(terminal.wait { $0.cursorLine == "opsbench> set lost 1" })
        terminal.type(Keys.ctrlC)
        #expect(terminal.waitFor("opsbench>", count: 2), "a fresh prompt after Ctrl-C")
        #expect(terminal.screen.cursorLine == "opsbench>")
        try terminal.run("set kept 2", expecting: "kept = 2")
        #expect(!terminal.screen.text.contains("lost = 1"))

        terminal.type("set k \\" + Keys.enter)
        #expect(terminal.wait { $0.cursorLine == "...>" }, "continuation prompt; \(terminal.dump)")
        try terminal.run("v", expecting: "k = v")

        terminal.type(Keys.ctrlD)
        #expect(terminal.waitForExit() == 0)
        let flags = terminal.localFlags
        #expect(flags & tcflag_t(ICANON) != 0 && flags & tcflag_t(ECHO) != 0, "the terminal is back in cooked mode")
    }

    @Test func ctrlCStopsARunningScriptAndTheWorkspaceStaysIntact() throws {
        try directory.write("kept.csv", "a,b\n1,2\n")
        let steps = 3000
        try directory.write("long.opsb", (0..<steps).map { "set seed \($0)\n" }.joined())
        let terminal = try shell()
        try terminal.run("load kept kept.csv", expecting: "loaded kept")
        terminal.type("source long.opsb" + Keys.enter)
        try #require(terminal.waitFor("seed = 20"), "the script started; \(terminal.dump)")
        terminal.type(Keys.ctrlC)
        let finished = "seed = \(steps - 1)"
        #expect(terminal.wait { $0.text.contains("cancelled") || $0.text.contains(finished) })
        try terminal.run("datasets", expecting: "kept")
        #expect(terminal.screen.text.contains("cancelled") && !terminal.screen.text.contains(finished))
    }

    @Test func ctrlCCancelsALongCommandShowingProgressAndTheWorkspaceStaysIntact() throws {
        var state: UInt64 = 7
        var csv = "a,b,c\n"
        for _ in 0..<60_000 {
            let values = (0..<3).map { _ -> String in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return String(state >> 44)
            }
            csv += values.joined(separator: ",") + "\n"
        }
        try directory.write("points.csv", csv)
        let terminal = try shell()
        try terminal.run("load points points.csv", expecting: "loaded points")
        // A thousand k-means runs (the most --n-init allows) on 60,000 rows: far longer than the test waits, unless Ctrl-C stops it.
        terminal.type("segment kmeans points --features a,b,c --k 8 --n-init 1000 --max-iter 20 --tol 0 --as clusters" + Keys.enter)
        #expect(terminal.waitFor("k-means k=8"), "a progress line while it runs; \(terminal.dump)")
        #expect(terminal.screen.cursorLine.contains("/1,000"), "count/total on the progress line: \(terminal.screen.cursorLine)")
        terminal.type(Keys.ctrlC)
        #expect(terminal.wait { $0.text.contains("cancelled") && $0.cursorLine == "opsbench>" }, "\(terminal.dump)")
        #expect(!terminal.screen.text.contains("k-means k=8  "), "the progress line is cleared")
        try terminal.run("datasets", expecting: "points")
        #expect(!terminal.screen.text.components(separatedBy: "opsbench> datasets").last!.contains("clusters"))
    }

    static let faq = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/faq.csv").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: faq), "examples/faq.csv is not generated"))
    func aCommandsOwnPromptReadsWithTheEditorAndKeepsItsOwnHistory() throws {
        let terminal = try shell()
        try terminal.run("load faq \(Self.faq)", expecting: "loaded faq")
        try terminal.run("ask kb faq --question question --answer answer --intent intent --as kb", expecting: "'kb'")
        terminal.type("ask chat --kb kb" + Keys.enter)
        #expect(terminal.wait { $0.cursorLine == "ask>" }, "\(terminal.dump)")
        terminal.type("怎么退货" + Keys.enter)
        #expect(terminal.wait { $0.text.contains("bot:") && $0.cursorLine == "ask>" }, "\(terminal.dump)")
        terminal.type(Keys.up)
        #expect(terminal.wait { $0.cursorLine == "ask> 怎么退货" }, "Up recalls the question, not a command; \(terminal.dump)")
        terminal.type(Keys.ctrlU + Keys.ctrlD)
        #expect(terminal.wait { $0.text.contains("chat ended") && $0.cursorLine == "opsbench>" }, "\(terminal.dump)")
        terminal.type(Keys.up)
        #expect(terminal.wait { $0.cursorLine == "opsbench> ask chat --kb kb" }, "\(terminal.dump)")
    }

    @Test func outputFollowsTheTerminalWidthAfterAResize() throws {
        let header = (1...8).map { "column_number_\($0)" }.joined(separator: ",")
        try directory.write("wide.csv", header + "\n" + (1...8).map { "value_\($0)" }.joined(separator: ",") + "\n")
        let terminal = try shell()
        try terminal.run("load wide wide.csv", expecting: "loaded wide")
        func widestLineAfter(_ command: String) -> Int {
            let output = terminal.screen.text.components(separatedBy: "opsbench> " + command).last ?? ""
            return output.split(separator: "\n").map { DisplayWidth.of($0) }.max() ?? 0
        }
        try terminal.run("show wide", expecting: "column_number_8")
        #expect(widestLineAfter("show wide") > 60, "the table uses the 100 columns it has")

        terminal.resize(columns: 60)
        try terminal.run("show wide --rows 1", expecting: "column_number_8")
        #expect(widestLineAfter("show wide --rows 1") <= 60, "\(terminal.dump)")
    }
}
