import Foundation
import OpsKit
import PluginCatalog
import Testing
@testable import Workbench

/// `chart ... --out FILE.svg`: from columns, or the chart that fits a result's lineage; written like export.
@Suite struct ChartCommandTests {
    let directory = try! TemporaryDirectory()

    private func session() throws -> Session {
        let session = try Session.temporary(plugins: bundledPlugins)
        let setup = [
            #"sql "SELECT '北京' AS 城市, 120 AS 用户数, 3.5 AS 均值 UNION ALL SELECT '上海', 90, 4.0 UNION ALL SELECT '深圳', 60, 2.0" --as cities"#,
            #"sql "SELECT 1 AS x, 2 AS y UNION ALL SELECT 2, 3 UNION ALL SELECT 8, 7 UNION ALL SELECT 9, 8" --as points"#,
        ]
        for line in setup { #expect(session.execute(line).succeeded) }
        return session
    }

    @Test func columnsMakeABarChartOverTextAndTheFileIsNotReplacedSilently() throws {
        let session = try session()
        let path = directory.url.appendingPathComponent("cities.svg").path
        let first = session.execute("chart cities --x 城市 --y 用户数 --out \(path)")
        #expect(first.succeeded && first.output.hasPrefix("wrote \(path)"), "\(first.output)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains(">北京</text>") && svg.contains("<rect"))
        let second = session.execute("chart cities --x 城市 --y 用户数,均值 --title 城市对比 --out \(path)")
        #expect(second.output.hasPrefix("replaced \(path)"), "\(second.output)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<title>城市对比</title>"))
    }

    @Test func aResultGetsTheChartOfItsLineage() throws {
        let session = try session()
        #expect(session.execute("segment kmeans points --features x,y --k auto --k-range 2-3 --as seg").succeeded)
        let sweep = directory.url.appendingPathComponent("sweep.svg").path
        let output = session.execute("chart seg_sweep --out \(sweep) --index 2").output
        #expect(output.contains("wrote") && output.contains("2 of 2"), "\(output)")
        #expect(try String(contentsOfFile: sweep, encoding: .utf8).contains("silhouette"))
        let members = directory.url.appendingPathComponent("members.svg").path
        #expect(session.execute("chart seg --out \(members)").succeeded)
        #expect(try String(contentsOfFile: members, encoding: .utf8).components(separatedBy: "</circle>").count - 1 == 4, "one titled dot per member")
    }

    @Test func mistakesAreExplained() throws {
        let session = try session()
        let out = directory.url.appendingPathComponent("x.svg").path
        let cases: [(String, String)] = [
            ("chart cities --out \(out)", "no ready-made chart"),
            ("chart cities --x 城市 --out \(out)", "--y"),
            ("chart cities --x 城市 --y 城市 --out \(out)", "not numeric"),
            ("chart cities --x 城市 --y 用户数 --band 均值 --out \(out)", "--band"),
            ("chart cities --x 城市 --y 用户数 --kind pie --out \(out)", "pie"),
            ("chart nothing --out \(out)", "nothing"),
        ]
        for (line, expected) in cases {
            let result = session.execute(line)
            #expect(!result.succeeded && result.output.contains(expected), "\(line): \(result.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func theWritePolicyOfARunHolds() throws {
        let session = try session()
        session.writePolicy = .sandbox(roots: [directory.url.appendingPathComponent("allowed").path])
        let result = session.execute("chart cities --x 城市 --y 用户数 --out \(directory.path)/outside.svg")
        #expect(!result.succeeded && result.output.contains("--allow-write"), "\(result.output)")
    }
}
