/// A dense row-major `rows × cols` matrix of doubles in one contiguous buffer:
/// the layout every K-Means kernel works on.
struct Matrix: Equatable, Sendable {
    var rows: Int
    var cols: Int
    var values: [Double]

    init(rows: Int, cols: Int, values: [Double]) {
        precondition(values.count == rows * cols, "matrix buffer size mismatch")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    init(rows: Int, cols: Int) {
        self.init(rows: rows, cols: cols, values: [Double](repeating: 0, count: rows * cols))
    }

    /// One row as a new array (for tests, explanations and small data, not hot loops).
    func row(_ i: Int) -> [Double] { Array(values[i * cols..<(i + 1) * cols]) }

    /// The given rows, in order, as a new matrix.
    func selecting(rows indices: [Int]) -> Matrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * cols)
        for i in indices { out.append(contentsOf: values[i * cols..<(i + 1) * cols]) }
        return Matrix(rows: indices.count, cols: cols, values: out)
    }

    /// Per-column mean and population variance (ddof 0), in one pass of Welford updates.
    func columnMoments() -> (mean: [Double], variance: [Double]) {
        var mean = [Double](repeating: 0, count: cols)
        var m2 = [Double](repeating: 0, count: cols)
        values.withUnsafeBufferPointer { x in
            for i in 0..<rows {
                let base = i * cols
                let n = Double(i + 1)
                for f in 0..<cols {
                    let delta = x[base + f] - mean[f]
                    mean[f] += delta / n
                    m2[f] += delta * (x[base + f] - mean[f])
                }
            }
        }
        return (mean, m2.map { rows > 0 ? $0 / Double(rows) : 0 })
    }
}

/// Squared Euclidean distance between row `i` of `x` and row `j` of `c` (both `d` wide).
@inline(__always)
func squaredDistance(_ x: UnsafePointer<Double>, _ i: Int, _ c: UnsafePointer<Double>, _ j: Int, _ d: Int) -> Double {
    var sum = 0.0
    let a = x + i * d, b = c + j * d
    for f in 0..<d {
        let diff = a[f] - b[f]
        sum += diff * diff
    }
    return sum
}
