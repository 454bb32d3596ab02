/// Restoring a fitted ``TFIDFVectorizer`` from its stored vocabulary, so a
/// plugin can keep a model as a workspace dataset and load it later.
extension TFIDFVectorizer {
    /// A vectorizer with the given terms (column order) and idf values.
    /// Returns `nil` when the counts differ or a term repeats.
    public init?(terms: [String], idf: [Double], options: Options = Options()) {
        guard terms.count == idf.count else { return nil }
        var index: [String: Int32] = [:]
        index.reserveCapacity(terms.count)
        for (i, term) in terms.enumerated() {
            guard index.updateValue(Int32(i), forKey: term) == nil else { return nil }
        }
        self.options = options
        self.terms = terms
        self.termIndex = index
        self.idf = idf
    }
}
