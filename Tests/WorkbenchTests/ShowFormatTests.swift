import Foundation
import OpsKit
import Testing
@testable import Workbench

/// `show --format md|tsv` prints tables to paste into documents; Chinese text survives the trip.
@Suite struct ShowFormatTests {
    private func session() throws -> Session {
        let session = try Session.temporary(plugins: [])
        let result = session.execute(#"sql "SELECT '张三' AS 姓名, 1200.5 AS 购买金额, 'a|b' AS 备注 UNION ALL SELECT 'Lee', 3, '上海' ORDER BY 2 DESC" --as 客户"#)
        #expect(result.succeeded, "\(result.output)")
        return session
    }

    @Test func markdownHasAHeaderARuleAndEscapedPipes() throws {
        let output = try session().execute("show 客户 --format md").output
        #expect(output == """
            | 姓名 | 购买金额 | 备注 |
            | --- | ---: | --- |
            | 张三 | 1200.5 | a\\|b |
            | Lee | 3 | 上海 |

            """)
    }

    @Test func tsvLoadsBackAsTheSameDataset() throws {
        let session = try session()
        let output = session.execute("show 客户 --format tsv --rows 100").output
        #expect(output.hasPrefix("姓名\t购买金额\t备注\n张三\t1200.5\ta|b\n"), "tabs reach the output unescaped: \(output)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("show-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try output.write(to: file, atomically: true, encoding: .utf8)
        #expect(session.execute("load 客户_tsv \(file.path)").succeeded)
        #expect(try session.workspace.dataset(named: "客户_tsv") == session.workspace.dataset(named: "客户"))
    }

    @Test func rowsAndColumnsStillApplyAndAnUnknownFormatIsRefused() throws {
        let session = try session()
        #expect(session.execute("show 客户 --format tsv --rows 1 --columns 姓名").output == "姓名\n张三\n")
        let bad = session.execute("show 客户 --format html")
        #expect(!bad.succeeded)
        #expect(bad.output.contains("md") && bad.output.contains("tsv"))
    }

    @Test func theTableFormatIsTheDefault() throws {
        let session = try session()
        #expect(session.execute("show 客户").output == session.execute("show 客户 --format table").output)
    }
}
