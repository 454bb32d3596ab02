import Foundation
import OpsKit

/// The users an evaluation scores and the held-out items that count as hits.
///
/// A user is scored when they have training history and at least one held-out
/// item they did not have before; with `includeOwned` (repeat purchases may be
/// recommended) every held-out item counts and any held-out item qualifies.
struct HeldOut {
    let users: [Int]
    let relevant: [Set<Int32>]
    /// Users with held-out rows that could not be scored.
    let skipped: Int

    init(log: InteractionLog, test: [Int], train: SparseMatrix, includeOwned: Bool) {
        var heldOut = [Set<Int32>](repeating: [], count: log.users.count)
        for r in test { heldOut[Int(log.user[r])].insert(log.item[r]) }
        var users: [Int] = [], relevant: [Set<Int32>] = []
        var withTest = 0
        for u in 0..<log.users.count where !heldOut[u].isEmpty {
            withTest += 1
            let history = train.range(ofRow: u)
            guard !history.isEmpty else { continue }
            let truth = includeOwned ? heldOut[u] : heldOut[u].subtracting(history.map { train.columns[$0] })
            guard !truth.isEmpty else { continue }
            users.append(u)
            relevant.append(truth)
        }
        self.users = users
        self.relevant = relevant
        self.skipped = withTest - users.count
    }

    /// The metrics of `method`'s top-k lists for these users.
    func score(_ method: Method, recommender: Recommender, k: Int, context: CommandContext) throws -> RankingMetrics {
        let recs = try recommender.recommend(method, users: users, k: k, context: context)
        var lists = [[Int32]](repeating: [], count: recommender.train.rowCount)
        for rec in recs { lists[Int(rec.user)].append(rec.item) }
        let buyers = recommender.popularity.buyers
        let active = Double(max(1, (0..<recommender.train.rowCount).filter { !recommender.train.range(ofRow: $0).isEmpty }.count))
        let information = buyers.map { -log2(Double(max($0, 1)) / active) }
        return RankingMetrics(
            lists: users.map { lists[$0] }, relevant: relevant, k: k, catalogueSize: recommender.train.columnCount,
            information: information)
    }
}
