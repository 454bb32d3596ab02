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
    static func kMeansPlusPlus(_ x: Matrix, k: Int, random: inout SeededGenerator) throws -> [Double] {
        let n = x.rows, d = x.cols
        let trials = 2 + Int(log(Double(k)))
        var centers = [Double](repeating: 0, count: k * d)
        let first = random.nextIndex(n)
        copyRow(x, first, into: &centers, at: 0)
        var closest = distancesTo(x, rows: [first])[0]
        var potential = ParallelSum.of(closest)
        for c in 1..<k {
            guard potential > 0 else { throw TooFewDistinctRows(distinct: c) }
            let cumulative = prefixSums(closest)
            var candidates = [Int]()
            for _ in 0..<trials {
                let target = random.nextUnit() * potential
                candidates.append(min(n - 1, firstIndex(in: cumulative, above: target)))
            }
            let candidateDistances = distancesTo(x, rows: candidates)
            var bestTrial = 0
            var bestPotential = Double.infinity
            var bestDistances = closest
            for (t, distances) in candidateDistances.enumerated() {
                var merged = distances
                for i in 0..<n where closest[i] < merged[i] { merged[i] = closest[i] }
                let trialPotential = ParallelSum.of(merged)
                if trialPotential < bestPotential {
                    bestPotential = trialPotential
                    bestTrial = t
                    bestDistances = merged
                }
            }
            potential = bestPotential
            closest = bestDistances
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

    /// Squared distances of every row to each of the given rows (one array per given row).
    private static func distancesTo(_ x: Matrix, rows: [Int]) -> [[Double]] {
        let centers = x.selecting(rows: rows).values
        let n = x.rows, d = x.cols
        var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: rows.count)
        for (t, _) in rows.enumerated() {
            out[t].withUnsafeMutableBufferPointer { ob in
                let op = ob.baseAddress!
                x.values.withUnsafeBufferPointer { xb in
                    centers.withUnsafeBufferPointer { cb in
                        RowBlocks(rows: n).forEach { block in
                            for i in RowBlocks(rows: n).range(block) {
                                op[i] = squaredDistance(xb.baseAddress!, i, cb.baseAddress!, t, d)
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    private static func prefixSums(_ values: [Double]) -> [Double] {
        var out = values
        var running = 0.0
        for i in out.indices {
            running += out[i]
            out[i] = running
        }
        return out
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

/// Deterministic parallel sums (fixed blocks, merged in order).
enum ParallelSum {
    static func of(_ values: [Double]) -> Double {
        let blocks = RowBlocks(rows: values.count)
        var partial = [Double](repeating: 0, count: blocks.count)
        values.withUnsafeBufferPointer { vb in
            partial.withUnsafeMutableBufferPointer { pb in
                let pp = pb.baseAddress!
                blocks.forEach { block in
                    var sum = 0.0
                    for i in blocks.range(block) { sum += vb[i] }
                    pp[block] = sum
                }
            }
        }
        return partial.reduce(0, +)
    }
}
