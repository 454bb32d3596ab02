import Foundation
import OpsKit
import Testing
import Workbench

@testable import Recommend

/// The commands as a user runs them in a session, on the sample data.
@Suite(.enabled(
    if: FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("examples/orders.csv").path),
    "examples/ sample data absent"))
struct RecommendEndToEndTests {
    func session() throws -> Session {
        let session = try Session.temporary(plugins: [RecommendPlugin.self])
        for (name, file) in [("products", "products.csv"), ("orders", "orders.csv")] {
            let path = repositoryRoot.appendingPathComponent("examples/\(file)").path
            let loaded = session.execute("load \(name) \(path)")
            #expect(loaded.succeeded, "\(loaded.output)")
        }
        return session
    }

    @Test func similarForAndEvaluateOnTheSampleWorkspace() throws {
        let session = try session()
        let similar = session.execute("recommend similar products --text 描述 --id 商品ID --item P001 --top 3 --as rec_similar")
        #expect(similar.succeeded, "\(similar.output)")
        #expect(similar.output.contains("shared: "))
        let phones = session.execute(
            "sql \"SELECT count(*) AS n FROM rec_similar s JOIN products p ON s.商品ID = p.商品ID WHERE p.类目 = '手机'\"")
        #expect(phones.output.contains("3"), "\(phones.output)")

        let forUser = session.execute(
            "recommend for orders --user customer_id --item product_id --target U0001 --top 5 --as rec_u1")
        #expect(forUser.succeeded, "\(forUser.output)")
        #expect(forUser.output.contains("because you bought"))
        let owned = session.execute(
            "sql \"SELECT count(*) AS n FROM rec_u1 r JOIN orders o ON o.customer_id = r.customer_id AND o.product_id = r.product_id\"")
        #expect(owned.output.contains(" 0") || owned.output.contains("\n0"), "\(owned.output)")

        let evaluation = session.execute(
            "recommend evaluate orders --user customer_id --item product_id --time order_date --methods popular,itemknn")
        #expect(evaluation.succeeded, "\(evaluation.output)")
        #expect(evaluation.output.contains("NDCG@10"))
        #expect(session.execute("show evaluation").output.contains("itemknn"))
    }

    @Test func errorsLeaveTheWorkspaceAsItWas() throws {
        let session = try session()
        let bad = session.execute("recommend for orders --user customer_id --item product_id --target U001 --as rec_bad")
        #expect(!bad.succeeded)
        #expect(bad.output.contains("unknown user 'U001'"))
        #expect(!session.execute("datasets").output.contains("rec_bad"))
        let help = session.execute("help recommend for")
        #expect(help.output.contains("recommend for orders --user customer_id"))
    }
}
