import Foundation
import OpsKit
import OpsKitTesting
import Testing
import Workbench

@testable import Segment

/// The commands as a user runs them in a session, on the sample data under examples/.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: SharedData.repositoryFile("examples/users.csv").path),
    "examples/ sample data absent"))
struct SegmentEndToEndTests {
    func session() throws -> Session {
        let session = try Session.temporary(plugins: [SegmentPlugin.self])
        for (name, file, extra) in [("users", "users.csv", ""), ("orders", "orders.csv", " --types order_id=string")] {
            let path = SharedData.repositoryFile("examples/\(file)").path
            let loaded = session.execute("load \(name) \(path)\(extra)")
            #expect(loaded.succeeded, "\(loaded.output)")
        }
        return session
    }

    @Test func profilesAssignAndRFMOnTheSampleWorkspace() throws {
        let session = try session()
        let kmeans = session.execute("segment kmeans users --features 浏览次数,购买金额,购买频率 --id 用户ID --k auto --k-range 2-6 --as seg_profiles")
        #expect(kmeans.succeeded, "\(kmeans.output)")
        #expect(kmeans.output.contains("elbow (Kneedle):"))
        // Labels follow the interface language (English here), not the Chinese column names.
        #expect(kmeans.output.contains("high spend") || kmeans.output.contains("low spend"))
        let sizes = session.execute("sql \"SELECT sum(size) AS n FROM seg_profiles_centers\"")
        #expect(sizes.output.contains(String(try session.workspaceRowCount("users"))), "\(sizes.output)")
        let assign = session.execute("segment assign users --model seg_profiles --id 用户ID --as seg_again")
        #expect(assign.succeeded, "\(assign.output)")
        let differ = session.execute(
            "sql \"SELECT count(*) AS n FROM seg_again a JOIN seg_profiles p ON a.用户ID = p.用户ID WHERE a.cluster <> p.cluster\"")
        #expect(differ.output.contains(" 0") || differ.output.contains("\n0"), "\(differ.output)")
        let rfm = session.execute("segment rfm orders --customer customer_id --date order_date --amount amount --order order_id --as seg_rfm")
        #expect(rfm.succeeded, "\(rfm.output)")
        #expect(rfm.output.contains("suggested action"))
        #expect(session.execute("schema seg_rfm").output.contains("segment"))
    }

    @Test func errorsLeaveTheWorkspaceAsItWasAndHelpShowsExamples() throws {
        let session = try session()
        let bad = session.execute("segment kmeans users --features 城市,购买金额 --k 3 --as seg_bad")
        #expect(!bad.succeeded)
        #expect(bad.output.contains("is not numeric"))
        #expect(!session.execute("datasets").output.contains("seg_bad"))
        #expect(session.execute("help segment kmeans").output.contains("segment kmeans users --features"))
    }
}

extension Session {
    /// Row count of a dataset, read through `sql`.
    func workspaceRowCount(_ name: String) throws -> Int {
        let output = execute("sql \"SELECT count(*) AS n FROM \(name)\"").output
        return output.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.first ?? -1
    }
}
