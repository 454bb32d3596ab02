import Foundation
import OpsKit
import Testing

@testable import Recommend

/// Quality on the Online Retail sample (../shared/data/recommend), compared
/// with pandas and implicit on the same leave-last split.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: OnlineRetail.path.path), "shared Online Retail data absent"))
struct OnlineRetailQualityTests {
    /// Reference numbers printed by `scripts/bench/recommend_quality.py` (pandas
    /// 2.x, implicit 0.7) on online_retail_c5.csv with leave-last by InvoiceDate.
    enum Reference {
        static let users = 598
        static let popular = (precision: 0.0028428093645484955, recall: 0.028428093645484948,
            ndcg: 0.01604842115841214, map: 0.012181477942347509, coverage: 0.008888888888888889)
        /// implicit.nearest_neighbours.CosineRecommender(K=20) (its default) and K=100.
        static let implicitK20 = (ndcg: 0.049823270323781386, recall: 0.08528428093645485)
        static let implicitK100 = (ndcg: 0.04837945044378735, recall: 0.08862876254180602)
    }

    @Test func popularityMatchesPandasAndItemKNNBeatsImplicit() throws {
        let datasets = InMemoryDatasets(["orders": try OnlineRetail.orders()])
        let output = try run(
            EvaluateCommand.self,
            ["orders", "--user", "CustomerID", "--item", "StockCode", "--time", "InvoiceDate", "--k", "10"],
            in: datasets)
        #expect(output.contains("598 users evaluated"))
        let table = try datasets.dataset(named: "evaluation")
        #expect(try strings(table, "method") == ["popular", "itemknn"])
        #expect(try numbers(table, "users") == [598, 598])
        func metric(_ name: String, _ row: Int) throws -> Double { try numbers(table, name)[row] }
        #expect(abs(try metric("precision", 0) - Reference.popular.precision) < 1e-12)
        #expect(abs(try metric("recall", 0) - Reference.popular.recall) < 1e-12)
        #expect(abs(try metric("ndcg", 0) - Reference.popular.ndcg) < 1e-12)
        #expect(abs(try metric("map", 0) - Reference.popular.map) < 1e-12)
        #expect(abs(try metric("coverage", 0) - Reference.popular.coverage) < 1e-12)
        let best = (ndcg: max(Reference.implicitK20.ndcg, Reference.implicitK100.ndcg),
            recall: max(Reference.implicitK20.recall, Reference.implicitK100.recall))
        #expect(try metric("ndcg", 1) >= best.ndcg)
        #expect(try metric("recall", 1) >= best.recall)
    }

    /// With implicit's settings (20 neighbours, no shrinkage) item-kNN is the same
    /// model as implicit's CosineRecommender: metrics agree up to tie order.
    @Test func plainCosineAgreesWithImplicit() throws {
        let datasets = InMemoryDatasets(["orders": try OnlineRetail.orders()])
        try run(
            EvaluateCommand.self,
            ["orders", "--user", "CustomerID", "--item", "StockCode", "--time", "InvoiceDate", "--methods", "itemknn",
                "--neighbours", "20", "--shrink", "0"],
            in: datasets)
        let table = try datasets.dataset(named: "evaluation")
        #expect(abs(try numbers(table, "ndcg")[0] - Reference.implicitK20.ndcg) < 0.002)
        #expect(abs(try numbers(table, "recall")[0] - Reference.implicitK20.recall) < 0.002)
    }
}

/// Loader for the shared Online Retail sample.
enum OnlineRetail {
    static let path = sharedRecommendData.appendingPathComponent("online_retail_c5.csv")

    /// The sample with InvoiceDate as a datetime column.
    static func orders() throws -> Dataset {
        var dataset = try readSimpleCSV(path)
        let dates = try strings(dataset, "InvoiceDate").map { text -> Int64? in
            CivilDate.parseDateTime(Substring(text))
        }
        try dataset.setColumn(
            Column(name: "InvoiceDate", type: .datetime, values: .integers(dates.map { $0 ?? 0 }),
                validity: dates.map { $0 != nil }))
        return dataset
    }
}
