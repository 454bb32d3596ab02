import CKMeans

/// Lloyd's assignment pass with Hamerly's bounds, for many centres: each row
/// keeps an upper bound on the distance to its centre and a lower bound on the
/// distance to every other; when the centres move little, most rows are proved
/// to stay where they are without computing a distance. The result of each pass
/// is that of a full assignment (up to exact ties), so Lloyd's iterations,
/// convergence and inertia are unchanged; only the work per pass shrinks.
///
/// The bounds live in two arrays of one double per row; the pass itself is the
/// C function `ckm_hamerly` (SSE2, AVX2 or AVX-512F, chosen at run time).
struct HamerlyKernel {
    /// Centres from which bounds pay off (below it the tiled kernel is faster).
    static let minimumK = 16

    let x: Matrix
    let k: Int
    let blocks: RowBlocks
    private var upper: [Double]
    private var lower: [Double]
    /// The centres the bounds were computed against; nil when they must be computed afresh.
    private var boundCenters: [Double]?

    init(x: Matrix, k: Int) {
        self.x = x
        self.k = k
        blocks = RowBlocks(rows: x.rows)
        upper = [Double](repeating: 0, count: x.rows)
        lower = [Double](repeating: 0, count: x.rows)
    }

    /// Forgets the bounds (after labels were changed outside a pass).
    mutating func invalidate() { boundCenters = nil }

    /// Assigns every row to its nearest centre, writing `labels`, and returns sums and counts when `accumulate`.
    mutating func assign(centers: [Double], labels: inout [Int32], accumulate: Bool) -> LloydKernel.PassResult {
        let d = x.cols, k = self.k
        let fresh = boundCenters == nil
        var shift = [Double](repeating: 0, count: k)
        if let old = boundCenters {
            for j in 0..<k { shift[j] = distance(centers, j, old, j, d) }
        }
        var maxIndex = 0, maxShift = 0.0, secondShift = 0.0
        for j in 0..<k {
            if shift[j] > maxShift {
                secondShift = maxShift
                maxShift = shift[j]
                maxIndex = j
            } else if shift[j] > secondShift {
                secondShift = shift[j]
            }
        }
        var halfGap = [Double](repeating: .infinity, count: k)
        for j in 0..<k {
            for other in 0..<k where other != j {
                halfGap[j] = min(halfGap[j], distance(centers, j, centers, other, d) / 2)
            }
        }
        var transposed = [Double](repeating: 0, count: k * d)
        for j in 0..<k {
            for f in 0..<d { transposed[f * k + j] = centers[j * d + f] }
        }
        let blockCount = blocks.count
        var partialSums = [Double](repeating: 0, count: accumulate ? blockCount * k * d : 0)
        var partialCounts = [Double](repeating: 0, count: accumulate ? blockCount * k : 0)
        var partialChanged = [Int](repeating: 0, count: blockCount)
        let blocks = self.blocks
        x.values.withUnsafeBufferPointer { xb in
            centers.withUnsafeBufferPointer { cb in
                transposed.withUnsafeBufferPointer { ct in
                    halfGap.withUnsafeBufferPointer { hg in
                        shift.withUnsafeBufferPointer { sh in
                            labels.withUnsafeMutableBufferPointer { lb in
                                upper.withUnsafeMutableBufferPointer { ub in
                                    lower.withUnsafeMutableBufferPointer { lw in
                                        partialSums.withUnsafeMutableBufferPointer { ps in
                                            partialCounts.withUnsafeMutableBufferPointer { pc in
                                                partialChanged.withUnsafeMutableBufferPointer { changed in
                                                    let chp = changed.baseAddress!
                                                    blocks.forEach { block in
                                                        let range = blocks.range(block)
                                                        let moved = ckm_hamerly(
                                                            xb.baseAddress, Int64(range.lowerBound), Int64(range.upperBound),
                                                            Int64(d), cb.baseAddress, ct.baseAddress, Int64(k), hg.baseAddress,
                                                            sh.baseAddress, maxShift, secondShift, Int64(maxIndex),
                                                            lb.baseAddress, ub.baseAddress, lw.baseAddress, fresh ? 1 : 0,
                                                            accumulate ? ps.baseAddress! + block * k * d : nil,
                                                            accumulate ? pc.baseAddress! + block * k : nil)
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
                    }
                }
            }
        }
        boundCenters = centers
        return LloydKernel.merge(
            sums: partialSums, counts: partialCounts, changed: partialChanged, blocks: blockCount, k: k, d: d,
            accumulate: accumulate)
    }

    private func distance(_ a: [Double], _ i: Int, _ b: [Double], _ j: Int, _ d: Int) -> Double {
        var sum = 0.0
        for f in 0..<d {
            let t = a[i * d + f] - b[j * d + f]
            sum += t * t
        }
        return sum.squareRoot()
    }
}
