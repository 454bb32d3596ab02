import Foundation
import Testing

/// The README's tour in Chinese: recorded as a transcript with `--lang zh`, checked to
/// read in Chinese, then replayed by `opsbench run --check` in the language it was made in.
@Suite(.enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built (run `swift build` first)"))
struct ChineseTourTests {
    /// What English-only output looks like; none of it may appear in the Chinese tour. (`ask`
    /// answers a question in the question's script, so its English questions get English answers;
    /// dataset and column names shown by `show` and `sql` stay as they are by design.)
    static let englishMarkers = [
        "\nerror:", "\nhint:", "\nwarning:", "\nnote:", "\nloaded ", " rows)\n", " rows × ", "Built-in commands:", "USAGE:",
        "\nK-Means:", "\nRFM: ", "routes (fleet", "\nexported ",
        // printed headers and labels: describe's statistics, schema's details, backtest's table, chat's source lines
        "top_count", "\nencoding:", "cover 80", "fill rate", "\nmodel   sMAPE", "[faq · ", "[order · ", "\nanswer: ", "\nconfidence: ",
    ]

    @Test func theTourRecordedInChineseReadsInChineseAndReplays() throws {
        let directory = try TemporaryDirectory()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try FileManager.default.createSymbolicLink(
            at: directory.url.appendingPathComponent("examples"), withDestinationURL: root.appendingPathComponent("examples"))
        let tour = try String(contentsOf: root.appendingPathComponent("examples/tour.opsb"), encoding: .utf8)
        // `report` writes an HTML file whose size differs from run to run, so its line cannot replay
        // exactly; the rest of the tour is replayed as recorded.
        let replayable = tour.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("report ") }
        try directory.write("session.opsb", "record tour_zh.transcript\n" + replayable.joined(separator: "\n") + "\nrecord stop\n")

        let recording = try OpsbenchProcess.run(
            ["run", "session.opsb", "--workspace", "ws", "--lang", "zh"], in: directory, timeout: 600)
        #expect(recording.status == 0, "stderr: \(recording.stderr)")
        for marker in ["内置命令：", "已载入 users", "行（共 ", "已保存", "客户分群"] {
            #expect(recording.stdout.contains(marker), "the Chinese tour should print '\(marker)'")
        }
        for marker in Self.englishMarkers {
            #expect(!recording.stdout.contains(marker), "English in the Chinese tour: '\(marker)'")
        }

        let transcript = try directory.read("tour_zh.transcript")
        #expect(transcript.contains("set lang zh"), "the transcript records the language it was made in")
        let check = try OpsbenchProcess.run(["run", "--check", "tour_zh.transcript"], in: directory, timeout: 600)
        #expect(check.status == 0, "\(check.stdout.suffix(2000))\(check.stderr)")
        #expect(check.stdout.contains("match the recording"), "\(check.stdout.suffix(500))")
    }
}
