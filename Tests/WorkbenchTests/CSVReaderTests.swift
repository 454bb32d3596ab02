import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite("CSV reader: tokenizing")
struct CSVReaderTests {
    let scratch = ScratchFolder()

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let path = scratch.file(
            "q.csv", "id,text,n\n1,\"a, b\",2\n2,\"say \"\"hi\"\"\",3\n3,\"line1\nline2\",4\n4,plain,5\n")
        let d = try load(path)
        #expect(d.rowCount == 4)
        #expect(try d.column("text").stringValues() == ["a, b", "say \"hi\"", "line1\nline2", "plain"])
        #expect(try d.column("n").values == .integers([2, 3, 4, 5]))
    }

    @Test func crlfLineEndsAndNoFinalNewline() throws {
        let d = try load(scratch.file("crlf.csv", "a,b\r\n1,\"x\"\r\n2,y"))
        #expect(try d.column("a").values == .integers([1, 2]))
        #expect(try d.column("b").stringValues() == ["x", "y"])
    }

    @Test func byteOrderMarkAndChineseHeadersAndValues() throws {
        let text = "用户ID,城市,购买金额\nU0001,上海,12.5\nU0002,北京市朝阳区,7\n"
        let d = try load(scratch.file("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(d.columnNames == ["用户ID", "城市", "购买金额"])
        #expect(try d.column("城市").stringValues() == ["上海", "北京市朝阳区"])
        #expect(try d.column("购买金额").values == .doubles([12.5, 7]))
    }

    @Test func emptyCellsAndQuotedEmptyTextAreNulls() throws {
        let d = try load(scratch.file("n.csv", "a,b,c\n1,,x\n,2.5,\"\"\n3,1,\n"))
        let a = try d.column("a"), b = try d.column("b"), c = try d.column("c")
        #expect(a.type == .integer && a.isNull(1) && !a.isNull(0))
        #expect(b.type == .double && b.isNull(0))
        #expect(c.stringValues() == ["x", nil, nil])
        // A column whose name is quoted without need is text, as `export` marks one holding "".
        let marked = try load(scratch.file("m.csv", "a,\"c\"\n1,x\n2,\"\"\n3,\n"))
        #expect(try marked.column("c").stringValues() == ["x", "", nil])
    }

    @Test func raggedRowNamesLineAndColumn() {
        let message = loadError(scratch.file("r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n"))
        #expect(message.contains("r.csv:3:1"))
        #expect(message.contains("2 fields but the header has 3"))
        #expect(message.contains("hint:"))
    }

    @Test func raggedRowAfterEmbeddedNewlineCountsFileLines() {
        let message = loadError(scratch.file("r2.csv", "a,b\n\"x\ny\",1\n1,2,3\n"))
        #expect(message.contains("r2.csv:4:1"), "\(message)")
    }

    @Test func unclosedQuoteNamesWhereItOpened() {
        let message = loadError(scratch.file("u.csv", "a,b\n1,2\n3,\"oops\n4,5\n"))
        #expect(message.contains("u.csv:3:3"), "\(message)")
        #expect(message.contains("never closed"))
    }

    @Test func textAfterClosingQuote() {
        let message = loadError(scratch.file("t.csv", "a,b\n1,\"12\" screen\"\n"))
        #expect(message.contains("t.csv:2:7"), "\(message)")
        #expect(message.contains("\"\""))
    }

    @Test func strayQuoteInsideUnquotedFieldIsText() throws {
        let d = try load(scratch.file("s.csv", "a,b\n1,12\" tv\n"))
        #expect(try d.column("b").stringValues() == ["12\" tv"])
    }

    @Test func gbkBytesAreDecodedAndBadUTF8NamesPosition() throws {
        let bytes = Array("name,city\nann,".utf8) + [0xC9, 0xCF, 0xBA, 0xA3] + Array("\n".utf8)  // GBK 上海
        #expect(try load(scratch.file("gbk.csv", bytes: bytes)).column("city").stringValues() == ["上海"])
        let forced = loadError(scratch.file("gbk2.csv", bytes: bytes), ReadOptions(encoding: .utf8))
        #expect(forced.contains("gbk2.csv:2:5"), "\(forced)")
        #expect(forced.contains("UTF-8") && forced.contains("--encoding gbk"))
    }

    @Test func emptyMissingAndBinaryFiles() {
        #expect(loadError(scratch.file("e.csv", "")).contains("is empty"))
        #expect(loadError(scratch.file("w.csv", "\n\n  \n")).contains("is empty"))
        #expect(loadError(scratch.path("nope.csv")).contains("no such file"))
        #expect(loadError(scratch.file("b.csv", bytes: [0x41, 0x00, 0x01, 0x02, 0x0A])).contains("binary"))
        #expect(loadError(scratch.file("g.csv", bytes: [0x1F, 0x8B, 0x08, 0x00])).contains("gunzip"))
        #expect(loadError(scratch.file("x.csv", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00])).contains("Excel"))
        #expect(loadError(scratch.url.path).contains("directory"))
    }

    @Test func headerOnlyFileGivesNoRows() throws {
        let d = try load(scratch.file("h.csv", "a,b\n"))
        #expect(d.columnNames == ["a", "b"] && d.rowCount == 0)
    }

    @Test func duplicateAndMissingNamesAreRenamedWithWarnings() throws {
        let report = try DatasetReader.read(path: scratch.file("d.csv", "name,name,,name_2\n1,2,3,4\n"))
        #expect(report.dataset.columnNames == ["name", "name_3", "column_3", "name_2"])
        #expect(report.warnings.count == 2)
        #expect(report.warnings.contains { $0.contains("'name_3'") })
    }

    @Test func delimiterByExtensionSniffedOrGiven() throws {
        let tsv = try load(scratch.file("t.tsv", "a\tb\n1,5\t2\n"))
        #expect(try tsv.column("a").stringValues() == ["1,5"])
        let semi = try load(scratch.file("s.csv", "a;b;c\n1;2;3\n"))
        #expect(semi.columnNames == ["a", "b", "c"])
        let pipe = try load(scratch.file("p.txt", "a|b\n1|x\n"), ReadOptions(delimiter: "|"))
        #expect(try pipe.column("b").stringValues() == ["x"])
        #expect(loadError(scratch.file("q.csv", "a\n"), ReadOptions(delimiter: "\"")).contains("--delimiter"))
    }

    @Test func singleColumnBlankLinesAreNulls() throws {
        let d = try load(scratch.file("one.csv", "x\n1\n\n3\n"))
        #expect(try d.column("x").values == .integers([1, 0, 3]))
        #expect(try d.column("x").isNull(1))
    }

    @Test func tenMegabyteSingleLineLoads() throws {
        let long = String(repeating: "数据", count: 10 << 20 / 6)
        let d = try load(scratch.file("long.csv", "id,text\n1,\(long)\n"))
        #expect(try d.column("text").stringValues()[0]?.utf8.count == long.utf8.count)
        let header = (0..<200_000).map { "c\($0)" }.joined(separator: ",")
        let wide = try load(scratch.file("wide.csv", header + "\n" + (0..<200_000).map(String.init).joined(separator: ",")))
        #expect(wide.columns.count == 200_000)
    }

    @Test func largeFileParsedInParallelChunksMatchesRows() throws {
        var text = "id,name,note\n"
        for i in 0..<200_000 { text += "\(i),名字\(i % 97),\"a \"\"q\"\"\nb\"\n" }
        let d = try load(scratch.file("big.csv", text))
        #expect(d.rowCount == 200_000)
        guard case .integers(let ids) = try d.column("id").values else { Issue.record("id not integer"); return }
        #expect(ids == (0..<200_000).map(Int64.init))
        #expect(try d.column("note").stringValues()[199_999] == "a \"q\"\nb")
    }

    @Test func repeatedLongTextValuesAreSharedAndExact() throws {
        var text = "k,title\n"
        var expected: [String] = []
        for i in 0..<70_000 {
            let title = i % 3 == 0 ? "华为 智能手机 大屏幕,高性能 \(i % 5)" : "unique product title number \(i)"
            expected.append(title)
            text += "\(i),\"\(title)\"\n"
        }
        let d = try load(scratch.file("titles.csv", text))
        #expect(try d.column("title").stringValues() == expected)
    }
}
