import Foundation

/// The k best entries of each row of a matrix product, best first.
///
/// Stored flat: row `r` owns slots `r*k ..< r*k + count(ofRow: r)` of
/// ``columns`` and ``scores``; unused slots hold column `-1`.
public struct TopKRows: Sendable {
    public let k: Int
    public let rowCount: Int
    /// Number of columns of the product (for building a matrix from the rows).
    public let columnCount: Int
    public let columns: [Int32]
    public let scores: [Double]
    private let counts: [Int32]

    init(k: Int, rowCount: Int, columnCount: Int, columns: [Int32], scores: [Double], counts: [Int32]) {
        self.k = k
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.columns = columns
        self.scores = scores
        self.counts = counts
    }

    /// How many entries row `r` has (at most k).
    public func count(ofRow r: Int) -> Int { Int(counts[r]) }

    /// Row `r`'s entries, best first.
    public func row(_ r: Int) -> [(column: Int32, score: Double)] {
        (0..<count(ofRow: r)).map { (columns[r * k + $0], scores[r * k + $0]) }
    }

    /// The rows as a CSR matrix (columns ascending within a row), e.g. an item-neighbour matrix.
    public func matrix() -> SparseMatrix {
        var rowStart = [Int](repeating: 0, count: rowCount + 1)
        for r in 0..<rowCount { rowStart[r + 1] = rowStart[r] + Int(counts[r]) }
        var outColumns = [Int32](repeating: 0, count: rowStart[rowCount])
        var outValues = [Double](repeating: 0, count: rowStart[rowCount])
        var order = [Int](repeating: 0, count: k)
        for r in 0..<rowCount {
            let n = Int(counts[r]), base = r * k
            for i in 0..<n { order[i] = base + i }
            order[0..<n].sort { columns[$0] < columns[$1] }
            for i in 0..<n {
                outColumns[rowStart[r] + i] = columns[order[i]]
                outValues[rowStart[r] + i] = scores[order[i]]
            }
        }
        return SparseMatrix(
            rowCount: rowCount, columnCount: columnCount, rowStart: rowStart, columns: outColumns, values: outValues)
    }
}

/// Sparse products that keep only the top k entries of each row, so that
/// item–item or user–item scores never need a dense n×n matrix.
///
/// Row `r` of `left × right` is accumulated Gustavson-style in a dense
/// per-worker buffer (`Σ_t left[r,t] · right[t,:]`), then the k best positive
/// scores go through a bounded heap. Rows are processed in chunks on all cores;
/// results do not depend on the chunking. Ties are broken by the lower column.
public enum SparseTopK {
    /// Columns that a row may not return.
    public enum Exclusion: Sendable {
        case none
        /// Column `r` for row `r` (an item is not similar to itself).
        case diagonal
        /// Columns present in the left operand's row (items a user already has).
        case leftRowColumns
    }

    /// Turns a raw dot product into a cosine with shrinkage:
    /// `dot / (rowNorms[r] · columnNorms[c] + shrink)`.
    public struct Cosine: Sendable {
        public var rowNorms: [Double]
        public var columnNorms: [Double]
        public var shrink: Double

        public init(rowNorms: [Double], columnNorms: [Double], shrink: Double = 0) {
            self.rowNorms = rowNorms
            self.columnNorms = columnNorms
            self.shrink = shrink
        }
    }

    /// The Euclidean norm of every row of `matrix`.
    public static func rowNorms(_ matrix: SparseMatrix) -> [Double] {
        (0..<matrix.rowCount).map { r in
            var sum = 0.0
            for i in matrix.range(ofRow: r) { sum += matrix.values[i] * matrix.values[i] }
            return sum.squareRoot()
        }
    }

