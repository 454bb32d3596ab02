import OpsKit

/// An item-neighbour matrix S (items × items, each row holding an item's
/// nearest neighbours) and the user scores it gives:
/// `score(u, j) = Σ_{i ∈ history(u)} r(u,i) · S[i,j]`.
///
/// Item-kNN, content and hybrid recommenders are all of this form; they differ
/// in how S is built.
struct NeighbourModel {
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

    /// The history item that contributed most to `score(user, item)`: the "because you bought X".
    func strongestSource(user: Int, item: Int32, train: SparseMatrix) -> Int32? {
        var best: (item: Int32, value: Double)?
        for p in train.range(ofRow: user) {
            let i = train.columns[p]
            let value = train.values[p] * neighbours.value(row: Int(i), column: item)
            if value > 0, value > (best?.value ?? 0) { best = (i, value) }
        }
        return best?.item
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
