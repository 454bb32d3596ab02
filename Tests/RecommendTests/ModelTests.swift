import Foundation
import OpsKit
import OpsKitTesting
import Testing

@testable import Recommend

/// RP3beta, EASE, damping, popularity blend and repeat purchases on hand-worked examples.
///
/// u0: A B · u1: A B C · u2: B C (one purchase each).
@Suite struct ModelTests {
    static let train = SparseMatrix(
        rowCount: 3, columnCount: 3, rowStart: [0, 2, 5, 7], columns: [0, 1, 0, 1, 2, 1, 2],
        values: [1, 1, 1, 1, 1, 1, 1])

    @Test func rp3betaIsTheTwoStepWalkPenalisedByPopularity() throws {
        // A → {u0, u1} (½ each); u0 → B ½, u1 → B ⅓: 5/12, then ÷ buyers(B)^β = 3^0.5.
        let walk = try NeighbourModel.rp3beta(train: Self.train, k: 5, beta: 0, context: PluginHarness.quietContext())
        #expect(abs(walk.neighbours.value(row: 0, column: 1) - 5.0 / 12) < 1e-12)
        #expect(abs(walk.neighbours.value(row: 0, column: 2) - 1.0 / 6) < 1e-12)  // via u1 only: ½ · ⅓
        #expect(walk.neighbours.value(row: 0, column: 0) == 0)
        let penalised = try NeighbourModel.rp3beta(train: Self.train, k: 5, beta: 0.5, context: PluginHarness.quietContext())
        #expect(abs(penalised.neighbours.value(row: 0, column: 1) - 5.0 / 12 / 3.0.squareRoot()) < 1e-12)
    }

    @Test func easeWeightsSolveTheNormalEquations() throws {
        // Optimal B has a zero diagonal and (G + λI)(I − B) diagonal (Steck 2019, eq. 4).
        let lambda = 0.5
        let model = try EASEModel(train: Self.train, lambda: lambda, context: PluginHarness.quietContext())
        let g: [[Double]] = [[2 + lambda, 2, 1], [2, 3 + lambda, 2], [1, 2, 2 + lambda]]
        for i in 0..<3 { #expect(model.weights[i * 3 + i] == 0) }
        for i in 0..<3 {
            for j in 0..<3 where i != j {
                let entry = (0..<3).reduce(0.0) { $0 + g[i][$1] * ((($1 == j) ? 1 : 0) - model.weights[$1 * 3 + j]) }
                #expect(abs(entry) < 1e-12, "(G+λI)(I−B)[\(i)][\(j)] = \(entry)")
            }
        }
        // Symmetric data: A and C weigh B the same.
        #expect(abs(model.weights[0 * 3 + 1] - model.weights[2 * 3 + 1]) < 1e-12)
    }

    @Test func easeRefusesCataloguesAboveItsLimit() {
        let wide = SparseMatrix(
            rowCount: 1, columnCount: EASEModel.itemLimit + 1, rowStart: [0, 1], columns: [0], values: [1])
        #expect {
            try EASEModel(train: wide, lambda: 1, context: PluginHarness.quietContext())
        } throws: { ($0 as? OpsError)?.message.contains("at most 20000 items") == true }
    }

    @Test func dampingSaturatesRepeatPurchases() {
        #expect(Damping.none.apply(4) == 4)
        #expect(Damping.binary.apply(4) == 1)
        #expect(abs(Damping.log.apply(4) - log(5.0)) < 1e-15)
        #expect(abs(Damping.bm25.apply(1) - 1) < 1e-15)
        #expect(abs(Damping.bm25.apply(1000) - 2.2) < 0.01)
    }

    func staples() throws -> InMemoryDatasets {
        // Milk is re-bought by everyone; c1 also bought bread twice and eggs once.
        let rows: [(String, String)] = [
            ("c1", "milk"), ("c1", "milk"), ("c1", "milk"), ("c1", "bread"), ("c1", "bread"), ("c1", "eggs"),
            ("c2", "milk"), ("c2", "tea"), ("c3", "milk"), ("c3", "bread"), ("c3", "tea"),
        ]
        return InMemoryDatasets([
            "orders": try Dataset(columns: [
                Column(name: "customer", strings: rows.map(\.0)), Column(name: "product", strings: rows.map(\.1)),
            ])
        ])
    }

