import OpsKit

/// Mini-batch K-Means (Sculley 2010, as scikit-learn's `MiniBatchKMeans`):
/// each step assigns a random batch to the nearest centres and moves each
/// centre towards its batch points with a per-centre learning rate 1/count.
/// Stops after `maxIterations` passes over the data or when the smoothed batch
/// inertia has not improved for 10 steps; a final full pass gives labels and inertia.
enum MiniBatch {
    static let patience = 10

    static func run(
        _ x: Matrix, centers initial: [Double], options: KMeansOptions, random: inout SeededGenerator,
        checkCancellation: () throws -> Void
    ) throws -> KMeansResult {
        let d = x.cols, k = options.k
        let batchSize = min(options.batchSize, x.rows)
        var centers = initial
        var counts = [Double](repeating: 0, count: k)
        let steps = max(1, options.maxIterations * x.rows / batchSize)
        var smoothed: Double?
        var bestSmoothed = Double.infinity
        var sinceImprovement = 0
        var step = 0
        var batchLabels = [Int32](repeating: 0, count: batchSize)
        while step < steps {
            if step % 64 == 0 { try checkCancellation() }
            let batch = x.selecting(rows: sampleIndices(x.rows, batchSize, random: &random))
            let kernel = LloydKernel(x: batch, k: k)
            let pass = kernel.assign(centers: centers, labels: &batchLabels, accumulate: true)
            for j in 0..<k where pass.counts[j] > 0 {
                counts[j] += pass.counts[j]
                let rate = pass.counts[j] / counts[j]
                for f in 0..<d {
                    let target = pass.sums[j * d + f] / pass.counts[j]
                    centers[j * d + f] += rate * (target - centers[j * d + f])
                }
            }
            let batchInertia = kernel.inertia(centers: centers, labels: batchLabels) / Double(batchSize)
            let alpha = min(1, 2 * Double(batchSize) / Double(x.rows + 1))
            smoothed = smoothed.map { $0 * (1 - alpha) + batchInertia * alpha } ?? batchInertia
            step += 1
            if smoothed! < bestSmoothed {
                bestSmoothed = smoothed!
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= patience { break }
            }
        }
        let kernel = LloydKernel(x: x, k: k)
        var labels = [Int32](repeating: -1, count: x.rows)
        _ = kernel.assign(centers: centers, labels: &labels, accumulate: false)
        let inertia = kernel.inertia(centers: centers, labels: labels)
        return KMeansResult(
            centers: centers, labels: labels, inertia: inertia, iterations: step, converged: step < steps)
    }

    /// `count` distinct row indices drawn uniformly (partial Fisher–Yates over a sparse swap map).
    static func sampleIndices(_ n: Int, _ count: Int, random: inout SeededGenerator) -> [Int] {
        var swapped = [Int: Int]()
        var out = [Int]()
        out.reserveCapacity(count)
        for i in 0..<min(count, n) {
            let j = i + random.nextIndex(n - i)
            let pickedJ = swapped[j] ?? j
            swapped[j] = swapped[i] ?? i
            out.append(pickedJ)
        }
        return out
    }
}
