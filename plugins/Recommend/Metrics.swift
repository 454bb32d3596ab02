import Foundation

/// Ranking quality of one method's top-k lists, averaged over the evaluated users.
struct RankingMetrics {
    var precision = 0.0
    var recall = 0.0
    var ndcg = 0.0
    var map = 0.0
    var mrr = 0.0
    var hitRate = 0.0
    /// Share of the catalogue that appears in at least one list.
    var coverage = 0.0
    /// Mean self-information `−log₂(buyers/users)` of the recommended items (higher: less obvious).
    var novelty = 0.0
    var users = 0
    /// NDCG of each evaluated user, for bootstrap intervals and paired comparisons.
    var ndcgPerUser: [Double] = []

    /// Metrics of `lists[u]` (recommended items, best first) against `relevant[u]`, at cut-off `k`.
    ///
    /// precision = hits/k; recall = hits/|relevant|; NDCG with binary gains and
    /// `1/log2(rank+1)` discounts over the ideal ordering of min(|relevant|, k)
    /// hits; MAP@k = Σ precision@rank at hits / min(|relevant|, k); MRR = 1/rank
    /// of the first hit (0 without one); hit rate = share of users with at least
    /// one hit. `information[i]` is item i's self-information (for novelty).
    init(lists: [[Int32]], relevant: [Set<Int32>], k: Int, catalogueSize: Int, information: [Double] = []) {
        var shown = Set<Int32>()
        for (list, truth) in zip(lists, relevant) where !truth.isEmpty {
            users += 1
            var hits = 0, dcg = 0.0, averagePrecision = 0.0, reciprocal = 0.0, surprise = 0.0
            let top = list.prefix(k)
            for (position, item) in top.enumerated() {
                shown.insert(item)
                if Int(item) < information.count { surprise += information[Int(item)] }
                guard truth.contains(item) else { continue }
                hits += 1
                if hits == 1 { reciprocal = 1 / Double(position + 1) }
                dcg += 1 / log2(Double(position) + 2)
                averagePrecision += Double(hits) / Double(position + 1)
            }
            let ideal = min(truth.count, k)
            let idcg = (0..<ideal).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
            precision += Double(hits) / Double(k)
            recall += Double(hits) / Double(truth.count)
            ndcgPerUser.append(dcg / idcg)
            ndcg += dcg / idcg
            map += averagePrecision / Double(ideal)
            mrr += reciprocal
            hitRate += hits > 0 ? 1 : 0
            novelty += top.isEmpty ? 0 : surprise / Double(top.count)
        }
        if users > 0 {
            let n = Double(users)
            precision /= n
            recall /= n
            ndcg /= n
            map /= n
            mrr /= n
            hitRate /= n
            novelty /= n
        }
        coverage = catalogueSize > 0 ? Double(shown.count) / Double(catalogueSize) : 0
    }
}
