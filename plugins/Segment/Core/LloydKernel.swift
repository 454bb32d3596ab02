/// One assignment pass of Lloyd's algorithm over a row-major matrix: the
/// nearest centre of every row and, optionally, the per-cluster sums and
/// counts for the next centres.
///
/// Distances use ‖c‖² − 2·x·c (‖x‖² is the same for every centre, so it is
/// left out of the argmin), with centres transposed so the inner loop over
/// centres is a contiguous, vectorisable multiply-add. Rows are processed
/// in parallel blocks, each with its own partial sums, merged at the end.
struct LloydKernel {
    let x: Matrix
    let k: Int
    let blocks: RowBlocks

    init(x: Matrix, k: Int) {
        self.x = x
        self.k = k
        blocks = RowBlocks(rows: x.rows)
    }

    struct PassResult {
        /// Per-cluster coordinate sums (k × d) and counts; empty when not accumulated.
        var sums: [Double]
        var counts: [Double]
        /// Rows whose label changed.
        var changed: Int
    }

    /// Assigns every row to its nearest centre, writing `labels`, and returns sums and counts when `accumulate`.
    func assign(centers: [Double], labels: inout [Int32], accumulate: Bool) -> PassResult {
        let d = x.cols, k = self.k
        var transposed = [Double](repeating: 0, count: k * d)
        var norms = [Double](repeating: 0, count: k)
        for j in 0..<k {
            for f in 0..<d {
                let v = centers[j * d + f]
                transposed[f * k + j] = v
                norms[j] += v * v
            }
        }
        let blockCount = blocks.count
        var partialSums = [Double](repeating: 0, count: accumulate ? blockCount * k * d : 0)
        var partialCounts = [Double](repeating: 0, count: accumulate ? blockCount * k : 0)
        var partialChanged = [Int](repeating: 0, count: blockCount)
        x.values.withUnsafeBufferPointer { xb in
            transposed.withUnsafeBufferPointer { ct in
                norms.withUnsafeBufferPointer { cn in
                    labels.withUnsafeMutableBufferPointer { lb in
                        partialSums.withUnsafeMutableBufferPointer { ps in
                            partialCounts.withUnsafeMutableBufferPointer { pc in
                                partialChanged.withUnsafeMutableBufferPointer { changed in
                                    let xp = xb.baseAddress!, ctp = ct.baseAddress!, cnp = cn.baseAddress!
                                    let lp = lb.baseAddress!
                                    let psp = ps.baseAddress, pcp = pc.baseAddress, chp = changed.baseAddress!
                                    blocks.forEach { block in
                                        var tile = DistanceTile(d: d, k: k)
                                        defer { tile.deallocate() }
                                        var moved = 0
                                        let range = blocks.range(block)
                                        for start in stride(from: range.lowerBound, to: range.upperBound, by: DistanceTile.rows) {
                                            let count = min(DistanceTile.rows, range.upperBound - start)
                                            tile.nearest(xp + start * d, count: count, transposed: ctp, norms: cnp)
                                            for r in 0..<count {
                                                let i = start + r, best = Int(tile.best[r])
                                                if lp[i] != Int32(best) { moved += 1 }
                                                lp[i] = Int32(best)
                                                if accumulate, let psp, let pcp {
                                                    let row = xp + i * d
                                                    let sum = psp + (block * k + best) * d
                                                    for f in 0..<d { sum[f] += row[f] }
                                                    pcp[block * k + best] += 1
                                                }
                                            }
                                        }
                                        chp[block] = moved
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var result = PassResult(sums: [], counts: [], changed: partialChanged.reduce(0, +))
        if accumulate {
            result.sums = [Double](repeating: 0, count: k * d)
            result.counts = [Double](repeating: 0, count: k)
            for block in 0..<blockCount {
                for t in 0..<(k * d) { result.sums[t] += partialSums[block * k * d + t] }
                for j in 0..<k { result.counts[j] += partialCounts[block * k + j] }
            }
        }
        return result
    }

    /// Sum of squared distances of every row to its labelled centre (exact differences, parallel).
    func inertia(centers: [Double], labels: [Int32]) -> Double {
        let d = x.cols
        var partial = [Double](repeating: 0, count: blocks.count)
        x.values.withUnsafeBufferPointer { xb in
            centers.withUnsafeBufferPointer { cb in
                labels.withUnsafeBufferPointer { lb in
                    partial.withUnsafeMutableBufferPointer { pb in
                        let pp = pb.baseAddress!
                        blocks.forEach { block in
                            var sum = 0.0
                            for i in blocks.range(block) {
                                sum += squaredDistance(xb.baseAddress!, i, cb.baseAddress!, Int(lb[i]), d)
                            }
                            pp[block] = sum
                        }
                    }
                }
            }
        }
        return partial.reduce(0, +)
    }
}

/// Scratch space for the nearest centre of a tile of rows: the tile is
/// transposed (feature-major) so each centre's score is one multiply-add
/// over `rows` contiguous doubles, which the compiler vectorises.
struct DistanceTile {
    /// Rows per tile (a multiple of 4, the SIMD width used).
    static let rows = 128
    let d: Int, k: Int
    let columns: UnsafeMutablePointer<Double>
    let bestScores: UnsafeMutablePointer<Double>
    let best: UnsafeMutablePointer<Int32>

    init(d: Int, k: Int) {
        self.d = d
        self.k = k
        columns = .allocate(capacity: Self.rows * d)
        bestScores = .allocate(capacity: Self.rows)
        best = .allocate(capacity: Self.rows)
    }

    func deallocate() {
        columns.deallocate()
        bestScores.deallocate()
        best.deallocate()
    }

    /// For `count` rows starting at `x` (row-major, d wide), the index of the centre
    /// minimising ‖c‖² − 2·x·c, written to `best`. `transposed` is d × k, `norms` ‖c‖².
    @inline(__always)
    mutating func nearest(_ x: UnsafePointer<Double>, count: Int, transposed: UnsafePointer<Double>, norms: UnsafePointer<Double>) {
        let padded = (count + 3) & ~3
        for r in 0..<count {
            for f in 0..<d { columns[f * Self.rows + r] = x[r * d + f] }
        }
        for r in count..<padded {
            for f in 0..<d { columns[f * Self.rows + r] = 0 }
        }
        let raw = UnsafeRawPointer(columns)
        let scoreStore = UnsafeMutableRawPointer(bestScores)
        let stride = Self.rows &* 8
        for r in Swift.stride(from: 0, to: padded, by: 4) {
            var bestScore = SIMD4<Double>(repeating: .infinity)
            var bestIndex = SIMD4<Int64>(repeating: 0)
            let group = raw + r &* 8
            for j in 0..<k {
                var score = SIMD4<Double>(repeating: norms[j])
                var weights = transposed + j
                var offset = 0
                for _ in 0..<d {
                    score += SIMD4(repeating: -2 * weights.pointee) * group.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                    weights += k
                    offset &+= stride
                }
                let better = score .< bestScore
                bestScore.replace(with: score, where: better)
                bestIndex.replace(with: SIMD4(repeating: Int64(j)), where: better)
            }
            scoreStore.storeBytes(of: bestScore, toByteOffset: r &* 8, as: SIMD4<Double>.self)
            for lane in 0..<4 { best[r + lane] = Int32(bestIndex[lane]) }
        }
    }
}
