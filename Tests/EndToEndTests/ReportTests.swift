import Foundation
import OpsKit
import PluginCatalog
import Testing
@testable import Workbench

/// `report FILE.html [--transcript T]`: one self-contained page with the commands, tables and inline SVG charts.
@Suite(.serialized) struct ReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let directory = try! TemporaryDirectory()

    /// A short session touching several kinds of result (route map, K sweep, members, forecast) and hostile text.
    static func lines(examples: String) -> [String] {
        [
            "load stops \(examples)/stops.csv",
            "route solve stops --depot D0 --capacity 100 --iterations 300 --seed 1 --as plan",
            #"sql "SELECT 1 AS x, 2 AS y UNION ALL SELECT 2, 3 UNION ALL SELECT 8, 7 UNION ALL SELECT 9, 8" --as points"#,
            "segment kmeans points --features x,y --k auto --k-range 2-3 --as seg",
            "load sales \(examples)/daily_sales.csv",
            #"sql "SELECT * FROM sales WHERE sku = 'SKU01'" --as one"#,
            "forecast predict one --date date --value units --horizon 14 --as fc",
            #"sql "SELECT '<script>alert(1)</script>' AS 名称, '电话 13812345678' AS 备注" --as evil"#,
            "show nothing_here",
        ]
    }

    private func session() throws -> Session {
        let session = try Session.temporary(plugins: bundledPlugins)
        for line in Self.lines(examples: Self.root.appendingPathComponent("examples").path) { session.execute(line) }
        return session
    }

    @Test func theSessionReportHoldsCommandsTablesAndCharts() throws {
        let session = try session()
        let path = directory.url.appendingPathComponent("report.html").path
        let result = session.execute("report \(path) --title 周报")
        #expect(result.succeeded, "\(result.output)")
        #expect(result.output.contains("9 commands"), "\(result.output)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<title>周报</title>"))
        #expect(html.contains("default-src 'none'"), "a policy forbids network and scripts")
        #expect(!html.contains("<script") && !html.contains("src=\"http"), "nothing runs, nothing is fetched")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "text from data is escaped")
        #expect(!html.contains("13812345678"), "phone numbers are masked")
        #expect(html.contains("<section class=\"step failed\""), "the failed command is marked")
        #expect(html.contains("route solve stops") && html.contains("<th>vehicle</th>"))
        let charts = html.components(separatedBy: "<figure>").count - 1
        #expect(charts >= 5, "route map, two sweep charts, members, forecast: \(charts)")
        #expect(html.contains("Noto Sans CJK SC"))
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func aTranscriptIsReplayedInAWorkspaceOfItsOwn() throws {
        let recording = try Session.temporary(plugins: bundledPlugins)
        let transcript = directory.url.appendingPathComponent("t.opsb").path
        let points = #"sql "SELECT 1 AS x, 2 AS y UNION ALL SELECT 2, 3 UNION ALL SELECT 8, 7 UNION ALL SELECT 9, 8" --as points"#
        #expect(recording.execute(points).succeeded)
        #expect(recording.execute("record \(transcript) --embed").succeeded)
        #expect(recording.execute("segment kmeans points --features x,y --k 2 --as seg").succeeded)
        #expect(recording.execute("record stop").succeeded)

        let other = try Session.temporary(plugins: bundledPlugins)
        let path = directory.url.appendingPathComponent("t.html").path
        let result = other.execute("report \(path) --transcript \(transcript)")
        #expect(result.succeeded, "\(result.output)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("segment kmeans points") && html.contains("<figure>"))
        #expect(other.workspace.datasetNames.isEmpty, "the replay does not touch this workspace")
        let missing = other.execute("report \(path) --transcript \(directory.path)/absent.opsb")
        #expect(!missing.succeeded && missing.output.contains("absent.opsb"))
    }

    /// Headless Chromium (Debian's `chromium`, installed by scripts/install-deps) loads the page and draws it.
    @Test(.enabled(if: Chromium.path != nil, "skipped: chromium is not installed (scripts/install-deps installs it)"))
    func chromiumRendersTheReportWithItsCharts() throws {
        let session = try session()
        let path = directory.url.appendingPathComponent("render.html").path
        #expect(session.execute("report \(path)").succeeded)
        let png = directory.url.appendingPathComponent("render.png").path
        let shot = try Chromium.run(["--screenshot=\(png)", "--window-size=1100,2400", "file://\(path)"], in: directory)
        #expect(shot.status == 0, "\(shot.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.count > 20_000 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG with something drawn")
        let dom = try Chromium.run(["--dump-dom", "file://\(path)"], in: directory)
        #expect(dom.status == 0)
        let svgs = dom.stdout.components(separatedBy: "<svg").count - 1
        #expect(svgs >= 5, "the loaded page holds the charts: \(svgs)")
        for problem in ["Refused to", "Uncaught", "Failed to load resource", "net::ERR"] {
            #expect(!shot.stderr.contains(problem) && !dom.stderr.contains(problem), "\(problem): \(shot.stderr)")
        }
    }
}

/// The headless browser used to check reports.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: TemporaryDirectory, timeout: TimeInterval = 120) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--enable-logging=stderr",
            "--user-data-dir=\(directory.path)/chromium-profile",
        ] + arguments
        let out = directory.url.appendingPathComponent(".chromium-\(UUID().uuidString).out")
        let err = directory.url.appendingPathComponent(".chromium-\(UUID().uuidString).err")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
