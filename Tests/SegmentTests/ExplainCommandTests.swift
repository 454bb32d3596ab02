import OpsKit
import OpsKitTesting
import Testing

@testable import Segment

@Suite struct ExplainCommandTests {
    static let points = try! Dataset(columns: [Column(name: "x", doubles: [1, 2, 8, 9]), Column(name: "y", doubles: [2, 3, 7, 8])])

    @Test func printsTheWorkedExample() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["points": Self.points])
        let output = try harness.run(ExplainCommand.self, ["points", "--features", "x,y", "--k", "2", "--init-rows", "1,3"])
        #expect(output.contains("initial centres: rows 1, 3"))
        // Point (1,2) is √74 from (8,7); (2,3) is √2 from (1,2); (9,8) is √2 from (8,7) and 10 from (1,2).
        #expect(output.contains("√74 ≈ 8.60"))
        #expect(output.contains("√2 ≈ 1.41"))
        #expect(output.contains("√52 ≈ 7.21"))
        #expect(output.contains("C1 = (1.5, 2.5)"))
        #expect(output.contains("C2 = (8.5, 7.5)"))
        #expect(output.contains("iteration 2: no point changed cluster: converged"))
        #expect(output.contains("inertia (sum of squared distances to the centres): 2"))
        let steps = try harness.dataset("kmeans_steps")
        #expect(steps.rowCount == 8)
        #expect(try steps.column("cluster").numericValues()! == [1, 1, 2, 2, 1, 1, 2, 2])
    }

    @Test func distanceFormatting() {
        #expect(ExplainCommand.root(74) == "√74 ≈ 8.60")
        #expect(ExplainCommand.root(100) == "10")
        #expect(ExplainCommand.root(0) == "0")
        #expect(ExplainCommand.root(0.5) == "√0.5 ≈ 0.71")
        #expect(ExplainCommand.root(2.123) == "≈ 1.46")
    }

    @Test func rejectsBadInitRowsAndLargeData() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["points": Self.points])
        #expect(throws: OpsError.self) { try harness.run(ExplainCommand.self, ["points", "--features", "x,y", "--k", "2", "--init-rows", "1,9"]) }
        #expect(throws: OpsError.self) { try harness.run(ExplainCommand.self, ["points", "--features", "x,y", "--k", "3", "--init-rows", "1,2"]) }
        let big = try Dataset(columns: [Column(name: "x", doubles: (0..<40).map(Double.init))])
        let bigHarness = PluginHarness(SegmentPlugin.self, ["big": big])
        #expect(throws: OpsError.self) { try bigHarness.run(ExplainCommand.self, ["big", "--features", "x", "--k", "2"]) }
    }
}
