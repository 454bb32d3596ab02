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
        // the tour ends with its own report: one page, charts inline, kept for CI under .build/
        let report = directory.url.appendingPathComponent("opsbench_tour_report.html")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.components(separatedBy: "<figure>").count - 1 >= 15, "charts of every plugin's results")
        #expect(!html.contains("<script"))
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".build/tour-report.html"))
        try? FileManager.default.copyItem(at: report, to: root.appendingPathComponent(".build/tour-report.html"))
        #expect(try String(contentsOf: directory.url.appendingPathComponent("opsbench_sweep.svg"), encoding: .utf8).hasPrefix("<svg"))
        let datasets = try OpsbenchProcess.run(["run", "/dev/stdin", "--workspace", "ws"], input: "datasets\n", in: directory)
        for name in ["users", "seg_profiles", "rec_similar_p001", "route_plan", "ask_kb"] {
            #expect(datasets.stdout.contains(name), "\(name) should persist in the workspace")
        }
    }
}
