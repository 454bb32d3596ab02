import OpsKit

/// A fitted model that scores every item for a user from their history.
protocol ItemScorer {
    /// Adds the user's score of every item to `scores` (one slot per item).
    func accumulate(user: Int, train: SparseMatrix, into scores: UnsafeMutableBufferPointer<Double>)
    /// The history item that contributed most to `score(user, item)`: the "because you bought X".
    func strongestSource(user: Int, item: Int32, train: SparseMatrix) -> Int32?
}

extension ItemScorer {
    /// The history item `i` with the largest positive `r(u,i) · weight(i)`.
    static func largestContribution(user: Int, train: SparseMatrix, weight: (Int32) -> Double) -> Int32? {
        var best: (item: Int32, value: Double)?
        for p in train.range(ofRow: user) {
            let i = train.columns[p]
            let value = train.values[p] * weight(i)
            if value > 0, value > (best?.value ?? 0) { best = (i, value) }
        }
        return best?.item
    }
}
