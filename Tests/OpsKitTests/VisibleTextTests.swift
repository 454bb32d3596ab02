import Testing

@testable import OpsKit

@Suite struct VisibleTextTests {
    @Test func controlCharactersBecomeVisibleSymbols() {
        #expect(VisibleText.escaped("a\u{1B}[31mred") == "a␛[31mred")
        #expect(VisibleText.escaped("x\ty\rz\nw") == "x␉y␍z⏎w")
        #expect(VisibleText.escaped("x\ty\nw", keepingNewlines: true) == "x␉y\nw")
        #expect(VisibleText.escaped("del\u{7F} nul\u{0} bell\u{7}") == "del␡ nul␀ bell␇")
        #expect(VisibleText.escaped("c1\u{9B}31m") == "c1\\u{9B}31m")
        #expect(VisibleText.escaped("bidi\u{202E}txt") == "bidi\\u{202E}txt")
        #expect(VisibleText.escaped("普通文本 plain") == "普通文本 plain")
    }

    @Test func escapedCellsKeepTablesAligned() {
        let table = TableRenderer().render(headers: ["名称\u{1B}", "note"], rows: [["a\u{1B}[2J", "x"], ["购买\t", "y"]])
        #expect(!table.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(table.contains("a␛[2J") && table.contains("购买␉") && table.contains("名称␛"))
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // the second column starts at the same display column on every line
        #expect(DisplayWidth.of(lines[2]) == DisplayWidth.of(lines[3]), "\(table)")
        #expect(DisplayWidth.of(lines[0]) == DisplayWidth.of(lines[2]) + 3, "\(table)")
    }

    @Test func hugeQuotedValuesAreShortenedWithTheirLength() {
        let value = String(repeating: "x", count: 102_400)
        let message = VisibleText.message("error: unknown dataset '\(value)'\nhint: datasets: users")
        #expect(message.count < 200)
        #expect(message.contains("(102400 characters)"))
        #expect(message.contains("…'"))
        #expect(message.hasSuffix("\nhint: datasets: users"))
        #expect(VisibleText.message("error: unknown dataset 'abc'") == "error: unknown dataset 'abc'")
    }
}
