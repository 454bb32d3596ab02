import OpsKit

/// Explains a content match: the phrases of an item's text whose terms it
/// shares with the query, strongest first.
///
/// Terms are unigrams and bigrams, so shared terms are joined back into the
/// phrases a reader sees: a maximal run of shared CJK bigrams (`智能`, `能手`,
/// `手机`) becomes `智能手机`; a Latin word is its own phrase. A phrase's
/// weight is the sum of its terms' contributions to the cosine. Lone CJK
/// characters are shown only when no longer phrase is shared.
struct SharedTerms {
    let vectorizer: TFIDFVectorizer

    /// Up to `limit` shared phrases of `text` (whose vector is `item`) with `query`.
    func phrases(of text: String, item: [Int32: Double], query: [Int32: Double], limit: Int = 3) -> [String] {
        var found: [(phrase: String, weight: Double, isSingleCJK: Bool)] = []
        func contribution(_ term: String) -> Double {
            guard let c = vectorizer.termIndex[term], let q = query[c], let x = item[c] else { return 0 }
            return q * x
        }
        for run in Self.runs(text) {
            if !run.isCJK {
                let word = String(String.UnicodeScalarView(run.scalars))
                let weight = contribution(word.lowercased())
                if weight > 0 { found.append((word, weight, false)) }
                continue
            }
            let chars = run.scalars.map { String(Character($0)) }
            var covered = [Bool](repeating: false, count: chars.count)
            var i = 0
            while i + 1 < chars.count {
                guard contribution(chars[i] + chars[i + 1]) > 0 else { i += 1; continue }
                var end = i + 1
                while end + 1 < chars.count, contribution(chars[end] + chars[end + 1]) > 0 { end += 1 }
                var weight = 0.0
                var seen = Set<String>()
                for p in i...end where seen.insert(chars[p]).inserted { weight += contribution(chars[p]) }
                for p in i..<end where seen.insert(chars[p] + chars[p + 1]).inserted {
                    weight += contribution(chars[p] + chars[p + 1])
                }
                found.append((chars[i...end].joined(), weight, false))
                for p in i...end { covered[p] = true }
                i = end + 1
            }
            for p in chars.indices where !covered[p] {
                let weight = contribution(chars[p])
                if weight > 0 { found.append((chars[p], weight, true)) }
            }
        }
        let hasLonger = found.contains { !$0.isSingleCJK }
        var seen = Set<String>()
        return found.filter { !(hasLonger && $0.isSingleCJK) }
            .sorted { $0.weight > $1.weight }
            .filter { seen.insert($0.phrase).inserted }
            .prefix(limit).map(\.phrase)
    }

    /// The text split as the tokenizer splits it: runs of CJK characters and
    /// runs of letters/digits; everything else separates runs.
    static func runs(_ text: String) -> [(isCJK: Bool, scalars: [Unicode.Scalar])] {
        var runs: [(isCJK: Bool, scalars: [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var currentIsCJK = false
        for scalar in text.unicodeScalars {
            let isCJK = TextScript.isCJK(scalar)
            let isWord = !isCJK && (TextScript.isWordScalar(scalar) || (!current.isEmpty && !currentIsCJK
                && scalar.properties.generalCategory == .nonspacingMark))
            if (isCJK || isWord), current.isEmpty || currentIsCJK == isCJK {
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
