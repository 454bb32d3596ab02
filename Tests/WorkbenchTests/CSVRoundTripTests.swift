import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite("CSV export round trip")
struct CSVRoundTripTests {
    let scratch = ScratchFolder()

    static func sample() throws -> Dataset {
        try Dataset(columns: [
            Column(name: "id", integers: [1, Int64.max, Int64.min, nil]),
            Column(name: "x", doubles: [0.1, 3, nil, -2.5e-300]),
            Column(name: "nan", type: .double, values: .doubles([.nan, .infinity, 1, 2]), validity: [true, true, false, true]),
            Column(name: "名称", strings: ["上海, \"浦东\"", "", nil, "line1\nline2"]),
            Column(name: "code", strings: ["007", "123", "true", "2024-01-01"]),
            Column(name: "flag", bools: [true, nil, false, true]),
            Column(name: "day", days: [0, 19723, nil, -1]),
            Column(name: "at", type: .datetime, values: .integers([0, 1_700_000_000, 86399, 5]),
                   validity: [true, true, true, false]),
            Column(name: "pad", strings: [" 12", "a ", "NaN", "1e5"]),
        ])
    }

    @Test func exportThenLoadGivesTheSameDataset() throws {
        let original = try Self.sample()
        let path = scratch.path("out.csv")
        try DatasetWriter.writeCSV(original, to: path)
        let back = try load(path)
        #expect(same(back, original))
        for (a, b) in zip(back.columns, original.columns) { #expect(a.type == b.type, "\(a.name)") }
    }

    @Test func roundTripOfALoadedFileIsAFixedPoint() throws {
        let first = try load(scratch.file("in.csv", "a,b,c\n1,2.50,x\n2,,\"y,z\"\n"))
        try DatasetWriter.writeCSV(first, to: scratch.path("again.csv"))
        #expect(same(try load(scratch.path("again.csv")), first))
    }

    @Test func writeIsAtomicAndLeavesNoTemporaryFiles() throws {
        let path = scratch.file("keep.csv", "old\n1\n")
        let bad = try Dataset(columns: [Column(name: "a", integers: [1])])
        #expect(throws: OpsError.self) { try DatasetWriter.writeCSV(bad, to: scratch.path("missing/dir/x.csv")) }
        try DatasetWriter.writeCSV(bad, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["keep.csv"])
    }
}
