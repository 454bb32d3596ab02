import Foundation
import OpsKit
import PluginCatalog
import Testing
import Workbench

/// The built-in commands on the bundled sample data, as a user runs them.
@Suite struct SampleWorkspaceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    @Test func loadsEverySampleFileWithChineseHeaders() throws {
        let session = try Session.temporary(plugins: bundledPlugins)
        for name in ["users", "products", "orders", "daily_sales", "stops", "faq", "utterances"] {
            let result = session.execute("load \(name) \(Self.example(name + ".csv"))")
            #expect(result.succeeded, "\(name): \(result.output)")
        }
        let users = try session.workspace.dataset(named: "users")
        #expect(users.rowCount == 1200)
        #expect(try users.column("购买金额").type == .double)
        #expect(try users.column("最近访问").type == .date)
        #expect(try users.column("城市").nullCount > 0)
        let listing = session.execute("datasets").output
        #expect(listing.contains("users") && listing.contains("load users"))
    }

    @Test func sqlDescribeShowAndExportRoundTrip() throws {
        let session = try Session.temporary(plugins: bundledPlugins)
        #expect(session.execute("load users \(Self.example("users.csv"))").succeeded)
        let sql = session.execute(#"sql "SELECT 城市, count(*) AS n FROM users WHERE 城市 IS NOT NULL GROUP BY 城市 ORDER BY n DESC, 城市" --as cities"#)
        #expect(sql.succeeded, "\(sql.output)")
        let cities = try session.workspace.dataset(named: "cities")
        let total = try cities.column("n").numericValues()!.reduce(0, +)
        #expect(Int(total) == 1200 - (try session.workspace.dataset(named: "users").column("城市").nullCount))

        let describe = session.execute("describe users").output
        #expect(describe.contains("购买金额"))

        let show = session.execute("show users --rows 3 --columns 用户ID,城市,购买金额").output
        let lines = show.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(Set(lines.prefix(5).map { DisplayWidth.of($0) }).count <= 2)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-export-\(UUID().uuidString).csv").path
        #expect(session.execute("export users \(path)").succeeded)
        #expect(session.execute("load users_again \(path)").succeeded)
        #expect(try session.workspace.dataset(named: "users_again") == session.workspace.dataset(named: "users"))
    }

    @Test func badInputLeavesTheWorkspaceUnchanged() throws {
        let session = try Session.temporary(plugins: bundledPlugins)
        #expect(session.execute("load users \(Self.example("users.csv"))").succeeded)
        let before = session.workspace.datasetNames
        let missing = session.execute("load users /nonexistent/file.csv")
        #expect(!missing.succeeded && missing.output.contains("/nonexistent/file.csv"))
        #expect(!session.execute("load 1bad \(Self.example("users.csv"))").succeeded)
        #expect(!session.execute(#"sql "SELEC nonsense""#).succeeded)
        #expect(!session.execute("show nothing").output.isEmpty)
        #expect(session.workspace.datasetNames == before)
        #expect(try session.workspace.dataset(named: "users").rowCount == 1200)
    }
}
