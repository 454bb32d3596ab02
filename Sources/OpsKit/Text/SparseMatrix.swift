/// A compressed sparse row (CSR) matrix of doubles.
///
/// Row `i`'s entries are `columns[rowStart[i]..<rowStart[i+1]]` and the same
/// range of `values`, columns ascending within a row.
public struct SparseMatrix: Sendable, Equatable {
    public let columnCount: Int
    public private(set) var rowStart: [Int]
    public private(set) var columns: [Int32]
    public private(set) var values: [Double]

    /// An empty matrix with `columnCount` columns; add rows with ``appendRow(_:)``.
    public init(columnCount: Int) {
        self.columnCount = columnCount
        self.rowStart = [0]
        self.columns = []
        self.values = []
    }

    /// A matrix from raw CSR arrays (validated).
    public init(rowCount: Int, columnCount: Int, rowStart: [Int], columns: [Int32], values: [Double]) {
        precondition(rowStart.count == rowCount + 1 && rowStart.last == columns.count && columns.count == values.count)
        self.columnCount = columnCount
        self.rowStart = rowStart
        self.columns = columns
        self.values = values
    }

    public var rowCount: Int { rowStart.count - 1 }
    public var nonZeroCount: Int { values.count }

    /// Appends a row given as (column, value) pairs in any order; duplicate columns are summed.
    public mutating func appendRow(_ entries: [(column: Int32, value: Double)]) {
        let sorted = entries.sorted { $0.column < $1.column }
        var lastColumn: Int32 = -1
        for entry in sorted {
            precondition(entry.column >= 0 && Int(entry.column) < columnCount, "column out of range")
            if entry.column == lastColumn {
                values[values.count - 1] += entry.value
            } else {
                columns.append(entry.column)
                values.append(entry.value)
                lastColumn = entry.column
            }
        }
        rowStart.append(columns.count)
    }

    /// The index range of row `i` into ``columns`` and ``values``.
    @inline(__always)
    public func range(ofRow i: Int) -> Range<Int> { rowStart[i]..<rowStart[i + 1] }

    /// The value at (row, column), 0 when absent.
    public func value(row: Int, column: Int32) -> Double {
        let r = range(ofRow: row)
        var low = r.lowerBound, high = r.upperBound
        while low < high {
            let mid = (low + high) / 2
            if columns[mid] < column { low = mid + 1 } else { high = mid }
        }
        return low < r.upperBound && columns[low] == column ? values[low] : 0
    }

    /// The transpose, also in CSR form (i.e. this matrix in CSC form).
    public func transposed() -> SparseMatrix {
        var counts = [Int](repeating: 0, count: columnCount + 1)
        for c in columns { counts[Int(c) + 1] += 1 }
        for i in 0..<columnCount { counts[i + 1] += counts[i] }
        var next = counts
        var newColumns = [Int32](repeating: 0, count: columns.count)
        var newValues = [Double](repeating: 0, count: values.count)
        for row in 0..<rowCount {
            for k in range(ofRow: row) {
                let c = Int(columns[k])
                newColumns[next[c]] = Int32(row)
                newValues[next[c]] = values[k]
                next[c] += 1
            }
        }
        return SparseMatrix(
            rowCount: columnCount, columnCount: rowCount, rowStart: counts, columns: newColumns, values: newValues)
    }

    /// Scales every row to unit Euclidean length (zero rows stay zero).
    public mutating func normalizeRows() {
        for row in 0..<rowCount {
            let r = range(ofRow: row)
            var sum = 0.0
            for k in r { sum += values[k] * values[k] }
            guard sum > 0 else { continue }
            let scale = 1 / sum.squareRoot()
            for k in r { values[k] *= scale }
        }
    }

    /// Dot product of row `a` of this matrix with row `b` of `other` (merge of sorted columns).
    public func dot(row a: Int, with other: SparseMatrix, row b: Int) -> Double {
        var i = rowStart[a], j = other.rowStart[b]
        let iEnd = rowStart[a + 1], jEnd = other.rowStart[b + 1]
        var sum = 0.0
        while i < iEnd && j < jEnd {
            let ci = columns[i], cj = other.columns[j]
            if ci == cj {
                sum += values[i] * other.values[j]
                i += 1
                j += 1
            } else if ci < cj { i += 1 } else { j += 1 }
        }
        return sum
    }
}
