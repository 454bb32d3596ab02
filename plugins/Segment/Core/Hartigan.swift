/// Hartigan's single-row moves after Lloyd's iterations.
///
/// Moving row x from cluster i (nᵢ rows, centre cᵢ) to cluster j changes the
/// inertia by exactly nⱼ/(nⱼ+1)·‖x−cⱼ‖² − nᵢ/(nᵢ−1)·‖x−cᵢ‖², with both centres
/// moved to their new means at once. A Lloyd fixed point can still have moves
/// that lower it (a row a little nearer its own centre, in a small cluster, can
/// cost more there than beside a large one), while a state without any is also
/// a Lloyd fixed point (a row nearer another centre always has such a move).
/// So the refinement only lowers the inertia of a Lloyd result, never raises it.
///
/// Each sweep first tests every row against the sweep's centres in parallel
/// blocks, then visits the rows that could move in row order, testing each
/// again against the centres as the moves before it left them and moving it to
/// the cluster that lowers the inertia most. The first such row moves as
/// tested, so every sweep lowers the inertia and the refinement ends when a
/// sweep finds no row to move (or after `maxSweeps`). Results do not depend on
/// the number of cores.
enum Hartigan {
    /// A move must lower the row's cost by more than this fraction, so rounding cannot make rows move back and forth.
    static let margin = 1e-9

    /// What a refinement did.
    struct Outcome: Equatable {
        var moves = 0
        var sweeps = 0
    }

    /// Refines `result` (labels, centres and inertia) on `x` in place.
    @discardableResult
    static func refine(
        _ x: Matrix, result: inout KMeansResult, maxSweeps: Int, checkCancellation: () throws -> Void
    ) throws -> Outcome {
        let k = result.centers.count / x.cols
        var outcome = Outcome()
        guard k >= 2 else { return outcome }
        var state = State(x: x, labels: result.labels, k: k)
        let blocks = RowBlocks(rows: x.rows)
        var movable = [Bool](repeating: false, count: x.rows)
        while outcome.sweeps < maxSweeps {
            try checkCancellation()
            outcome.sweeps += 1
            guard state.markMovable(&movable, blocks: blocks) else { break }
            var moved = 0
            for row in movable.indices where movable[row] {
                if let target = state.bestMove(row) {
                    state.move(row, to: target)
                    moved += 1
                }
            }
            outcome.moves += moved
            guard moved > 0 else { break }
            state.recomputeMeans()
        }
        guard outcome.moves > 0 else { return outcome }
        result.labels = state.labels
        result.centers = state.centers
        result.inertia = LloydKernel(x: x, k: k).inertia(centers: state.centers, labels: state.labels)
        return outcome
    }

    /// Labels, cluster sizes, coordinate sums and centres (the means), kept in step by ``move(_:to:)``.
    private struct State {
        let x: Matrix
        let k: Int
        var labels: [Int32]
        var counts: [Double]
        var sums: [Double]
        var centers: [Double]

        init(x: Matrix, labels: [Int32], k: Int) {
            self.x = x
            self.k = k
            self.labels = labels
            counts = [Double](repeating: 0, count: k)
            sums = [Double](repeating: 0, count: k * x.cols)
            centers = sums
            recomputeMeans()
        }

        /// Sums, counts and centres afresh from the labels (so increments do not drift from sweep to sweep).
        mutating func recomputeMeans() {
            let d = x.cols
            for j in 0..<k { counts[j] = 0 }
            for t in sums.indices { sums[t] = 0 }
            x.values.withUnsafeBufferPointer { xb in
                for row in 0..<x.rows {
                    let j = Int(labels[row])
                    counts[j] += 1
                    for f in 0..<d { sums[j * d + f] += xb[row * d + f] }
                }
            }
            for j in 0..<k { updateCenter(j) }
        }

        /// Sets `movable[row]` for every row with a move that lowers the inertia, against the current centres; false when there is none.
        func markMovable(_ movable: inout [Bool], blocks: RowBlocks) -> Bool {
            var partial = [Bool](repeating: false, count: blocks.count)
            movable.withUnsafeMutableBufferPointer { mb in
                partial.withUnsafeMutableBufferPointer { pb in
                    let marks = mb.baseAddress!, any = pb.baseAddress!
                    blocks.forEach { block in
                        for row in blocks.range(block) {
                            marks[row] = bestMove(row) != nil
                            if marks[row] { any[block] = true }
                        }
                    }
                }
            }
            return partial.contains(true)
        }

        /// The cluster whose move lowers the inertia most for `row`, or nil when no move lowers it.
        func bestMove(_ row: Int) -> Int? {
            let d = x.cols
            let own = Int(labels[row])
            let size = counts[own]
            guard size > 1 else { return nil }
            return x.values.withUnsafeBufferPointer { xb in
                centers.withUnsafeBufferPointer { cb in
                    let point = xb.baseAddress!, centres = cb.baseAddress!
                    var bestCost = size / (size - 1) * squaredDistance(point, row, centres, own, d) * (1 - Hartigan.margin)
                    var best: Int?
                    for j in 0..<k where j != own {
                        let cost = counts[j] / (counts[j] + 1) * squaredDistance(point, row, centres, j, d)
                        if cost < bestCost {
                            bestCost = cost
                            best = j
                        }
                    }
                    return best
                }
            }
        }

        /// Moves `row` to cluster `target`, updating both clusters' sums, sizes and centres.
        mutating func move(_ row: Int, to target: Int) {
            let d = x.cols, own = Int(labels[row])
            for f in 0..<d {
                let value = x.values[row * d + f]
                sums[own * d + f] -= value
                sums[target * d + f] += value
            }
            counts[own] -= 1
            counts[target] += 1
            labels[row] = Int32(target)
            updateCenter(own)
            updateCenter(target)
        }

        /// Centre `j` as the mean of its rows (an empty cluster keeps its last centre).
        private mutating func updateCenter(_ j: Int) {
            guard counts[j] > 0 else { return }
            let d = x.cols
            for f in 0..<d { centers[j * d + f] = sums[j * d + f] / counts[j] }
        }
    }
}
