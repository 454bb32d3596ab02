import OpsKit

/// An item's text prepared for explanations: its word and CJK runs, with the
/// vocabulary column of each term (-1 when not in the vocabulary).
struct PhraseRuns {
    enum Run {
        case word(String, term: Int32)
        /// Characters, their unigram terms and the terms of each adjacent pair.
        case cjk([String], unigrams: [Int32], bigrams: [Int32])
    }

    let runs: [Run]

    init(_ text: String, vectorizer: TFIDFVectorizer) {
        func term(_ s: String) -> Int32 { vectorizer.termIndex[s] ?? -1 }
        runs = Self.split(text).map { run in
            if !run.isCJK {
                let word = String(String.UnicodeScalarView(run.scalars))
                return .word(word, term: term(word.lowercased()))
            }
            let chars = run.scalars.map { String(Character($0)) }
            let bigrams = chars.count < 2 ? [] : (0..<(chars.count - 1)).map { term(chars[$0] + chars[$0 + 1]) }
            return .cjk(chars, unigrams: chars.map(term), bigrams: bigrams)
        }
    }

    /// The text split as the tokenizer splits it: runs of CJK characters and
    /// runs of letters/digits; everything else separates runs.
    static func split(_ text: String) -> [(isCJK: Bool, scalars: [Unicode.Scalar])] {
        var runs: [(isCJK: Bool, scalars: [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var currentIsCJK = false
        for scalar in text.unicodeScalars {
            let isCJK = !scalar.isASCII && TextScript.isCJK(scalar)
            let isWord: Bool
            if scalar.isASCII {
                let v = scalar.value
                isWord = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
            } else {
                isWord = !isCJK && (TextScript.isWordScalar(scalar)
                    || (!current.isEmpty && !currentIsCJK && scalar.properties.generalCategory == .nonspacingMark))
            }
            if isCJK || isWord, current.isEmpty || currentIsCJK == isCJK {
                current.append(scalar)
                currentIsCJK = isCJK
                continue
            }
            if !current.isEmpty { runs.append((currentIsCJK, current)) }
            current = isCJK || isWord ? [scalar] : []
            currentIsCJK = isCJK
        }
        if !current.isEmpty { runs.append((currentIsCJK, current)) }
        return runs
    }
}

/// Explains a content match: the phrases of an item's text whose terms it
/// shares with the query, strongest first.
///
/// Terms are unigrams and bigrams, so shared terms are joined back into the
/// phrases a reader sees: a maximal run of shared CJK bigrams (`智能`, `能手`,
/// `手机`) becomes `智能手机`; a Latin word is its own phrase. A phrase's
/// weight is the sum of its terms' contributions `q[t]·x[t]` to the cosine.
/// Lone CJK characters are shown only when no longer phrase is shared.
enum SharedTerms {
    /// Up to `limit` shared phrases of `text`, where `contribution(t)` is term t's share of the cosine.
    static func phrases(_ text: PhraseRuns, limit: Int = 3, contribution: (Int32) -> Double) -> [String] {
        var found: [(phrase: String, weight: Double, isSingleCJK: Bool)] = []
        func weight(_ t: Int32) -> Double { t < 0 ? 0 : contribution(t) }
        for run in text.runs {
            switch run {
            case .word(let word, let term):
                let w = weight(term)
                if w > 0 { found.append((word, w, false)) }
            case .cjk(let chars, let unigrams, let bigrams):
                var covered = [Bool](repeating: false, count: chars.count)
                var i = 0
                while i < bigrams.count {
                    guard weight(bigrams[i]) > 0 else { i += 1; continue }
                    var end = i
                    while end + 1 < bigrams.count, weight(bigrams[end + 1]) > 0 { end += 1 }
                    // Characters i...end+1; each distinct term counted once.
                    let terms = Set(unigrams[i...(end + 1)] + bigrams[i...end])
                    found.append((chars[i...(end + 1)].joined(), terms.reduce(0) { $0 + weight($1) }, false))
                    for p in i...(end + 1) { covered[p] = true }
                    i = end + 1
                }
                for p in chars.indices where !covered[p] {
                    let w = weight(unigrams[p])
                    if w > 0 { found.append((chars[p], w, true)) }
                }
            }
        }
        let hasLonger = found.contains { !$0.isSingleCJK }
        var seen = Set<String>()
        return found.filter { !(hasLonger && $0.isSingleCJK) }
            .sorted { $0.weight > $1.weight }
            .filter { seen.insert($0.phrase).inserted }
            .prefix(limit).map(\.phrase)
    }

    /// Shared phrases of row `item` of `vectors` (text prepared in `runs`) with row `queryRow` of `query`.
    static func phrases(
        _ runs: PhraseRuns, item: Int, of vectors: SparseMatrix, query: SparseMatrix, queryRow: Int, limit: Int = 3
    ) -> [String] {
        phrases(runs, limit: limit) { t in
            query.value(row: queryRow, column: t) * vectors.value(row: item, column: t)
        }
    }
}
