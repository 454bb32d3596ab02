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
                                        let scores = UnsafeMutablePointer<Double>.allocate(capacity: k)
                                        defer { scores.deallocate() }
                                        var moved = 0
                                        for i in blocks.range(block) {
                                            let row = xp + i * d
                                            scores.update(from: cnp, count: k)
                                            for f in 0..<d {
                                                let v = -2 * row[f]
                                                let column = ctp + f * k
                                                for j in 0..<k { scores[j] += v * column[j] }
                                            }
                                            var best = 0
                                            var bestScore = scores[0]
                                            for j in 1..<k where scores[j] < bestScore {
                                                bestScore = scores[j]
                                                best = j
                                            }
                                            if lp[i] != Int32(best) { moved += 1 }
                                            lp[i] = Int32(best)
                                            if accumulate, let psp, let pcp {
                                                let sum = psp + (block * k + best) * d
                                                for f in 0..<d { sum[f] += row[f] }
                                                pcp[block * k + best] += 1
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
