import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite struct ExportFormatTests {
    let scratch = ScratchFolder()
    let sample = try! Dataset(columns: [
        Column(name: "城市", strings: ["上海", "北|京", nil]),
        Column(name: "金额", doubles: [12.5, nil, 3]),
        Column(name: "日期", days: [20403, 20404, nil]),
    ])

    func bytes(_ path: String) -> [UInt8] { Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()) }

    @Test func csvEncodingsLoadBackExactly() throws {
        for encoding in ExportEncoding.allCases {
            let path = scratch.path("out-\(encoding.rawValue).csv")
            try DatasetWriter.write([("s", sample)], to: path, format: .csv, encoding: encoding)
            let head = bytes(path).prefix(3)
            #expect((head == [0xEF, 0xBB, 0xBF]) == (encoding == .utf8BOM))
            let report = try DatasetReader.read(path: path)
            #expect(same(report.dataset, sample), "\(encoding)")
            #expect(report.encoding?.encoding == (encoding == .gbk ? .gbk : .utf8))
        }
        // GBK bytes are what iconv makes of the UTF-8 text.
        let gbk = scratch.path("g.csv"), utf8 = scratch.path("u.csv")
        try DatasetWriter.write([("s", sample)], to: gbk, format: .csv, encoding: .gbk)
        try DatasetWriter.write([("s", sample)], to: utf8, format: .csv, encoding: .utf8)
        #expect(bytes(gbk) == encoded(String(decoding: bytes(utf8), as: UTF8.self), "GBK"))
    }

    @Test func gbkRefusesCharactersItLacks() throws {
        let emoji = try Dataset(columns: [Column(name: "a", strings: ["好😀"])])
        let path = scratch.path("e.csv")
        #expect(throws: OpsError.self) { try DatasetWriter.write([("e", emoji)], to: path, format: .csv, encoding: .gbk) }
        #expect(!FileManager.default.fileExists(atPath: path), "nothing half-written")
    }

    @Test func tsvJSONLinesAndMarkdown() throws {
        let tsv = scratch.path("s.tsv")
        try DatasetWriter.write([("s", sample)], to: tsv, format: .tsv, encoding: .utf8)
        #expect(same(try load(tsv), sample))
        let jsonl = scratch.path("s.jsonl")
        try DatasetWriter.write([("s", sample)], to: jsonl, format: .jsonl, encoding: .utf8)
        #expect(same(try load(jsonl), sample))
        let md = scratch.path("s.md")
        try DatasetWriter.write([("s", sample)], to: md, format: .md, encoding: .utf8)
        let lines = String(decoding: bytes(md), as: UTF8.self).split(separator: "\n")
        #expect(lines == ["| 城市 | 金额 | 日期 |", "| --- | ---: | --- |", "| 上海 | 12.5 | 2025-11-11 |", "| 北\\|京 |  | 2025-11-12 |", "|  | 3 |  |"])
        #expect(ExportFormat.inferred(from: "~/报表.XLSX") == .xlsx)
        #expect(ExportFormat.inferred(from: "a.parquet") == nil)
    }
}
