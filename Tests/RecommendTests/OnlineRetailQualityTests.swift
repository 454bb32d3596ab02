import Foundation
import OpsKit
import OpsKitTesting
import Testing

@testable import Recommend

/// Quality on the Online Retail sample (../shared/data/recommend) against the
/// peers on the same whole-last-basket split. Slow in debug builds: opt in with
/// OPSBENCH_QUALITY=1.
@Suite(
    .enabled(if: ProcessInfo.processInfo.environment["OPSBENCH_QUALITY"] == "1", "set OPSBENCH_QUALITY=1 to run"),
    .enabled(if: FileManager.default.fileExists(atPath: OnlineRetail.path.path), "shared Online Retail data absent"))
struct OnlineRetailQualityTests {
    /// Printed by `scripts/bench/recommend_quality.py score` (pandas 2.x, implicit
    /// 0.7) on online_retail_c5.csv, each customer's last InvoiceNo held out.
    enum Reference {
        static let users = 528
        static let popular = (recall: 0.022171395317017784, ndcg: 0.03330312287511871, mrr: 0.07582671957671956,
            novelty: 2.501719115547248)
        /// implicit's CosineRecommender, BM25Recommender (K=20) and ALS (64 factors).
        static let implicitBest = 0.0741497216709783
        /// numpy EASE, λ = 250, on the binary matrix (`recommend_quality.py peers`).
        static let numpyEASE = 0.0826
    }

    @Test func popularityMatchesPandasAndItemKNNBeatsImplicit() throws {
        let datasets = InMemoryDatasets(["orders": try OnlineRetail.orders()])
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(
            EvaluateCommand.self,
            ["orders", "--user", "CustomerID", "--item", "StockCode", "--basket", "InvoiceNo", "--time", "InvoiceDate",
                "--methods", "popular,itemknn"])
        #expect(output.contains("\(Reference.users) users evaluated"), "\(output)")
        #expect(output.contains("protocol: each user's whole last basket (InvoiceNo of their latest row) is held out"))
        let table = try datasets.dataset(named: "evaluation")
        func metric(_ name: String, _ row: Int) throws -> Double { try numbers(table, name)[row] }
        #expect(abs(try metric("recall", 0) - Reference.popular.recall) < 1e-12)
        #expect(abs(try metric("ndcg", 0) - Reference.popular.ndcg) < 1e-12)
        #expect(abs(try metric("mrr", 0) - Reference.popular.mrr) < 1e-12)
        #expect(abs(try metric("novelty", 0) - Reference.popular.novelty) < 1e-12)
        #expect(try metric("ndcg", 1) >= Reference.implicitBest)
        #expect(try metric("ndcg_low", 1) < metric("ndcg", 1) && metric("ndcg", 1) < metric("ndcg_high", 1))
    }

    @Test func autoMatchesTheBestPeer() throws {
        let datasets = InMemoryDatasets(["orders": try OnlineRetail.orders()])
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(
            EvaluateCommand.self,
            ["orders", "--user", "CustomerID", "--item", "StockCode", "--basket", "InvoiceNo", "--time", "InvoiceDate",
                "--methods", "auto"])
        #expect(output.contains("auto chose "), "\(output)")
        let ndcg = try numbers(try datasets.dataset(named: "evaluation"), "ndcg")[0]
        #expect(ndcg >= Reference.numpyEASE - 5e-5, "auto \(ndcg) against numpy EASE \(Reference.numpyEASE)")
    }
}

/// Loader for the shared Online Retail sample.
enum OnlineRetail {
    static let path = SharedData.url("recommend/online_retail_c5.csv")

    /// The sample with InvoiceDate as a datetime column.
    static func orders() throws -> Dataset {
        var dataset = try CSVFixture.dataset(path)
        let dates = try strings(dataset, "InvoiceDate").map { text -> Int64? in
            CivilDate.parseDateTime(Substring(text))
        }
        try dataset.setColumn(
            Column(name: "InvoiceDate", type: .datetime, values: .integers(dates.map { $0 ?? 0 }),
                validity: dates.map { $0 != nil }))
        return dataset
    }
}