    /// The top-k entries of selected rows of `left × right`.
    ///
    /// - Parameters:
    ///   - right: CSR with one row per column of `left` (pass `a.transposed()` for `a × aᵀ`).
    ///   - rows: the rows of `left` to compute (all when nil); result row `i` is `rows[i]`.
    ///   - cosine: when given, scores are cosines with shrinkage instead of dot products.
    ///   - isCancelled: polled between chunks; the product throws ``CommandCancelled`` once it returns true.
    ///   - progress: called with the number of rows finished by each chunk (from worker threads).
    public static func product(
        _ left: SparseMatrix, _ right: SparseMatrix, k: Int, rows: [Int]? = nil, exclude: Exclusion = .none,
        cosine: Cosine? = nil, isCancelled: () -> Bool = { false }, progress: (Int) -> Void = { _ in }
    ) throws -> TopKRows {
        precondition(left.columnCount == right.rowCount, "inner dimensions differ")
        precondition(k > 0)
        let rowCount = rows?.count ?? left.rowCount
        let width = right.columnCount
        var outColumns = [Int32](repeating: -1, count: rowCount * k)
        var outScores = [Double](repeating: 0, count: rowCount * k)
        var outCounts = [Int32](repeating: 0, count: rowCount)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(16, min(2048, rowCount / (workers * 8) + 1))
        let chunkCount = (rowCount + chunkSize - 1) / chunkSize
        var cancelled = false
        let lock = NSLock()

        outColumns.withUnsafeMutableBufferPointer { columnsOut in
            outScores.withUnsafeMutableBufferPointer { scoresOut in
                outCounts.withUnsafeMutableBufferPointer { countsOut in
                    left.columns.withUnsafeBufferPointer { lc in
                        left.values.withUnsafeBufferPointer { lv in
                            left.rowStart.withUnsafeBufferPointer { ls in
                                right.columns.withUnsafeBufferPointer { rc in
                                    right.values.withUnsafeBufferPointer { rv in
                                        right.rowStart.withUnsafeBufferPointer { rs in
                                            let operands = Operands(
                                                leftStart: ls, leftColumns: lc, leftValues: lv, rightStart: rs,
                                                rightColumns: rc, rightValues: rv)
                                            let output = Output(columns: columnsOut, scores: scoresOut, counts: countsOut)
                                            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                                                lock.lock()
                                                let stop = cancelled || isCancelled()
                                                if stop { cancelled = true }
                                                lock.unlock()
                                                if stop { return }
                                                let range = (chunk * chunkSize)..<min(rowCount, (chunk + 1) * chunkSize)
                                                let worker = RowWorker(width: width, k: k)
                                                for slot in range {
                                                    let row = rows?[slot] ?? slot
                                                    worker.compute(
                                                        row: row, slot: slot, operands: operands, exclude: exclude,
                                                        cosine: cosine, output: output)
                                                }
                                                progress(range.count)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if cancelled { throw CommandCancelled() }
        return TopKRows(
            k: k, rowCount: rowCount, columnCount: width, columns: outColumns, scores: outScores, counts: outCounts)
    }
}

/// Raw views of both operands, shared read-only by the workers.
private struct Operands {
    let leftStart: UnsafeBufferPointer<Int>
    let leftColumns: UnsafeBufferPointer<Int32>
    let leftValues: UnsafeBufferPointer<Double>
    let rightStart: UnsafeBufferPointer<Int>
    let rightColumns: UnsafeBufferPointer<Int32>
    let rightValues: UnsafeBufferPointer<Double>
}

/// The result buffers; each worker writes only its own rows' slots.
private struct Output {
    let columns: UnsafeMutableBufferPointer<Int32>
    let scores: UnsafeMutableBufferPointer<Double>
    let counts: UnsafeMutableBufferPointer<Int32>
}

/// One worker's scratch space: a dense accumulator, the list of touched
/// columns, an exclusion mask and a bounded min-heap (worst entry at the root).
/// Raw buffers: the inner loops run without bounds or uniqueness checks.
private final class RowWorker {
    let accumulator: UnsafeMutablePointer<Double>
    let touched: UnsafeMutablePointer<Bool>
    let excluded: UnsafeMutablePointer<Bool>
    let touchedList: UnsafeMutablePointer<Int32>
    let heapScores: UnsafeMutablePointer<Double>
    let heapColumns: UnsafeMutablePointer<Int32>
    let width: Int
    let k: Int

    init(width: Int, k: Int) {
        self.width = width
        self.k = k
        accumulator = .allocate(capacity: max(1, width))
        accumulator.initialize(repeating: 0, count: max(1, width))
        touched = .allocate(capacity: max(1, width))
        touched.initialize(repeating: false, count: max(1, width))
        excluded = .allocate(capacity: max(1, width))
        excluded.initialize(repeating: false, count: max(1, width))
        touchedList = .allocate(capacity: max(1, width))
        heapScores = .allocate(capacity: k)
        heapColumns = .allocate(capacity: k)
    }

    deinit {
        accumulator.deallocate()
        touched.deallocate()
        excluded.deallocate()
        touchedList.deallocate()
        heapScores.deallocate()
        heapColumns.deallocate()
    }

    func compute(
        row: Int, slot: Int, operands o: Operands, exclude: SparseTopK.Exclusion, cosine: SparseTopK.Cosine?,
        output: Output
    ) {
        let leftRange = o.leftStart[row]..<o.leftStart[row + 1]
        var touchedCount = 0
        for i in leftRange {
            let t = Int(o.leftColumns[i])
            let weight = o.leftValues[i]
            for j in o.rightStart[t]..<o.rightStart[t + 1] {
                let c = Int(o.rightColumns[j])
                if !touched[c] {
                    touched[c] = true
                    touchedList[touchedCount] = Int32(truncatingIfNeeded: c)
                    touchedCount += 1
                }
                accumulator[c] += weight * o.rightValues[j]
            }
        }
        setExclusions(row: row, leftRange: leftRange, operands: o, exclude: exclude, to: true)
        var size = 0
        let rowNorm = cosine?.rowNorms[row] ?? 1
        for p in 0..<touchedCount {
            let c32 = touchedList[p]
            let c = Int(c32)
            var score = accumulator[c]
            accumulator[c] = 0
            touched[c] = false
            if excluded[c] { continue }
            if let cosine {
                let denominator = rowNorm * cosine.columnNorms[c] + cosine.shrink
                score = denominator > 0 ? score / denominator : 0
            }
            guard score > 0 else { continue }
            if size < k {
                heapScores[size] = score
                heapColumns[size] = c32
                size += 1
                siftUp(size - 1)
            } else if isBetter(score, c32, than: 0) {
                heapScores[0] = score
                heapColumns[0] = c32
                siftDown(0, size: size)
            }
        }
        setExclusions(row: row, leftRange: leftRange, operands: o, exclude: exclude, to: false)
        // Pop worst-first into the slots from the back, giving best-first order.
        let base = slot * k
        output.counts[slot] = Int32(size)
        var remaining = size
        while remaining > 0 {
            output.scores[base + remaining - 1] = heapScores[0]
            output.columns[base + remaining - 1] = heapColumns[0]
            remaining -= 1
            heapScores[0] = heapScores[remaining]
            heapColumns[0] = heapColumns[remaining]
            siftDown(0, size: remaining)
        }
    }

    private func setExclusions(
        row: Int, leftRange: Range<Int>, operands o: Operands, exclude: SparseTopK.Exclusion, to value: Bool
    ) {
        switch exclude {
        case .none: break
        case .diagonal: if row < width { excluded[row] = value }
        case .leftRowColumns:
            for i in leftRange where Int(o.leftColumns[i]) < width { excluded[Int(o.leftColumns[i])] = value }
        }
    }

    /// Whether (score, column) ranks above heap entry `i`: higher score, or equal score and lower column.
    @inline(__always)
    func isBetter(_ score: Double, _ column: Int32, than i: Int) -> Bool {
        score > heapScores[i] || (score == heapScores[i] && column < heapColumns[i])
    }

    func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBetter(heapScores[parent], heapColumns[parent], than: child) else { return }
            heapScores.swapAt(parent, child)
            heapColumns.swapAt(parent, child)
            child = parent
        }
    }

    func siftDown(_ start: Int, size: Int) {
        var parent = start
        while true {
            var worst = parent
            let left = 2 * parent + 1, right = left + 1
            if left < size, isBetter(heapScores[worst], heapColumns[worst], than: left) { worst = left }
            if right < size, isBetter(heapScores[worst], heapColumns[worst], than: right) { worst = right }
            if worst == parent { return }
            heapScores.swapAt(parent, worst)
            heapColumns.swapAt(parent, worst)
            parent = worst
        }
    }
}

private extension UnsafeMutablePointer {
    @inline(__always)
    func swapAt(_ i: Int, _ j: Int) {
        let t = self[i]
        self[i] = self[j]
        self[j] = t
    }
}
