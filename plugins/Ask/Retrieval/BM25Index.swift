import Foundation
import OpsKit

/// BM25 parameters: `k1` saturates term frequency, `b` normalises by length.
struct BM25Parameters: Sendable, Equatable {
    var k1: Double = 1.5
    var b: Double = 0.75
}

/// One retrieved document and its BM25 score.
struct ScoredDocument: Sendable, Equatable {
    let document: Int
    let score: Double
}

/// An inverted index scored with Okapi BM25:
/// `idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl))`, `idf = ln(1 + (N − df + 0.5)/(df + 0.5))`.
///
/// Postings are flat arrays with each (term, document) contribution
/// precomputed, so a query only adds up the postings of its terms.
struct BM25Index: Sendable {
    let parameters: BM25Parameters
    let documentCount: Int
    let termIndex: [String: Int32]
    /// Inverse document frequency per term id.
    let idf: [Double]
    private let postingStart: [Int]
    private let postingDocument: [Int32]
    private let postingWeight: [Float]

    /// Indexes tokenised documents (tokenisation may run in parallel beforehand).
    init(documents: [[String]], parameters: BM25Parameters) {
        self.parameters = parameters
        documentCount = documents.count
        var termIndex: [String: Int32] = [:]
        var documentTerms: [Int32] = []
        var documentTermCounts: [Int32] = []
        var documentStart = [0]
        var lengths = [Int](repeating: 0, count: documents.count)
        documentTerms.reserveCapacity(documents.count * 8)
        var scratch: [Int32] = []
        for (d, tokens) in documents.enumerated() {
            scratch.removeAll(keepingCapacity: true)
            for token in tokens {
                let next = Int32(termIndex.count)
                let id = termIndex[token, default: next]
                if id == next { termIndex[token] = id }
                scratch.append(id)
            }
            lengths[d] = tokens.count
            scratch.sort()
            var k = 0
            while k < scratch.count {
                var run = 1
                while k + run < scratch.count, scratch[k + run] == scratch[k] { run += 1 }
                documentTerms.append(scratch[k])
                documentTermCounts.append(Int32(run))
                k += run
            }
            documentStart.append(documentTerms.count)
        }
        self.termIndex = termIndex
        let termCount = termIndex.count
        var start = [Int](repeating: 0, count: termCount + 1)
        for t in documentTerms { start[Int(t) + 1] += 1 }
        for t in 0..<termCount { start[t + 1] += start[t] }
        let n = Double(documents.count)
        idf = (0..<termCount).map { t in
            let df = Double(start[t + 1] - start[t])
            return log(1 + (n - df + 0.5) / (df + 0.5))
        }
        let average = max(Double(lengths.reduce(0, +)) / max(n, 1), 1e-9)
        var fill = start
        var docs = [Int32](repeating: 0, count: documentTerms.count)
        var weights = [Float](repeating: 0, count: documentTerms.count)
        let k1 = parameters.k1, b = parameters.b
        for d in 0..<documents.count {
            let norm = k1 * (1 - b + b * Double(lengths[d]) / average)
            for k in documentStart[d]..<documentStart[d + 1] {
                let t = Int(documentTerms[k])
                let tf = Double(documentTermCounts[k])
                docs[fill[t]] = Int32(d)
                weights[fill[t]] = Float(idf[t] * tf * (k1 + 1) / (tf + norm))
                fill[t] += 1
            }
        }
        postingStart = start
        postingDocument = docs
        postingWeight = weights
    }

    /// Term ids of known query tokens with their weights (repeats count once).
    func queryTerms(_ tokens: [String], weight: Double = 1) -> [(term: Int32, weight: Double)] {
        var seen = Set<Int32>()
        var terms: [(term: Int32, weight: Double)] = []
        for token in tokens {
            if let id = termIndex[token], seen.insert(id).inserted { terms.append((id, weight)) }
        }
        return terms
    }

    /// The `limit` best documents for weighted query terms, best first (ties: lower index first).
    func search(_ terms: [(term: Int32, weight: Double)], limit: Int) -> [ScoredDocument] {
        guard limit > 0, documentCount > 0, !terms.isEmpty else { return [] }
        var scores = [Float](repeating: 0, count: documentCount)
        var touched: [Int32] = []
        postingDocument.withUnsafeBufferPointer { docs in
            postingWeight.withUnsafeBufferPointer { weights in
                scores.withUnsafeMutableBufferPointer { acc in
                    for (term, weight) in terms {
                        let w = Float(weight)
                        for k in postingStart[Int(term)]..<postingStart[Int(term) + 1] {
                            let d = Int(docs[k])
                            if acc[d] == 0 { touched.append(docs[k]) }
                            acc[d] += w * weights[k]
                        }
                    }
                }
            }
        }
        var best: [ScoredDocument] = []
        best.reserveCapacity(limit + 1)
        for d32 in touched {
            let d = Int(d32)
            let s = Double(scores[d])
            guard s > 0 else { continue }
            if best.count == limit, let last = best.last, !(s > last.score || (s == last.score && d < last.document)) {
                continue
            }
            var position = best.count
            while position > 0, s > best[position - 1].score || (s == best[position - 1].score && d < best[position - 1].document) {
                position -= 1
            }
            best.insert(ScoredDocument(document: d, score: s), at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}

extension BM25Index {
    /// Whether `document` contains term `term` (binary search in its postings).
    func contains(term: Int32, document: Int) -> Bool {
        var low = postingStart[Int(term)], high = postingStart[Int(term) + 1]
        let target = Int32(document)
        while low < high {
            let mid = (low + high) / 2
            if postingDocument[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < postingStart[Int(term) + 1] && postingDocument[low] == target
    }

    /// The idf an unseen term would have (df = 0).
    var unseenIDF: Double { log(1 + (Double(documentCount) + 0.5) / 0.5) }
}