    @Test func includeOwnedRanksRepeatPurchasesByCountWithAReason() throws {
        let datasets = try staples()
        try PluginHarness(RecommendPlugin.self, on: datasets).run(
            ForCommand.self,
            ["orders", "--user", "customer", "--item", "product", "--target", "c1", "--top", "4", "--include-owned"])
        let result = try datasets.dataset(named: "recommendations")
        // milk 3/3 = 1 + model, bread 2/3, eggs 1/3; tea is new (via milk and bread).
        #expect(Array(try strings(result, "product").prefix(2)) == ["milk", "bread"])
        #expect(try strings(result, "reason").first == "you bought it 3 time(s)")
        #expect(Set(try strings(result, "product")) == ["milk", "bread", "eggs", "tea"])
    }

    @Test func popularityBlendMixesNormalisedScores() throws {
        let datasets = try staples()
        try PluginHarness(RecommendPlugin.self, on: datasets).run(
            ForCommand.self,
            ["orders", "--user", "customer", "--item", "product", "--target", "c2", "--popularity-blend", "1"])
        let result = try datasets.dataset(named: "recommendations")
        // γ = 1 is popularity alone: bread (2 buyers) before eggs (1), scores buyers / max buyers (milk: 3).
        #expect(try strings(result, "product") == ["bread", "eggs"])
        #expect(try numbers(result, "score") == [2.0 / 3, 1.0 / 3])
    }

    @Test func autoSaysWhatItChoseAndWhy() throws {
        var users: [String] = [], items: [String] = [], baskets: [Int64] = []
        // Twelve customers, three one-item baskets each, from one of two groups {A, B, C}, {D, E, F},
        // in rotating order: everyone's last item was bought earlier by others of their group.
        for c in 0..<12 {
            let group = c % 2 == 0 ? ["A", "B", "C"] : ["D", "E", "F"]
            let pattern = (0..<3).map { group[($0 + c / 2) % 3] }
            for (b, item) in pattern.enumerated() {
                users.append("c\(c)"); items.append(item); baskets.append(Int64(c * 10 + b))
            }
        }
        let datasets = InMemoryDatasets([
            "orders": try Dataset(columns: [
                Column(name: "u", strings: users), Column(name: "i", strings: items),
                Column(name: "order", integers: baskets),
            ])
        ])
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(
            ForCommand.self, ["orders", "--user", "u", "--item", "i", "--basket", "order", "--all-users", "--method", "auto"])
        #expect(output.contains("auto chose "), "\(output)")
        #expect(output.contains("on the last baskets of 12 users held out of the training data"))
        #expect(!output.contains("auto chose popular"))
        // Without --damping every damping is a candidate, and the names say which.
        #expect(output.contains("(binary)") && output.contains("(log)") && output.contains("(bm25)"), "\(output)")
        let result = try datasets.dataset(named: "recommendations")
        #expect(try strings(result, "reason").allSatisfy { !$0.isEmpty })
        let fixed = try PluginHarness(RecommendPlugin.self, on: datasets).run(
            ForCommand.self,
            ["orders", "--user", "u", "--item", "i", "--basket", "order", "--all-users", "--method", "auto", "--damping", "bm25"])
        #expect(!fixed.contains("(binary)") && !fixed.contains("(bm25)"), "\(fixed)")
    }

    @Test func pairedStandardErrorIsHandWorked() {
        // d = [1, 0, 0, −1]: mean 0, sample variance 2/3, standard error √(2/3 / 4).
        let se = AutoSelection.pairedStandardError([1, 0, 1, 0], [0, 0, 1, 1])
        #expect(abs(se - (2.0 / 3 / 4).squareRoot()) < 1e-15)
        #expect(AutoSelection.pairedStandardError([0.5], [0.1]) == 0)
    }
}
