import Foundation
import OpsKit

/// An item-neighbour matrix S (items × items, each row holding an item's
/// nearest neighbours) and the user scores it gives:
/// `score(u, j) = Σ_{i ∈ history(u)} r(u,i) · S[i,j]`.
///
/// Item-kNN, content and hybrid recommenders are all of this form; they differ
/// in how S is built.
struct NeighbourModel: ItemScorer {
    let neighbours: SparseMatrix

    /// Item–item cosine on the user–item matrix with shrinkage,
    /// `sim(i,j) = r_i·r_j / (‖r_i‖‖r_j‖ + shrink)`, keeping each item's `k` nearest.
    static func itemKNN(train: SparseMatrix, k: Int, shrink: Double, context: CommandContext) throws -> NeighbourModel {
        let itemUsers = train.transposed()
        let norms = SparseTopK.rowNorms(itemUsers)
        let top = try product(
            itemUsers, train, k: k, exclude: .diagonal,
            cosine: SparseTopK.Cosine(rowNorms: norms, columnNorms: norms, shrink: shrink),
            label: Strings.progressItemKNN, context: context)
        return NeighbourModel(neighbours: top.matrix())
    }

    /// RP3beta (Paudel et al. 2017): the two-step random walk item → user → item,
    /// `W[i][j] = Σ_u (r(u,i)/Σ_v r(v,i)) · (r(u,j)/Σ_l r(u,l)) / buyers(j)^β`,
    /// which penalises popular destinations by β, keeping each item's `k` largest.
    static func rp3beta(train: SparseMatrix, k: Int, beta: Double, context: CommandContext) throws -> NeighbourModel {
        let itemUsers = rowStochastic(train.transposed())
        var buyers = [Double](repeating: 0, count: train.columnCount)
        for c in train.columns { buyers[Int(c)] += 1 }
        let top = try product(
            itemUsers, rowStochastic(train), k: k, exclude: .diagonal,
            cosine: SparseTopK.Cosine(
                rowNorms: [Double](repeating: 1, count: itemUsers.rowCount),
                columnNorms: buyers.map { Foundation.pow(max($0, 1), beta) }),
            label: Strings.progressRP3beta, context: context)
        return NeighbourModel(neighbours: top.matrix())
    }

    /// Each row divided by its sum (a transition matrix).
    private static func rowStochastic(_ m: SparseMatrix) -> SparseMatrix {
        var values = m.values
        for r in 0..<m.rowCount {
            let range = m.range(ofRow: r)
            let sum = range.reduce(0.0) { $0 + m.values[$1] }
            if sum > 0 { for p in range { values[p] /= sum } }
        }
        return SparseMatrix(
            rowCount: m.rowCount, columnCount: m.columnCount, rowStart: m.rowStart, columns: m.columns, values: values)
    }

    /// Cosine of TF-IDF vectors (rows aligned with the items), keeping each item's `k` nearest.
    static func content(vectors: SparseMatrix, k: Int, context: CommandContext) throws -> NeighbourModel {
        let top = try product(
            vectors, vectors.transposed(), k: k, exclude: .diagonal, cosine: nil,
            label: Strings.progressContent, context: context)
        return NeighbourModel(neighbours: top.matrix())
    }

    /// `weight · a + (1 − weight) · b`, entry by entry.
    static func blend(_ a: NeighbourModel, _ b: NeighbourModel, weight: Double) -> NeighbourModel {
        let x = a.neighbours, y = b.neighbours
        var rowStart = [0], columns: [Int32] = [], values: [Double] = []
        for r in 0..<x.rowCount {
            var i = x.rowStart[r], j = y.rowStart[r]
            let iEnd = x.rowStart[r + 1], jEnd = y.rowStart[r + 1]
            while i < iEnd || j < jEnd {
                let ci = i < iEnd ? x.columns[i] : Int32.max, cj = j < jEnd ? y.columns[j] : Int32.max
                let column = min(ci, cj)
                var value = 0.0
                if ci == column { value += weight * x.values[i]; i += 1 }
                if cj == column { value += (1 - weight) * y.values[j]; j += 1 }
                columns.append(column)
                values.append(value)
            }
            rowStart.append(columns.count)
        }
        return NeighbourModel(
            neighbours: SparseMatrix(
                rowCount: x.rowCount, columnCount: x.columnCount, rowStart: rowStart, columns: columns, values: values))
    }

    /// The top `k` unseen items for each of `users`.
    func recommend(train: SparseMatrix, users: [Int], k: Int, context: CommandContext) throws -> TopKRows {
        try Self.product(
            train, neighbours, k: k, rows: users, exclude: .leftRowColumns, cosine: nil,
            label: Strings.progressScoring, context: context)
    }

    func accumulate(user: Int, train: SparseMatrix, into scores: UnsafeMutableBufferPointer<Double>) {
        for p in train.range(ofRow: user) {
            let x = train.values[p]
            for q in neighbours.range(ofRow: Int(train.columns[p])) {
                scores[Int(neighbours.columns[q])] += x * neighbours.values[q]
            }
        }
    }

    func strongestSource(user: Int, item: Int32, train: SparseMatrix) -> Int32? {
        Self.largestContribution(user: user, train: train) { neighbours.value(row: Int($0), column: item) }
    }

    private static func product(
        _ left: SparseMatrix, _ right: SparseMatrix, k: Int, rows: [Int]? = nil, exclude: SparseTopK.Exclusion,
        cosine: SparseTopK.Cosine?, label: String, context: CommandContext
    ) throws -> TopKRows {
        let progress = context.progress(label, total: rows?.count ?? left.rowCount)
        defer { progress.finish() }
        return try SparseTopK.product(
            left, right, k: k, rows: rows, exclude: exclude, cosine: cosine,
            isCancelled: { context.isCancelled }, progress: { progress.advance(by: $0) })
    }
}
