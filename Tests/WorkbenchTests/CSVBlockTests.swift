import Foundation
import OpsKit
import Testing

@testable import Workbench

/// `load` reads a file a block of rows at a time: rows, characters and types that
/// straddle a block's end must come out as a whole-file read gives them.
@Suite("CSV reader: blocks")
struct CSVBlockTests {
    let scratch = ScratchFolder()

    /// Options that read `size` bytes of text at a time.
    func blocks(_ size: Int, _ options: ReadOptions = ReadOptions()) -> ReadOptions {
        var options = options
        options.blockSize = size
        return options
    }

    /// The file read with every block size from 1 to its length, each compared with the one-block read.
    func expectSameAtEveryBlockSize(_ path: String, _ options: ReadOptions = ReadOptions()) throws {
        let whole = try DatasetReader.read(path: path, options: options)
        let length = Int((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        for size in 1...length + 1 {
            let report = try DatasetReader.read(path: path, options: blocks(size, options))
            #expect(same(report.dataset, whole.dataset), "block size \(size)")
            #expect(report.warnings == whole.warnings && report.notes == whole.notes, "block size \(size)")
        }
    }

    @Test func quotedFieldWithNewlineAcrossBlockEnd() throws {
        let path = scratch.file("q.csv", "id,text,n\r\n1,\"first\nsecond, \"\"quoted\"\"\",2\r\n2,\"x\r\ny\",3\r\n3,plain,4")
        for size in [4, 9, 12, 16, 23, 31] {
            let d = try load(path, blocks(size))
            #expect(try d.column("text").stringValues() == ["first\nsecond, \"quoted\"", "x\r\ny", "plain"], "\(size)")
            #expect(try d.column("n").values == .integers([2, 3, 4]), "\(size)")
        }
        try expectSameAtEveryBlockSize(path)
    }

    @Test func multiByteCharactersSplitAtBlockEnd() throws {
        let text = "城市,说明\n上海,浦东新区 陆家嘴\n北京,朝阳区 𠮷野家\n深圳,\"南山区\n科技园\"\n"
        let utf8 = scratch.file("u.csv", text)
        for size in 5...20 {
            #expect(try load(utf8, blocks(size)).column("说明").stringValues()[1] == "朝阳区 𠮷野家", "\(size)")
        }
        try expectSameAtEveryBlockSize(utf8)
        let gbk = scratch.file("g.csv", bytes: encoded(text.replacingOccurrences(of: "𠮷", with: "吉"), "GB18030"))
        let report = try DatasetReader.read(path: gbk, options: blocks(7))
        #expect(report.encoding?.encoding == .gbk)
        #expect(try report.dataset.column("城市").stringValues() == ["上海", "北京", "深圳"])
        try expectSameAtEveryBlockSize(gbk)
    }

    @Test func typesWidenAfterTheFirstBlock() throws {
        var text = "n,m,s,d,e\n"
        for i in 0..<40 { text += "\(i),,\(i),2025-01-\(String(format: "%02d", i % 28 + 1)),\(i % 12 + 1)/3/2025\n" }
        text += "2.5,  ,1.50,2025-02-01 10:30,13/3/2025\n41,x7,x,2025-02-02,1/4/2025\n"
        let path = scratch.file("w.csv", text)
        let d = try load(path, blocks(32))
        #expect(try d.column("n").type == .double)
        // Blank until a later block; as text, the padded blank is a value, not a null.
        #expect(try d.column("m").stringValues().suffix(3) == [nil, "  ", "x7"])
        #expect(try d.column("s").stringValues().suffix(3) == ["39", "1.50", "x"])
        #expect(try d.column("d").type == .datetime)
        // 13/3 is only day first, so every date of the column is read day first, those before it too.
        let e = try d.column("e")
        #expect(e.type == .date && e.formatted(at: 0) == "2025-03-01" && e.formatted(at: 41) == "2025-04-01")
        try expectSameAtEveryBlockSize(path)
    }

    @Test func ambiguousDatesAndBigIntegersAcrossBlocks() throws {
        var text = "d,id\n"
        for i in 0..<30 { text += "\(i % 12 + 1)/\(i % 12 + 1)/2025,\(i)\n" }
        text += "3/4/2025,12345678901234567890123\n"
        let path = scratch.file("a.csv", text)
        let report = try DatasetReader.read(path: path, options: blocks(24))
        #expect(report.warnings.contains { $0.contains("month/day/year") })
        #expect(try report.dataset.column("id").type == .string)
        #expect(report.notes.count == 1)
        try expectSameAtEveryBlockSize(path)
    }

    @Test func errorsInLaterBlocksNameTheirLine() throws {
        let ragged = scratch.file("r.csv", "a,b\n1,2\n3,4\n5,6\n7\n8,9\n")
        #expect(loadError(ragged, blocks(6)).contains("r.csv:5:1"))
        let unclosed = scratch.file("u.csv", "a,b\n1,2\n3,4\n5,\"oops\n6,7\n")
        #expect(loadError(unclosed, blocks(5)).contains("u.csv:4:3"))
        let forced = scratch.file("f.csv", "a,b\n1,x\n2,y\n3,z\nfour,w\n")
        let message = loadError(forced, blocks(8, ReadOptions(types: ["a": .integer])))
        #expect(message.contains("f.csv:5:1") && message.contains("four"), "\(message)")
        let bad = scratch.file("b.csv", bytes: Array("k,t\n1,ok\n2,fine\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(loadError(bad, blocks(7)).contains("b.csv:4:3"))
        // The earliest bad field wins, whichever column and pass finds it: `a` widens to
        // text in the first pass and meets bad UTF-8 on line 3 in the second, before `b`'s line 4.
        let two = scratch.file("t.csv", bytes: Array("a,b\n1,2\n".utf8) + [0xC3, 0x28] + Array(",3\n3,x\n4,5\n".utf8))
        let early = loadError(two, blocks(6, ReadOptions(types: ["b": .integer])))
        #expect(early.contains("t.csv:3:1"), "\(early)")
    }

    @Test func cancellingBetweenBlocksStops() {
        var text = "a,b\n"
        for i in 0..<2000 { text += "\(i),\(i * 2)\n" }
        let path = scratch.file("c.csv", text)
        let calls = Counter()
        let options = blocks(256, ReadOptions(cancelled: { calls.next() > 5 }))
        #expect(throws: CommandCancelled.self) { try DatasetReader.read(path: path, options: options) }
        #expect(calls.value > 5 && calls.value < 100)
    }

    /// Counts the calls of a cancellation poll.
    final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func next() -> Int {
            value += 1
            return value
        }
    }
}
