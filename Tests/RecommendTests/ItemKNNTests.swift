import Foundation
import OpsKit
import OpsKitTesting
import Testing

@testable import Recommend

/// Item-kNN on a hand-worked example.
///
/// u0: A B · u1: A B C · u2: B C · u3: D twice · u4: only a zero-weight row (cold start).
/// Item vectors over users: A = {u0,u1}, B = {u0,u1,u2}, C = {u1,u2}, D = {u3};
/// A·B = 2, A·C = 1, B·C = 2, so with shrink 0: sim(A,B) = sim(B,C) = 2/√6, sim(A,C) = 1/2.
@Suite struct ItemKNNTests {
    static let sAB = 2 / 6.0.squareRoot()

    func orders() throws -> Dataset {
        let pairs = [("u0", "A"), ("u0", "B"), ("u1", "A"), ("u1", "B"), ("u1", "C"), ("u2", "B"), ("u2", "C"),
            ("u3", "D"), ("u4", "A"), ("u3", "D")]
        return try Dataset(columns: [
            Column(name: "user", strings: pairs.map(\.0) + [nil]),
            Column(name: "item", strings: pairs.map(\.1) + ["B"]),
            Column(name: "qty", doubles: [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1]),
        ])
    }

    func recommend(_ extra: [String]) throws -> (Dataset, String) {
        let datasets = InMemoryDatasets(["orders": try orders()])
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(
            ForCommand.self, ["orders", "--user", "user", "--item", "item", "--weight", "qty", "--damping", "none", "--shrink", "0"]
                + extra)
        return (try datasets.dataset(named: "recommendations"), output)
    }

    @Test func scoresSumSimilaritiesToOwnedItemsAndExplainTheStrongest() throws {
        let (result, output) = try recommend(["--target", "u0", "--top", "2"])
        #expect(result.columnNames == ["user", "item", "rank", "score", "reason"])
        #expect(try strings(result, "item") == ["C", "D"])
        let scores = try numbers(result, "score")
        #expect(abs(scores[0] - (0.5 + Self.sAB)) < 1e-12)
        #expect(scores[1] == 0)  // D has no similarity to u0's items: popularity filler
        #expect(try strings(result, "reason") == ["because you bought B", "popular: 1 buyers"])
        #expect(output.contains("warning: skipped rows: 1 without a user, 1 with a missing or non-positive weight"))
        #expect(output.contains("note: 1 repeated user-item row(s) summed (--weight), then damped by none"))
    }

    @Test func neighbourhoodSizeLimitsEachItemsNeighbours() throws {
        // With one neighbour each: A→B, B→A (tie with C, lower index), C→B, so u0 (A, B) gets no model score.
        let (result, _) = try recommend(["--target", "u0", "--neighbours", "1"])
        #expect(try strings(result, "item") == ["C", "D"])
        #expect(try numbers(result, "score") == [0, 0])
    }

    @Test func shrinkageDampsTheCosine() throws {
        let train = SparseMatrix(
            rowCount: 3, columnCount: 3, rowStart: [0, 2, 5, 7], columns: [0, 1, 0, 1, 2, 1, 2],
            values: [1, 1, 1, 1, 1, 1, 1])
        let model = try NeighbourModel.itemKNN(train: train, k: 5, shrink: 1, context: PluginHarness.quietContext())
        #expect(abs(model.neighbours.value(row: 0, column: 1) - 2 / (6.0.squareRoot() + 1)) < 1e-12)
        #expect(abs(model.neighbours.value(row: 0, column: 2) - 1 / 3.0) < 1e-12)
        #expect(model.neighbours.value(row: 0, column: 0) == 0)
    }

