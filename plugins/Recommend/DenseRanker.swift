import Foundation
import OpsKit

/// Ranks every item for each user from a model's dense scores, optionally
/// blended with popularity and with the user's own purchases kept
/// (`--include-owned`):
///
/// `score(u,j) = (1 − γ) · m(u,j)/max_l m(u,l) + γ · buyers(j)/max buyers + [j owned] · n(u,j)/max_l n(u,l)`
///
/// where m is the model's score (negative scores count 0), γ the popularity
/// blend and n the user's purchase count of an owned item. Ties go to the more popular item.
struct DenseRanker {
    let scorer: (any ItemScorer)?
    let popularity: Popularity
    let popularityBlend: Double
    /// Purchase counts per user and item, when owned items may be recommended.
    let purchases: SparseMatrix?

    /// Up to `k` (item, score, origin) per user, best first; users without history get nothing.
    func rank(train: SparseMatrix, users: [Int], k: Int, context: CommandContext) throws
        -> [[(item: Int32, score: Double, origin: Origin)]]
    {
        let n = train.columnCount
        let maxBuyers = Double(max(1, popularity.buyers.max() ?? 1))
        let gamma = scorer == nil ? 1 : popularityBlend
        var out = [[(item: Int32, score: Double, origin: Origin)]](repeating: [], count: users.count)
        let chunk = 64
        let progress = context.progress(Strings.progressScoring, total: users.count)
        defer { progress.finish() }
        out.withUnsafeMutableBufferPointer { lists in
            DispatchQueue.concurrentPerform(iterations: (users.count + chunk - 1) / chunk) { c in
                if context.isCancelled { return }
                var scores = [Double](repeating: 0, count: n)
                var owned = [Bool](repeating: false, count: n)
                let range = (c * chunk)..<min(users.count, (c + 1) * chunk)
                scores.withUnsafeMutableBufferPointer { buffer in
                    for slot in range {
                        let user = users[slot]
                        guard !train.range(ofRow: user).isEmpty else { continue }
                        for j in 0..<n { buffer[j] = 0 }
                        scorer?.accumulate(user: user, train: train, into: buffer)
                        for p in train.range(ofRow: user) { owned[Int(train.columns[p])] = true }
                        lists[slot] = select(
                            buffer, owned: owned, user: user, k: k, gamma: gamma, maxBuyers: maxBuyers)
                        for p in train.range(ofRow: user) { owned[Int(train.columns[p])] = false }
                    }
                }
                progress.advance(by: range.count)
            }
        }
        try context.checkCancellation()
        return out
    }

    private func select(
        _ scores: UnsafeMutableBufferPointer<Double>, owned: [Bool], user: Int, k: Int, gamma: Double,
        maxBuyers: Double
    ) -> [(item: Int32, score: Double, origin: Origin)] {
        var repeatScore: [Int32: Double] = [:]
        if let purchases {
            let range = purchases.range(ofRow: user)
            let most = range.reduce(0.0) { max($0, purchases.values[$1]) }
            for p in range { repeatScore[purchases.columns[p]] = purchases.values[p] / most }
        }
        var maxModel = 0.0
        for j in 0..<scores.count where (!owned[j] || purchases != nil) { maxModel = max(maxModel, scores[j]) }
        var best: [(item: Int32, score: Double, origin: Origin)] = []
        best.reserveCapacity(k + 1)
        for j in 0..<scores.count {
            let isOwned = owned[j]
            if isOwned && purchases == nil { continue }
            let model = maxModel > 0 ? max(0, scores[j]) / maxModel : 0
            var score = (1 - gamma) * model + gamma * Double(popularity.buyers[j]) / maxBuyers
            var origin: Origin = model > 0 ? .model : .popular
            if isOwned {
                score += repeatScore[Int32(j)] ?? 0
                origin = .repeatPurchase
            } else if gamma == 0 && model == 0 {
                continue
            }
            guard score > 0 else { continue }
            if best.count == k, !precedes(score, Int32(j), best[k - 1]) { continue }
            var at = best.count
            while at > 0, precedes(score, Int32(j), best[at - 1]) { at -= 1 }
            best.insert((Int32(j), score, origin), at: at)
            if best.count > k { best.removeLast() }
        }
        return best
    }

    private func precedes(_ score: Double, _ item: Int32, _ other: (item: Int32, score: Double, origin: Origin)) -> Bool {
        score != other.score ? score > other.score : popularity.rank[Int(item)] < popularity.rank[Int(other.item)]
    }
}
