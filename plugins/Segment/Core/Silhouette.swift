/// Mean silhouette coefficient (Rousseeuw 1987, as scikit-learn's
/// `silhouette_score` with Euclidean distances) of several labelings of the
/// same rows at once: each pairwise distance is computed once and added to
/// the per-cluster sums of every labeling, so a K sweep costs one O(n²·d) pass.
enum Silhouette {
    /// `labelings[s][i]` is row i's cluster (0..<ks[s]) in labeling s. Returns one mean score per labeling.
    static func scores(_ x: Matrix, labelings: [[Int32]], ks: [Int], checkCancellation: () throws -> Void = {}) throws -> [Double] {
        let n = x.rows, d = x.cols, s = labelings.count
        guard n > 1, s > 0 else { return [Double](repeating: 0, count: s) }
        var offsets = [Int](), total = 0
        for k in ks {
            offsets.append(total)
            total += k
        }
        // Per row, its cluster slot in each labeling (row-major n × s) and the cluster sizes.
        var slots = [Int32](repeating: 0, count: n * s)
        var sizes = [Double](repeating: 0, count: total)
        for (t, labels) in labelings.enumerated() {
            for i in 0..<n {
                let slot = offsets[t] + Int(labels[i])
                slots[i * s + t] = Int32(slot)
                sizes[slot] += 1
            }
        }
        let blocks = RowBlocks(rows: n, minimumBlock: 64, maximumBlocks: 256)
        var partial = [Double](repeating: 0, count: blocks.count * s)
        for chunk in stride(from: 0, to: blocks.count, by: 8) {
            try checkCancellation()
            let chunkBlocks = chunk..<min(blocks.count, chunk + 8)
            x.values.withUnsafeBufferPointer { xb in
                slots.withUnsafeBufferPointer { sb in
                    partial.withUnsafeMutableBufferPointer { pb in
                        let xp = xb.baseAddress!, sp = sb.baseAddress!, pp = pb.baseAddress!
                        RowBlocks(rows: chunkBlocks.count, minimumBlock: 1).forEach { local in
                            let block = chunkBlocks.lowerBound + local
                            let sums = UnsafeMutablePointer<Double>.allocate(capacity: total)
                            defer { sums.deallocate() }
                            for i in blocks.range(block) {
                                sums.initialize(repeating: 0, count: total)
                                for j in 0..<n {
                                    let distance = squaredDistance(xp, i, xp, j, d).squareRoot()
                                    let rowSlots = sp + j * s
                                    for t in 0..<s { sums[Int(rowSlots[t])] += distance }
                                }
                                for t in 0..<s {
                                    pp[block * s + t] += coefficient(
                                        sums: sums, sizes: sizes, own: Int(sp[i * s + t]),
                                        range: offsets[t]..<(offsets[t] + ks[t]))
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<s).map { t in (0..<blocks.count).reduce(0) { $0 + partial[$1 * s + t] } / Double(n) }
    }

    /// s(i) = (b − a) / max(a, b); 0 for a row alone in its cluster.
    private static func coefficient(sums: UnsafeMutablePointer<Double>, sizes: [Double], own: Int, range: Range<Int>) -> Double {
        guard sizes[own] > 1 else { return 0 }
        let a = sums[own] / (sizes[own] - 1)
        var b = Double.infinity
        for slot in range where slot != own && sizes[slot] > 0 { b = min(b, sums[slot] / sizes[slot]) }
        guard b.isFinite else { return 0 }
        let denominator = max(a, b)
        return denominator > 0 ? (b - a) / denominator : 0
    }
}
