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
    var rows: KeptRows
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
        let keepsAll = missing == .mean || incompleteRows == 0
        let kept = keepsAll ? KeptRows(all: n) : KeptRows((0..<n).filter { complete[$0] })
        var buffer = [Double](repeating: 0, count: kept.count * d)
        for (f, column) in values.enumerated() {
            column.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    for r in 0..<kept.count {
                        let v = source[kept[r]]
                        target[r * d + f] = v.isFinite ? v : means[f]
                    }
                }
            }
        }
        rows = kept
        matrix = Matrix(rows: kept.count, cols: d, values: buffer)
    }
}

/// The source rows a feature matrix kept: every row (stored as a count, not
/// an array as long as the data) or the listed ones.
struct KeptRows: RandomAccessCollection {
    private let list: [Int]?
    let count: Int

    /// Rows `0..<count`.
    init(all count: Int) {
        list = nil
        self.count = count
    }

    init(_ rows: [Int]) {
        list = rows
        count = rows.count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always) subscript(position: Int) -> Int { list?[position] ?? position }
}
