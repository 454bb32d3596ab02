import Foundation

/// TF-IDF weighting as scikit-learn's `TfidfVectorizer` computes it:
/// `idf = ln((1 + n) / (1 + df)) + 1` with smoothing (`ln(n / df) + 1` without),
/// raw or sublinear (`1 + ln tf`) term frequency, rows scaled to unit length.
public struct TFIDFVectorizer: Sendable {
    public struct Options: Sendable {
        public var smoothIDF = true
        public var sublinearTF = false
        public var normalize = true
        /// Terms in fewer documents than this are dropped.
        public var minDocumentFrequency = 1

        public init(smoothIDF: Bool = true, sublinearTF: Bool = false, normalize: Bool = true, minDocumentFrequency: Int = 1) {
            self.smoothIDF = smoothIDF
            self.sublinearTF = sublinearTF
            self.normalize = normalize
            self.minDocumentFrequency = minDocumentFrequency
        }
    }

    public let options: Options
    /// Terms in column order (sorted by Unicode scalar values, as Python sorts strings).
    public let terms: [String]
    /// Column index of each term.
    public let termIndex: [String: Int32]
    /// Inverse document frequency per column.
    public let idf: [Double]

    /// Learns the vocabulary and idf from tokenised documents.
    public init(fitting documents: [[String]], options: Options = Options()) {
        self.options = options
        var documentFrequency: [String: Int] = [:]
        for document in documents {
            for term in Set(document) { documentFrequency[term, default: 0] += 1 }
        }
        let kept = documentFrequency.filter { $0.value >= options.minDocumentFrequency }
        let terms = kept.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        self.terms = terms
        var index: [String: Int32] = [:]
        index.reserveCapacity(terms.count)
        for (i, term) in terms.enumerated() { index[term] = Int32(i) }
        self.termIndex = index
        let n = Double(documents.count)
        self.idf = terms.map { term in
            let df = Double(kept[term]!)
            return options.smoothIDF ? log((1 + n) / (1 + df)) + 1 : log(n / df) + 1
        }
    }

    /// The TF-IDF matrix of tokenised documents (unknown terms ignored), one row per document.
    public func transform(_ documents: [[String]]) -> SparseMatrix {
        var matrix = SparseMatrix(columnCount: terms.count)
        for document in documents { matrix.appendRow(weights(document)) }
        return matrix
    }

    /// The weighted, normalised (column, value) entries of one document, columns ascending.
    public func weights(_ document: [String]) -> [(column: Int32, value: Double)] {
        var counts: [Int32: Double] = [:]
        for term in document { if let c = termIndex[term] { counts[c, default: 0] += 1 } }
        var entries = counts.map { (column: $0.key, value: $0.value) }.sorted { $0.column < $1.column }
        var sum = 0.0
        for i in entries.indices {
            let tf = options.sublinearTF ? 1 + log(entries[i].value) : entries[i].value
            entries[i].value = tf * idf[Int(entries[i].column)]
            sum += entries[i].value * entries[i].value
        }
        if options.normalize, sum > 0 {
            let scale = 1 / sum.squareRoot()
            for i in entries.indices { entries[i].value *= scale }
        }
        return entries
    }
}
