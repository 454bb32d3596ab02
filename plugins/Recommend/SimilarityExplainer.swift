import Foundation
import OpsKit

/// Reasons for content matches ("shared: 智能手机, 屏幕").
struct SimilarityExplainer {
    let index: ContentIndex
    let labels: ReasonLabels

    /// The reason `item` matches row `queryRow` of `query`.
    func reason(item: Int, query: SparseMatrix, queryRow: Int = 0) -> String {
        let runs = PhraseRuns(index.texts[item], vectorizer: index.vectorizer)
        return labels.shared(SharedTerms.phrases(runs, item: item, of: index.vectors, query: query, queryRow: queryRow))
    }

    /// Every (item, neighbour) pair of `rows` (row `r` is `items[r]`) flattened,
    /// with reasons built on all cores from texts prepared once per item.
    func allPairs(_ rows: TopKRows, items: [Int], context: CommandContext) throws
        -> (source: [Int], target: [Int], rank: [Int], score: [Double], reason: [String])
    {
        let runs = Self.parallelMap(index.texts.count) { PhraseRuns(index.texts[$0], vectorizer: index.vectorizer) }
        try context.checkCancellation()
        var offsets = [0]
        for r in 0..<rows.rowCount { offsets.append(offsets[r] + rows.count(ofRow: r)) }
        let total = offsets[rows.rowCount]
        var source = [Int](repeating: 0, count: total), target = source, rank = source
        var score = [Double](repeating: 0, count: total)
        for r in 0..<rows.rowCount {
            for n in 0..<rows.count(ofRow: r) {
                let p = offsets[r] + n
                source[p] = items[r]
                target[p] = Int(rows.columns[r * rows.k + n])
                rank[p] = n + 1
                score[p] = rows.scores[r * rows.k + n]
            }
        }
        let reasons = Self.parallelMap(total) { p in
            labels.shared(
                SharedTerms.phrases(
                    runs[target[p]], item: target[p], of: index.vectors, query: index.vectors, queryRow: source[p]))
        }
        try context.checkCancellation()
        return (source, target, rank, score, reasons)
    }

    /// `(0..<count).map(transform)` computed in chunks on all cores.
    static func parallelMap<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        let chunk = 1024
        out.withUnsafeMutableBufferPointer { buffer in
            DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(count, (c + 1) * chunk) { buffer[i] = transform(i) }
            }
        }
        return out.map { $0! }
    }
}
