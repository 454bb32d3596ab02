import Foundation
import OpsKit

/// Reasons for content matches ("shared: 智能手机, 屏幕").
struct SimilarityExplainer {
    let index: ContentIndex
    let labels: ReasonLabels

    /// The reason `item` matches `query` (a TF-IDF vector as column → weight).
    func reason(item: Int, query: [Int32: Double]) -> String {
        labels.shared(phrases(item: item, query: query))
    }

    /// The shared phrases of `item`'s text with `query`.
    func phrases(item: Int, query: [Int32: Double]) -> [String] {
        SharedTerms(vectorizer: index.vectorizer).phrases(of: index.texts[item], item: index.vector(item), query: query)
    }

    /// Every (item, neighbour) pair of `rows` (row `r` is `items[r]`) flattened, with reasons built on all cores.
    func allPairs(_ rows: TopKRows, items: [Int], context: CommandContext) throws
        -> (source: [Int], target: [Int], rank: [Int], score: [Double], reason: [String])
    {
        var offsets = [0]
        for r in 0..<rows.rowCount { offsets.append(offsets[r] + rows.count(ofRow: r)) }
        let total = offsets[rows.rowCount]
        var source = [Int](repeating: 0, count: total), target = source, rank = source
        var score = [Double](repeating: 0, count: total)
        var reasonText = [String](repeating: "", count: total)
        let chunk = 256
        let chunks = (rows.rowCount + chunk - 1) / chunk
        reasonText.withUnsafeMutableBufferPointer { reasons in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for r in (c * chunk)..<min(rows.rowCount, (c + 1) * chunk) {
                    let query = index.vector(items[r])
                    for (n, entry) in rows.row(r).enumerated() {
                        reasons[offsets[r] + n] = reason(item: Int(entry.column), query: query)
                    }
                }
            }
        }
        try context.checkCancellation()
        for r in 0..<rows.rowCount {
            for (n, entry) in rows.row(r).enumerated() {
                let p = offsets[r] + n
                source[p] = items[r]
                target[p] = Int(entry.column)
                rank[p] = n + 1
                score[p] = entry.score
            }
        }
        return (source, target, rank, score, reasonText)
    }
}
