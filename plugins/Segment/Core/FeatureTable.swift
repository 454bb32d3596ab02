import OpsKit

/// How rows with missing (null or NaN) feature values are handled.
enum MissingPolicy: String, CaseIterable, Sendable {
    case drop, mean
}

/// The numeric features of a dataset as a row-major matrix, with the rows kept.
struct FeatureTable {
    var names: [String]
    var matrix: Matrix
    /// Indices (in the source dataset) of the matrix rows.
    var rows: [Int]
    /// Rows that had at least one missing feature value (dropped or imputed).
    var incompleteRows: Int

    /// Reads `columns` from `dataset`. Throws a clear error for a non-numeric column.
    init(dataset: Dataset, columns: [Column], missing: MissingPolicy, option: String = "--features") throws {
        names = columns.map(\.name)
        let values = try columns.map { try $0.requireNumeric(option: option) }
        let n = dataset.rowCount, d = columns.count
        var complete = [Bool](repeating: true, count: n)
        for column in values {
            for i in 0..<n where !column[i].isFinite { complete[i] = false }
        }
        incompleteRows = complete.lazy.filter { !$0 }.count
        var means = [Double](repeating: 0, count: d)
        if missing == .mean {
            for (f, column) in values.enumerated() {
                var sum = 0.0, count = 0.0
                for v in column where v.isFinite {
                    sum += v
                    count += 1
                }
                means[f] = count > 0 ? sum / count : 0
            }
        }
        let kept = missing == .mean ? Array(0..<n) : (0..<n).filter { complete[$0] }
        var buffer = [Double](repeating: 0, count: kept.count * d)
        for (f, column) in values.enumerated() {
            column.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    for (r, i) in kept.enumerated() {
                        let v = source[i]
                        target[r * d + f] = v.isFinite ? v : means[f]
                    }
                }
            }
        }
        rows = kept
        matrix = Matrix(rows: kept.count, cols: d, values: buffer)
    }
}
