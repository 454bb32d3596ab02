import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite struct CompleterTests {
    func completer() throws -> Completer {
        let session = try Session.temporary(plugins: [ProbePlugin.self])
        try session.workspace.apply([
            .put(StagedDataset(
                name: "users",
                dataset: try Dataset(columns: [Column(name: "浏览次数", integers: [1]), Column(name: "购买金额", integers: [1])]),
                provenance: Provenance(command: "t", inputs: [], seed: nil))),
            .put(StagedDataset(
                name: "orders", dataset: try Dataset(columns: [Column(name: "x", integers: [1])]),
                provenance: Provenance(command: "t", inputs: [], seed: nil))),
        ])
        return Completer(session: session)
    }

    @Test func completesCommandsAndSubcommands() throws {
        let c = try completer()
        #expect(c.complete("pro").candidates == ["probe"])
        #expect(c.complete("sh").candidates == ["show"])
        #expect(c.complete("probe c").candidates == ["chat", "count"])
        #expect(c.complete("help pro").candidates == ["probe"])
        #expect(c.complete("help probe co").candidates == ["count"])
    }

    @Test func completesOptionsDatasetsColumnsAndValues() throws {
        let c = try completer()
        #expect(c.complete("probe count users --co").candidates == ["--column"])
        #expect(c.complete("probe count ").candidates == ["orders", "users"])
        #expect(c.complete("show u").candidates == ["users"])
        #expect(c.complete("probe count users --column 购").candidates == ["购买金额"])
        let list = c.complete("show users --columns 浏览次数,购")
        #expect(list.candidates == ["购买金额"])
        #expect(list.replacing == 1)
        #expect(c.complete("probe count users --mode s").candidates == ["slow"])
        #expect(c.complete("probe count users --as x --").candidates.contains("--seed"))
        #expect(!c.complete("probe count users --as x --").candidates.contains("--as"))
    }

    @Test func completesFilePaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "x".write(to: dir.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
        let c = try completer()
        #expect(c.complete("load s \(dir.path)/sa").candidates == ["\(dir.path)/sales.csv"])
        #expect(c.complete("source \(dir.path)/").candidates == ["\(dir.path)/sales.csv", "\(dir.path)/sub/"])
    }
}
