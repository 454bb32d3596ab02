import Foundation
import OpsKit
import Testing

@testable import Workbench

/// The built-in commands' printed headers and messages under `set lang zh`: `describe`'s
/// statistics, `schema`'s reading details and SQLite's errors read in Chinese, while the
/// names a script relies on (the columns `describe --as` writes) stay the same.
@Suite struct ChineseOutputTests {
    func chineseSession() throws -> Session {
        let session = try Session.temporary(plugins: [])
        session.execute("set lang zh")
        #expect(session.execute("sql \"SELECT 1 AS x, 'a' AS t UNION ALL SELECT 3, 'a'\" --as d").succeeded)
        return session
    }

    @Test func describePrintsChineseHeadersAndStoresStableNames() throws {
        let session = try chineseSession()
        let printed = session.execute("describe d --as d_stats").output
        for header in ["列", "均值", "标准差", "中位数", "众数频数"] { #expect(printed.contains(header), "\(printed)") }
        for name in ["top_count", "mean", "nulls"] { #expect(!printed.contains(name), "\(printed)") }
        let stored = try session.workspace.dataset(named: "d_stats")
        #expect(stored.columnNames.contains("top_count") && stored.columnNames.contains("mean"))
        session.execute("set lang en")
        #expect(session.execute("describe d").output.contains("top_count"))
    }

    @Test func schemaNamesTheEncodingInChinese() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-zh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cities.csv")
        try "城市,人数\n上海,3\n".write(to: file, atomically: true, encoding: .utf8)
        let session = try chineseSession()
        #expect(session.execute("load cities \(file.path)").succeeded)
        let schema = session.execute("schema cities").output
        #expect(schema.contains("编码：UTF-8"), "\(schema)")
        #expect(!schema.contains("encoding:"), "\(schema)")
    }

    @Test func sqliteErrorsAreExplainedInChinese() throws {
        let session = try chineseSession()
        let syntax = session.execute("sql \"SELEC 1\"").output
        #expect(syntax.contains("\"SELEC\" 附近有语法错误（SQLite：near \"SELEC\": syntax error）"), "\(syntax)")
        #expect(session.execute("sql \"SELECT nope FROM d\"").output.contains("没有列 nope"))
        #expect(session.execute("sql \"SELECT nosuch(x) FROM d\"").output.contains("没有函数 nosuch"))
        #expect(session.execute("sql \"SELECT (1\"").output.contains("语句不完整"))
        session.execute("set lang en")
        let english = session.execute("sql \"SELEC 1\"").output
        #expect(english.contains("sql: near \"SELEC\": syntax error") && !english.contains("语法"), "\(english)")
    }
}
