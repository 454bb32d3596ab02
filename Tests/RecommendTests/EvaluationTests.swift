import Foundation
import OpsKit
import Testing

@testable import Recommend

@Suite struct EvaluationTests {
    @Test func metricsMatchHandWorkedValues() {
        // Recommended 1, 2, 3; relevant {2, 9}: one hit at rank 2.
        let m = RankingMetrics(lists: [[1, 2, 3], [4]], relevant: [[2, 9], [5]], k: 3, catalogueSize: 10)
        #expect(m.users == 2)
        #expect(abs(m.precision - (1.0 / 3 + 0) / 2) < 1e-12)
        #expect(abs(m.recall - (0.5 + 0) / 2) < 1e-12)
        let ndcg = (1 / log2(3.0)) / (1 + 1 / log2(3.0))
        #expect(abs(m.ndcg - ndcg / 2) < 1e-12)
        #expect(abs(m.map - (0.5 / 2) / 2) < 1e-12)
        #expect(m.hitRate == 0.5)
        #expect(m.coverage == 0.4)
    }

    func log(times: [Double]) throws -> InteractionLog {
        let dataset = try Dataset(columns: [
            Column(name: "u", strings: ["a", "a", "a", "b", "b", "c"]),
            Column(name: "i", strings: ["x", "y", "z", "x", "y", "x"]),
            Column(name: "t", doubles: times),
        ])
        return try InteractionLog(dataset: dataset, userColumn: "u", itemColumn: "i", weightColumn: nil, timeColumn: "t")
    }

    @Test func leaveLastHoldsOutTheWholeLastBasket() throws {
        // a's latest is row 1 (time 5); b's two rows share the latest time: one basket, both held out.
        let split = try Split(try log(times: [1, 5, 3, 2, 2, 9]), kind: .leaveLast, testFraction: 0.2, seed: 1)
        #expect(split.test == [1, 3, 4, 5])
        #expect(split.train == [0, 2])
    }

    @Test func leaveLastWithABasketColumnHoldsOutEveryLineOfTheLastOrder() throws {
        // a: order 1 (x) at t=1, order 2 (y, z) with lines at t=2 and t=3 (an order spanning two times).
        let dataset = try Dataset(columns: [
            Column(name: "u", strings: ["a", "a", "a", "b", "b"]),
            Column(name: "i", strings: ["x", "y", "z", "x", "y"]),
            Column(name: "t", doubles: [1, 2, 3, 1, 1]),
            Column(name: "order", integers: [1, 2, 2, 3, 3]),
        ])
        let log = try InteractionLog(
            dataset: dataset, userColumn: "u", itemColumn: "i", weightColumn: nil, timeColumn: "t", basketColumn: "order")
        let split = try Split(log, kind: .leaveLast, testFraction: 0.2, seed: 1)
        #expect(split.test == [1, 2, 3, 4])
        #expect(split.train == [0])
    }

    @Test func timeSplitByAGlobalCutoff() throws {
        let split = try Split(try log(times: [1, 5, 3, 2, 2, 9]), kind: .time, testFraction: 0.5, seed: 1, cutoff: 3)
        #expect(split.test == [1, 2, 5])
        #expect(split.cutoff == 3)
    }

    @Test func timeSplitHoldsOutTheLatestFraction() throws {
        let split = try Split(try log(times: [1, 5, 3, 2, 2, 9]), kind: .time, testFraction: 0.34, seed: 1)
        #expect(split.test == [1, 5])
    }

    @Test func randomSplitIsSeeded() throws {
        let l = try log(times: [1, 2, 3, 4, 5, 6])
        let a = try Split(l, kind: .random, testFraction: 0.5, seed: 7)
        let b = try Split(l, kind: .random, testFraction: 0.5, seed: 7)
        #expect(a.test == b.test)
        #expect(a.test.count == 3)  // 2 of a's 3 rows (rounded), 1 of b's, none of c's single row
        #expect(!a.test.contains(5))
    }

    @Test func evaluateCommandChecksItsOptions() throws {
        let dataset = try Dataset(columns: [
            Column(name: "u", strings: ["a", "a", "a", "b", "b", "b", "c", "c"]),
            Column(name: "i", strings: ["x", "z", "y", "x", "y", "z", "x", "y"]),
        ])
        let datasets = InMemoryDatasets(["log": dataset])
        let base = ["log", "--user", "u", "--item", "i"]
        let output = try run(EvaluateCommand.self, base + ["--methods", "itemknn,popular", "--k", "1"], in: datasets)
        #expect(output.contains("note: no --time or --basket: each user's last row in dataset order is held out"))
        let table = try datasets.dataset(named: "evaluation")
        #expect(try strings(table, "method") == ["itemknn", "popular"])
        // Train a{x,z} b{x,y} c{x}; held out a→y, b→z, c→y. Item-kNN reaches y and z only through x:
        // a gets y, b gets z, c gets the tie's lower index z (a miss); popularity (ties by id: y, z) hits all three.
        #expect(try numbers(table, "hit_rate") == [2.0 / 3, 1])
        #expect {
            try run(EvaluateCommand.self, base + ["--methods", "itemknm"], in: datasets)
        } throws: { ($0 as? OpsError)?.message.contains("did you mean 'itemknn'") == true }
        #expect {
            try run(EvaluateCommand.self, base + ["--split", "time"], in: datasets)
        } throws: { ($0 as? OpsError)?.message == "--split time needs --time COLUMN" }
        #expect(throws: OpsError.self) { try run(EvaluateCommand.self, base + ["--test-fraction", "1"], in: datasets) }
        #expect(throws: OpsError.self) { try run(EvaluateCommand.self, base + ["--methods", "hybrid"], in: datasets) }
    }

    @Test func timeSplitThroughTheCommandKeepsIntegerIDs() throws {
        // Customers 1–3 buy x then y on day 1 and z on day 9; the latest 3 of 9 rows (day 9) are held out.
        let users: [Int64] = [1, 1, 1, 2, 2, 2, 3, 3, 3]
        let dataset = try Dataset(columns: [
            Column(name: "customer", integers: users),
            Column(name: "sku", strings: ["x", "y", "z", "x", "y", "z", "x", "w", "z"]),
            Column(name: "day", days: [1, 1, 9, 1, 1, 9, 1, 1, 9]),
        ])
        let datasets = InMemoryDatasets(["log": dataset])
        let output = try run(
            EvaluateCommand.self,
            ["log", "--user", "customer", "--item", "sku", "--time", "day", "--split", "time", "--test-fraction", "0.34"],
            in: datasets)
        #expect(output.contains("3 users evaluated"), "\(output)")
        #expect(output.contains("6 training and 3 held-out rows"))
        try run(ForCommand.self, ["log", "--user", "customer", "--item", "sku", "--target", "3"], in: datasets)
        let recs = try datasets.dataset(named: "recommendations")
        #expect(try recs.column("customer").type == .integer)
        #expect(try strings(recs, "sku").first == "y")  // x and w co-occur with y through customers 1 and 2
    }
}
