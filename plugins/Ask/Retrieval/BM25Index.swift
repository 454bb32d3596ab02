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

/// An inverted index scored with BM25F (Robertson, Zaragoza & Taylor 2004):
/// each field's term frequency is length-normalised by its own average and
/// weighted, `t̃f = Σ_f w_f·tf_f / (1 − b + b·|d_f|/avgdl_f)`, then saturated
/// once, `idf(t) · t̃f·(k1+1) / (t̃f + k1)`, `idf = ln(1 + (N − df + 0.5)/(df + 0.5))`
/// where a document counts towards df with the largest weight of its fields
/// holding the term (a word many answers use but few questions ask about
/// stays informative). One field of weight 1 is Okapi BM25.
///
/// Postings are flat arrays with each (term, document) contribution
/// precomputed, so a query only adds up the postings of its terms; each
/// posting also records which fields hold the term (a bit per field).
struct BM25Index: Sendable {
    let parameters: BM25Parameters
    let documentCount: Int
    let termIndex: [String: Int32]
    /// Inverse document frequency per term id.
    let idf: [Double]
    private let postingStart: [Int]
    private let postingDocument: [Int32]
    private let postingWeight: [Float]
    private let postingFields: [UInt8]

    /// Indexes tokenised single-field documents (Okapi BM25).
    init(documents: [[String]], parameters: BM25Parameters) {
        self.init(fields: documents.map { [$0] }, weights: [1], parameters: parameters)
    }

    /// Indexes documents given as tokenised fields (`fields[d][f]`, at most 8
    /// fields, `weights[f]` each; tokenisation may run in parallel beforehand).
    /// A document counts towards df with the largest `documentFrequencyWeights`
    /// (default: `weights`) of its fields holding the term.
    init(fields documents: [[[String]]], weights: [Double], documentFrequencyWeights: [Double]? = nil, parameters: BM25Parameters) {
        precondition(weights.count <= 8)
        self.parameters = parameters
        documentCount = documents.count
        let fieldCount = weights.count
        var averages = [Double](repeating: 0, count: fieldCount)
        for document in documents {
            for f in 0..<min(fieldCount, document.count) { averages[f] += Double(document[f].count) }
        }
        let n = Double(documents.count)
        for f in 0..<fieldCount { averages[f] = max(averages[f] / max(n, 1), 1e-9) }
        var termIndex: [String: Int32] = [:]
        var documentTerms: [Int32] = [], documentTF: [Double] = [], documentMask: [UInt8] = []
        var documentStart = [0]
        documentTerms.reserveCapacity(documents.count * 8)
        var scratch: [(term: Int32, field: Int)] = []
        let b = parameters.b
        for document in documents {
            scratch.removeAll(keepingCapacity: true)
            var perOccurrence = [Double](repeating: 0, count: fieldCount)
            for f in 0..<min(fieldCount, document.count) {
                perOccurrence[f] = weights[f] / (1 - b + b * Double(document[f].count) / averages[f])
                for token in document[f] {
                    let next = Int32(termIndex.count)
                    let id = termIndex[token, default: next]
                    if id == next { termIndex[token] = id }
                    scratch.append((id, f))
                }
            }
            scratch.sort { $0.term < $1.term }
            var k = 0
            while k < scratch.count {
                var tf = 0.0, mask: UInt8 = 0, run = 0
                while k + run < scratch.count, scratch[k + run].term == scratch[k].term {
                    tf += perOccurrence[scratch[k + run].field]
                    mask |= 1 << UInt8(scratch[k + run].field)
                    run += 1
                }
                documentTerms.append(scratch[k].term)
                documentTF.append(tf)
                documentMask.append(mask)
                k += run
            }
            documentStart.append(documentTerms.count)
        }
        self.termIndex = termIndex
        let termCount = termIndex.count
        var start = [Int](repeating: 0, count: termCount + 1)
        for t in documentTerms { start[Int(t) + 1] += 1 }
        for t in 0..<termCount { start[t + 1] += start[t] }
        // A document counts towards a term's df with the largest weight of the fields holding it.
        let strongest = Self.largestPerMask(documentFrequencyWeights ?? weights)
        var df = [Double](repeating: 0, count: termCount)
        for (k, t) in documentTerms.enumerated() { df[Int(t)] += strongest[Int(documentMask[k])] }
        idf = df.map { log(1 + (n - $0 + 0.5) / ($0 + 0.5)) }
        var fill = start
        var docs = [Int32](repeating: 0, count: documentTerms.count)
        var postingWeights = [Float](repeating: 0, count: documentTerms.count)
        var masks = [UInt8](repeating: 0, count: documentTerms.count)
        let k1 = parameters.k1
        for d in 0..<documents.count {
            for k in documentStart[d]..<documentStart[d + 1] {
                let t = Int(documentTerms[k])
                let tf = documentTF[k]
                docs[fill[t]] = Int32(d)
                postingWeights[fill[t]] = Float(idf[t] * tf * (k1 + 1) / (tf + k1))
                masks[fill[t]] = documentMask[k]
                fill[t] += 1
            }
        }
        postingStart = start
        postingDocument = docs
        postingWeight = postingWeights
        postingFields = masks
    }

    /// For each mask of fields (bit f for field f), the largest of `values` over
    /// the fields in it; 0 for the empty mask.
    static func largestPerMask(_ values: [Double]) -> [Double] {
        (0..<(1 << values.count)).map { mask in
            values.indices.filter { mask & (1 << $0) != 0 }.map { values[$0] }.max() ?? 0
        }
    }

    /// Term ids of known query tokens with their weights (repeats count once).
    func queryTerms(_ tokens: [String], weight: Double = 1) -> [(term: Int32, weight: Double)] {
        queryTerms(tokens, weights: [Double](repeating: weight, count: tokens.count))
    }

    /// Term ids of known query tokens, each with its own weight (a repeated token keeps its largest).
    func queryTerms(_ tokens: [String], weights: [Double]) -> [(term: Int32, weight: Double)] {
        var position: [Int32: Int] = [:]
        var terms: [(term: Int32, weight: Double)] = []
        for (token, weight) in zip(tokens, weights) {
            guard let id = termIndex[token] else { continue }
            if let k = position[id] {
                terms[k].weight = max(terms[k].weight, weight)
            } else {
                position[id] = terms.count
                terms.append((id, weight))
            }
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
    func contains(term: Int32, document: Int) -> Bool { fields(term: term, document: document) != 0 }

    /// The fields of `document` holding `term`, a bit per field (0: none).
    func fields(term: Int32, document: Int) -> UInt8 {
        var low = postingStart[Int(term)], high = postingStart[Int(term) + 1]
        let target = Int32(document)
        while low < high {
            let mid = (low + high) / 2
            if postingDocument[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < postingStart[Int(term) + 1] && postingDocument[low] == target ? postingFields[low] : 0
    }

    /// The idf an unseen term would have (df = 0).
    var unseenIDF: Double { log(1 + (Double(documentCount) + 0.5) / 0.5) }
}