    @Test func allUsersFlagsColdStartAndNeverRepeatsOwnedItems() throws {
        let (result, output) = try recommend(["--all-users", "--top", "3"])
        let users = try strings(result, "user"), items = try strings(result, "item")
        let reasons = try strings(result, "reason")
        let owned: [String: Set<String>] = ["u0": ["A", "B"], "u1": ["A", "B", "C"], "u2": ["B", "C"], "u3": ["D"]]
        for (u, i) in zip(users, items) { #expect(owned[u]?.contains(i) != true, "\(u) already has \(i)") }
        let u4 = zip(users, zip(items, reasons)).filter { $0.0 == "u4" }.map(\.1)
        #expect(u4.map(\.0) == ["B", "A", "C"])
        #expect(u4.allSatisfy { $0.1.hasPrefix("cold start") })
        #expect(zip(users, items).filter { $0.0 == "u2" }.map(\.1) == ["A", "D"])
        #expect(output.contains("1 cold-start user(s)"))
    }

    @Test func popularMethodRanksByBuyers() throws {
        let (result, _) = try recommend(["--target", "u3", "--method", "popular"])
        #expect(try strings(result, "item") == ["B", "A", "C"])
        #expect(try numbers(result, "score") == [3 / 5.0, 2 / 5.0, 2 / 5.0])
    }

    @Test func contentAndHybridUseTheCatalogue() throws {
        let orders = try Dataset(columns: [
            Column(name: "客户", strings: ["c1", "c2", "c2", "c3", "c3"]),
            Column(name: "商品ID", strings: ["P1", "P2", "P4", "P1", "P2"]),
        ])
        let datasets = InMemoryDatasets(["orders": orders, "products": try phoneCatalogue()])
        let base = ["orders", "--user", "客户", "--item", "商品ID", "--catalog", "products", "--text", "描述", "--shrink", "0"]
        try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + ["--target", "c1", "--method", "content", "--top", "1"])
        var result = try datasets.dataset(named: "recommendations")
        // P3 never occurs in the orders: the catalogue makes it a candidate.
        #expect(try strings(result, "商品ID") == ["P3"])
        #expect(try strings(result, "reason") == ["because you bought P1 (智能手机)"])
        try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + ["--target", "c1", "--method", "hybrid", "--blend", "0.5"])
        result = try datasets.dataset(named: "recommendations")
        // P2: 0.5 · cos(P1,P2) = 0.5 · 1/2 = 0.25 beats P3: 0.5 · 0.4226 (text only).
        #expect(Array(try strings(result, "商品ID").prefix(2)) == ["P2", "P3"])
    }

    @Test func badInputGivesClearErrors() throws {
        let datasets = InMemoryDatasets(["orders": try orders()])
        let base = ["orders", "--user", "user", "--item", "item"]
        #expect {
            try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + ["--target", "u9"])
        } throws: { ($0 as? OpsError)?.message.contains("unknown user 'u9' in --target — did you mean") == true }
        #expect {
            try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + ["--target", "u0", "--method", "content"])
        } throws: { ($0 as? OpsError)?.message == "method 'content' needs item texts" }
        #expect(throws: OpsError.self) { try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base) }
        #expect(throws: OpsError.self) { try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + ["--all-users", "--blend", "2"]) }
        #expect(throws: (any Error).self) { try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + ["--all-users", "--method", "svd"]) }
        func refusal(_ extra: [String]) -> OpsError? {
            do { try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + extra); return nil } catch { return error as? OpsError }
        }
        #expect(refusal([])?.code == .missingArgument)
        #expect(refusal(["--target", "u1", "--all-users"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["conflict", "--all-users"])
        #expect(refusal(["--all-users", "--text", "描述"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["conflict", "--catalog"])
        #expect(refusal(["--all-users", "--blend", "2"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["out-of-range", "--blend"])
        #expect(refusal(["--all-users", "--top", "0"])?.code == .outOfRange)
        let descriptor = ForCommand.descriptor(plugin: "recommend")
        #expect(descriptor.argument(named: "--text")?.completion == .columns(of: "--catalog"))
        #expect(descriptor.argument(named: "--catalog-id")?.completion == .columns(of: "--catalog"))
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(ForCommand.self, base + ["--target", "u1", "--top", "50"])
        #expect(output.contains("warning: --top 50 is more than the 4 candidate items; returning 4"))
        #expect(try strings(try datasets.dataset(named: "recommendations"), "item") == ["D"])
    }
}
