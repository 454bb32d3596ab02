import Foundation
import OpsKit

/// How the first centres of a K-Means run are chosen.
enum CenterInitialization: Equatable {
    /// Greedy k-means++ (as scikit-learn: 2 + ⌊ln k⌋ candidates per step, keep the one lowering the potential most).
    case kMeansPlusPlus
    /// k distinct random rows.
    case random
    /// Given centres (k × d, row-major, in the space the algorithm runs in).
    case given([Double])
}

/// Thrown when the data has fewer distinct rows than the requested clusters.
struct TooFewDistinctRows: Error {
    let distinct: Int
}

enum Seeding {
    /// Greedy k-means++ seeding. Throws ``TooFewDistinctRows`` when fewer than `k` rows differ.
    ///
    /// Works in four n-long buffers whatever k and the number of candidates: the
    /// squared distance of each row to its closest centre, the running sums the
    /// draws search, a candidate's merged distances and the best candidate's so far
    /// (swapped, never copied).
    static func kMeansPlusPlus(_ x: Matrix, k: Int, random: inout SeededGenerator) throws -> [Double] {
        let n = x.rows, d = x.cols
        let trials = 2 + Int(log(Double(k)))
        let blocks = RowBlocks(rows: n)
        var centers = [Double](repeating: 0, count: k * d)
        let first = random.nextIndex(n)
        copyRow(x, first, into: &centers, at: 0)
        var best = [Double](repeating: 0, count: n)
        var potential = merge(x, row: first, blocks: blocks, closest: [Double](repeating: .infinity, count: n), into: &best)
        var closest = [Double](repeating: 0, count: n)
        swap(&closest, &best)
        var cumulative = [Double](repeating: 0, count: n)
        var merged = [Double](repeating: 0, count: n)
        for c in 1..<k {
            guard potential > 0 else { throw TooFewDistinctRows(distinct: c) }
            prefixSums(closest, into: &cumulative)
            var candidates = [Int]()
            for _ in 0..<trials {
                let target = random.nextUnit() * potential
                candidates.append(min(n - 1, firstIndex(in: cumulative, above: target)))
            }
            var bestTrial = 0
            var bestPotential = Double.infinity
            for (t, candidate) in candidates.enumerated() {
                let trialPotential = merge(x, row: candidate, blocks: blocks, closest: closest, into: &merged)
                if trialPotential < bestPotential {
                    bestPotential = trialPotential
                    bestTrial = t
                    swap(&merged, &best)
                }
            }
            potential = bestPotential
            swap(&closest, &best)
            copyRow(x, candidates[bestTrial], into: &centers, at: c)
        }
        return centers
    }

    /// k distinct rows drawn at random (distinct as rows, not only as indices).
    static func randomRows(_ x: Matrix, k: Int, random: inout SeededGenerator) throws -> [Double] {
        var order = Array(0..<x.rows)
        var centers = [Double]()
        var seen = Set<[Double]>()
        var next = 0
        while seen.count < k && next < order.count {
            let swap = next + random.nextIndex(order.count - next)
            order.swapAt(next, swap)
            let row = x.row(order[next])
            if seen.insert(row).inserted { centers += row }
            next += 1
        }
        guard seen.count == k else { throw TooFewDistinctRows(distinct: seen.count) }
        return centers
    }

    /// Number of distinct rows, counting no further than `limit`.
    static func distinctRows(_ x: Matrix, limit: Int) -> Int {
        var seen = Set<[Double]>()
        for i in 0..<x.rows {
            seen.insert(x.row(i))
            if seen.count >= limit { break }
        }
        return seen.count
    }

    private static func copyRow(_ x: Matrix, _ row: Int, into centers: inout [Double], at index: Int) {
        for f in 0..<x.cols { centers[index * x.cols + f] = x.values[row * x.cols + f] }
    }

    /// Writes, for every row, the smaller of `closest` and its squared distance to
    /// row `row` into `merged`, and returns their sum, added in fixed blocks merged in
    /// order (``RowBlocks``), so the result does not depend on the machine.
    private static func merge(
        _ x: Matrix, row: Int, blocks: RowBlocks, closest: [Double], into merged: inout [Double]
    ) -> Double {
        let d = x.cols
        let center = Array(x.values[row * d..<(row + 1) * d])
        var partial = [Double](repeating: 0, count: blocks.count)
        x.values.withUnsafeBufferPointer { xb in
            center.withUnsafeBufferPointer { cb in
                closest.withUnsafeBufferPointer { near in
                    merged.withUnsafeMutableBufferPointer { out in
                        partial.withUnsafeMutableBufferPointer { pb in
                            let op = out.baseAddress!, pp = pb.baseAddress!
                            blocks.forEach { block in
                                var sum = 0.0
                                for i in blocks.range(block) {
                                    let distance = squaredDistance(xb.baseAddress!, i, cb.baseAddress!, 0, d)
                                    let value = near[i] < distance ? near[i] : distance
                                    op[i] = value
                                    sum += value
                                }
                                pp[block] = sum
                            }
                        }
                    }
                }
            }
        }
        return partial.reduce(0, +)
    }

    private static func prefixSums(_ values: [Double], into out: inout [Double]) {
        var running = 0.0
        for i in values.indices {
            running += values[i]
            out[i] = running
        }
    }

    /// First index whose cumulative sum is ≥ `target` (numpy's searchsorted, side left).
    private static func firstIndex(in cumulative: [Double], above target: Double) -> Int {
        var low = 0, high = cumulative.count
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
