import CKMeans

/// One assignment pass of Lloyd's algorithm over a row-major matrix: the
/// nearest centre of every row and, optionally, the per-cluster sums and
/// counts for the next centres.
///
/// Distances use ‖c‖² − 2·x·c (‖x‖² is the same for every centre, so it is
/// left out of the argmin), computed by the C kernel `ckm_assign` at the
/// machine's vector width (AVX-512F, AVX2 or SSE2, chosen at run time, same
/// labels on each). Rows are processed in parallel blocks, each with its own
/// partial sums, merged in block order at the end.
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
                transposed[f * k + j] = -2 * v
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
                                    let chp = changed.baseAddress!
                                    blocks.forEach { block in
                                        let range = blocks.range(block)
                                        let moved = ckm_assign(
                                            xb.baseAddress, Int64(range.lowerBound), Int64(range.upperBound), Int64(d),
                                            ct.baseAddress, cn.baseAddress, Int64(k), lb.baseAddress,
                                            accumulate ? ps.baseAddress! + block * k * d : nil, accumulate ? pc.baseAddress! + block * k : nil)
                                        precondition(moved >= 0, "out of memory in the K-Means kernel")
                                        chp[block] = Int(moved)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Self.merge(
            sums: partialSums, counts: partialCounts, changed: partialChanged, blocks: blockCount, k: k, d: d,
            accumulate: accumulate)
    }

    /// The per-block partial sums, counts and changed rows of a pass, merged in block order.
    static func merge(
        sums: [Double], counts: [Double], changed: [Int], blocks: Int, k: Int, d: Int, accumulate: Bool
    ) -> PassResult {
        var result = PassResult(sums: [], counts: [], changed: changed.reduce(0, +))
        if accumulate {
            result.sums = [Double](repeating: 0, count: k * d)
            result.counts = [Double](repeating: 0, count: k)
            for block in 0..<blocks {
                for t in 0..<(k * d) { result.sums[t] += sums[block * k * d + t] }
                for j in 0..<k { result.counts[j] += counts[block * k + j] }
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
