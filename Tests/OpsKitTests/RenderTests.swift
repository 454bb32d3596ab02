import Testing

@testable import OpsKit

@Suite struct RenderTests {
    @Test func wideCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("购买金额") == 8)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("ｅ") == 2)
        #expect(DisplayWidth.truncate("智能手机大屏幕", to: 7) == "智能手…")
    }

    @Test func tableColumnsLineUpWithChinese() throws {
        let data = try Dataset(columns: [
            Column(name: "城市", strings: ["上海", "Hangzhou"]),
            Column(name: "购买金额", doubles: [12.5, 3]),
        ])
        let lines = TableRenderer().render(data).split(separator: "\n").map(String.init)
        #expect(lines[0] == "城市      购买金额")
        #expect(lines[2] == "上海          12.5")
        #expect(lines[3] == "Hangzhou       3.0")
        #expect(DisplayWidth.of(lines[2]) == DisplayWidth.of(lines[3]))
    }

    @Test func wideTablesSplitIntoBlocksRepeatingTheFirstColumn() {
        let headers = ["id"] + (1...8).map { "column_\($0)_wide" }
        let rows = [["a"] + (1...8).map { "value-\($0)-xxxxxx" }]
        let text = TableRenderer(maxWidth: 60).render(headers: headers, rows: rows)
        let blocks = text.components(separatedBy: "\n\n")
        #expect(blocks.count > 1)
        for block in blocks {
            #expect(block.hasPrefix("id  column_"))
            #expect(block.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 60 })
        }
        #expect(!text.contains("…"))
        #expect(headers.allSatisfy { text.contains($0) })
    }

    @Test func suggestsClosestNames() {
        #expect(Suggest.closest(to: "segmnt", in: ["segment", "route", "sql"]) == ["segment"])
        #expect(Suggest.closest(to: "zzzzzz", in: ["segment"]).isEmpty)
        #expect(Suggest.closest(to: "购买", in: ["城市", "购买金额", "购买频率"], limit: 3) == ["购买金额", "购买频率"])
        #expect(Suggest.closest(to: "shwo", in: ["show", "sql"]) == ["show"])
    }

    @Test func seededGeneratorIsDeterministic() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }
}

@Suite struct ColumnEqualityTests {
    @Test func nullDoublesCompareEqual() throws {
        let a = Column(name: "x", doubles: [1.5, nil, .nan])
        let b = Column(name: "x", doubles: [1.5, nil, nil])
        #expect(a == b)
        #expect(a != Column(name: "x", doubles: [1.5, 2, nil]))
        #expect(try Dataset(columns: [a]) == Dataset(columns: [b]))
    }
}
