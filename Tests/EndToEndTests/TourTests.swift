import Foundation
import Testing

/// The README's tour runbook, run by the real binary as a workshop student
/// would: every built-in command and every plugin's runbook on the sample data.
@Suite(.enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built (run `swift build` first)"))
struct TourTests {
    @Test func tourRunbookRunsCleanly() throws {
        let directory = try TemporaryDirectory()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try FileManager.default.createSymbolicLink(
            at: directory.url.appendingPathComponent("examples"), withDestinationURL: root.appendingPathComponent("examples"))
        let run = try OpsbenchProcess.run(
            ["run", "examples/tour.opsb", "--workspace", "ws"], in: directory, timeout: 600)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(!run.stdout.contains("\nerror:"))
        for plugin in ["segment", "recommend", "forecast", "route", "ask"] {
            #expect(run.stdout.contains("\(plugin) "), "the tour should reach \(plugin)")
        }
        let datasets = try OpsbenchProcess.run(["run", "/dev/stdin", "--workspace", "ws"], input: "datasets\n", in: directory)
        for name in ["users", "seg_profiles", "rec_similar_p001", "route_plan", "ask_kb"] {
            #expect(datasets.stdout.contains(name), "\(name) should persist in the workspace")
        }
    }
}
