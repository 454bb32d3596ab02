import Foundation
import OpsKit

/// EASE (Steck 2019): the item × item weights `B` that best rebuild the
/// user × item matrix from itself with a zero diagonal, in closed form:
/// `P = (XᵀX + λI)⁻¹`, `B[i][j] = −P[i][j] / P[j][j]`, `B[j][j] = 0`.
/// A user's score for item j is `Σ_{i ∈ history} r(u,i) · B[i][j]`.
struct EASEModel: ItemScorer {
    /// Largest catalogue for the dense solve (two n × n matrices of doubles: 6.4 GB at the limit).
    static let itemLimit = 20_000

    let itemCount: Int
    /// Row-major n × n.
    let weights: [Double]

    init(train: SparseMatrix, lambda: Double, context: CommandContext) throws {
        let n = train.columnCount
        guard n <= Self.itemLimit else { throw Strings.easeTooLarge(items: n, limit: Self.itemLimit) }
        var gram = [Double](repeating: 0, count: n * n)
        gram.withUnsafeMutableBufferPointer { g in
            for u in 0..<train.rowCount {
                let range = train.range(ofRow: u)
                for p in range {
                    let i = Int(train.columns[p]), x = train.values[p]
                    for q in range { g[i * n + Int(train.columns[q])] += x * train.values[q] }
                }
            }
        }
        for i in 0..<n { gram[i * n + i] += lambda }
        let progress = context.progress(Strings.progressEASE, total: 1)
        defer { progress.finish() }
        do {
            try SymmetricInverse.invert(&gram, n: n, isCancelled: { context.isCancelled })
        } catch let error as CancellationError {
            try context.checkCancellation()
            throw error
        }
        let diagonal = (0..<n).map { gram[$0 * n + $0] }
        gram.withUnsafeMutableBufferPointer { p in
            for i in 0..<n {
                for j in 0..<n { p[i * n + j] = i == j ? 0 : -p[i * n + j] / diagonal[j] }
            }
        }
        progress.advance(by: 1)
        itemCount = n
        weights = gram
    }

    func accumulate(user: Int, train: SparseMatrix, into scores: UnsafeMutableBufferPointer<Double>) {
        let n = itemCount
        weights.withUnsafeBufferPointer { b in
            for p in train.range(ofRow: user) {
                let x = train.values[p], row = Int(train.columns[p]) * n
                for j in 0..<n { scores[j] += x * b[row + j] }
            }
        }
    }

    func strongestSource(user: Int, item: Int32, train: SparseMatrix) -> Int32? {
        Self.largestContribution(user: user, train: train) { weights[Int($0) * itemCount + Int(item)] }
    }
}
