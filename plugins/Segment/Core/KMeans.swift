import OpsKit

/// Which K-Means variant runs.
enum KMeansAlgorithm: String, CaseIterable, Sendable {
    case lloyd, minibatch
}

/// What follows each run's Lloyd (or mini-batch) iterations.
enum KMeansRefinement: String, CaseIterable, Sendable {
    /// Hartigan's single-row moves until none lowers the inertia (``Hartigan``).
    case hartigan
    /// Nothing: the run's result as Lloyd left it.
    case none
}

/// Settings of one K-Means fit.
struct KMeansOptions {
    var k: Int
    var nInit = 10
    var maxIterations = 300
    /// Relative tolerance: the run stops when the squared centre shift is below `tol` × mean feature variance.
    var tolerance = 1e-4
    var initialization = CenterInitialization.kMeansPlusPlus
    var algorithm = KMeansAlgorithm.lloyd
    var batchSize = 1024
    var refinement = KMeansRefinement.none
}

/// A fitted clustering.
struct KMeansResult {
    /// k × d, row-major, in the space the data was given in.
    var centers: [Double]
    var labels: [Int32]
    var inertia: Double
    var iterations: Int
    var converged: Bool
}

/// Hooks for long fits: cancellation and progress.
struct FitMonitor {
    var checkCancellation: () throws -> Void = {}
    /// Called after each completed initialisation with its index and the best inertia so far.
    var didFinishRun: (Int, Double) -> Void = { _, _ in }
}

/// K-Means: best of `nInit` runs by inertia, each seeded by k-means++ (or as asked)
/// and refined by Lloyd iterations, or mini-batch updates for very large data,
/// then, when asked, by Hartigan's single-row moves.
enum KMeans {
    /// Rows above which mini-batch K-Means is chosen automatically.
    static let miniBatchThreshold = 5_000_000
    /// Rows up to which `--refine auto` refines every run with Hartigan's moves. Above it clusters
    /// are large, the factors nᵢ/(nᵢ−1) and nⱼ/(nⱼ+1) near 1, the moves few and each sweep costs a pass.
    static let refinementRowLimit = 100_000

    /// The refinement `--refine auto` chooses for `rows` rows.
    static func automaticRefinement(rows: Int) -> KMeansRefinement {
        rows <= refinementRowLimit ? .hartigan : .none
    }

    /// Fits `x`, which is centred in place while the fit runs (as scikit-learn does, so
    /// that distances from dot products lose less precision) and restored on return,
    /// up to rounding: no copy of the data is made.
    static func fit(
        _ x: inout Matrix, options: KMeansOptions, random: inout SeededGenerator, monitor: FitMonitor = FitMonitor()
    ) throws -> KMeansResult {
        precondition(options.k >= 1 && options.k <= x.rows, "k must be in 1...rows")
        let (mean, variance) = x.columnMoments()
        subtract(mean, from: &x.values, cols: x.cols)
        defer { add(mean, to: &x.values, cols: x.cols) }
        let absoluteTolerance = options.tolerance * (variance.reduce(0, +) / Double(max(1, x.cols)))
        let runs: Int
        if case .given = options.initialization { runs = 1 } else { runs = max(1, options.nInit) }
        var best: KMeansResult?
        for run in 0..<runs {
            try monitor.checkCancellation()
            var initial = try initialCenters(x, options: options, mean: mean, random: &random)
            var result: KMeansResult
            switch options.algorithm {
            case .lloyd:
                result = try Lloyd.run(
                    x, centers: &initial, maxIterations: options.maxIterations,
                    tolerance: absoluteTolerance, checkCancellation: monitor.checkCancellation)
            case .minibatch:
                result = try MiniBatch.run(
                    x, centers: initial, options: options, random: &random,
                    checkCancellation: monitor.checkCancellation)
            }
            if options.refinement == .hartigan {
                try Hartigan.refine(
                    x, result: &result, maxSweeps: options.maxIterations, checkCancellation: monitor.checkCancellation)
            }
            if best == nil || result.inertia < best!.inertia { best = result }
            monitor.didFinishRun(run, best!.inertia)
        }
        var result = best!
        add(mean, to: &result.centers, cols: x.cols)
        return result
    }

    private static func initialCenters(
        _ x: Matrix, options: KMeansOptions, mean: [Double], random: inout SeededGenerator
    ) throws -> [Double] {
        switch options.initialization {
        case .kMeansPlusPlus:
            // Mini-batch seeds from a sample, as scikit-learn's init_size (3 × batch) does.
            if options.algorithm == .minibatch {
                let size = min(x.rows, max(3 * options.batchSize, 3 * options.k))
                let sample = x.selecting(rows: MiniBatch.sampleIndices(x.rows, size, random: &random))
                return try Seeding.kMeansPlusPlus(sample, k: options.k, random: &random)
            }
            return try Seeding.kMeansPlusPlus(x, k: options.k, random: &random)
        case .random:
            return try Seeding.randomRows(x, k: options.k, random: &random)
        case .given(let centers):
            var shifted = centers
            subtract(mean, from: &shifted, cols: x.cols)
            return shifted
        }
    }

    private static func subtract(_ mean: [Double], from values: inout [Double], cols: Int) {
        for i in values.indices { values[i] -= mean[i % cols] }
    }

    private static func add(_ mean: [Double], to values: inout [Double], cols: Int) {
        for i in values.indices { values[i] += mean[i % cols] }
    }
}

/// Lloyd iterations, following scikit-learn's `_kmeans_single_lloyd`: each pass
/// assigns labels to the current centres and computes the next ones; stop when
/// no label changes or the total squared centre shift is within tolerance.
/// From ``HamerlyKernel/minimumK`` centres on, passes use Hamerly's bounds.
enum Lloyd {
    /// `bounds`: whether passes use Hamerly's bounds; by default from ``HamerlyKernel/minimumK`` centres on.
    static func run(
        _ x: Matrix, centers: inout [Double], maxIterations: Int, tolerance: Double, bounds: Bool? = nil,
        checkCancellation: () throws -> Void
    ) throws -> KMeansResult {
        let k = centers.count / x.cols, d = x.cols
        let kernel = LloydKernel(x: x, k: k)
        var bounded = bounds ?? (k >= HamerlyKernel.minimumK) ? HamerlyKernel(x: x, k: k) : nil
        func pass(_ labels: inout [Int32], accumulate: Bool) -> LloydKernel.PassResult {
            if bounded != nil { return bounded!.assign(centers: centers, labels: &labels, accumulate: accumulate) }
            return kernel.assign(centers: centers, labels: &labels, accumulate: accumulate)
        }
        var labels = [Int32](repeating: -1, count: x.rows)
        var iterations = 0
        var strictConvergence = false
        var converged = false
        while iterations < maxIterations {
            try checkCancellation()
            var step = pass(&labels, accumulate: true)
            iterations += 1
            if step.changed == 0 {
                strictConvergence = true
                converged = true
                break
            }
            if step.counts.contains(0) { bounded?.invalidate() }
            relocateEmptyClusters(x, centers: centers, labels: &labels, sums: &step.sums, counts: &step.counts)
            var shift = 0.0
            for j in 0..<k where step.counts[j] > 0 {
                for f in 0..<d {
                    let updated = step.sums[j * d + f] / step.counts[j]
                    let delta = updated - centers[j * d + f]
                    shift += delta * delta
                    centers[j * d + f] = updated
                }
            }
            if shift <= tolerance {
                converged = true
                break
            }
        }
        if !strictConvergence {
            // Labels were computed against the previous centres: match them to the final ones.
            _ = pass(&labels, accumulate: false)
        }
        let inertia = kernel.inertia(centers: centers, labels: labels)
        return KMeansResult(centers: centers, labels: labels, inertia: inertia, iterations: iterations, converged: converged)
    }

    /// Gives each empty cluster the point farthest from its centre (scikit-learn's relocation rule),
    /// moving that point's contribution out of its old cluster's sums.
    static func relocateEmptyClusters(
        _ x: Matrix, centers: [Double], labels: inout [Int32], sums: inout [Double], counts: inout [Double]
    ) {
        let empty = counts.indices.filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return }
        let d = x.cols
        var distances = [Double](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { xb in
            centers.withUnsafeBufferPointer { cb in
                for i in 0..<x.rows {
                    distances[i] = squaredDistance(xb.baseAddress!, i, cb.baseAddress!, Int(labels[i]), d)
                }
            }
        }
        let farthest = distances.indices.sorted { distances[$0] != distances[$1] ? distances[$0] > distances[$1] : $0 < $1 }
        for (cluster, row) in zip(empty, farthest) {
            let old = Int(labels[row])
            guard counts[old] > 1 else { continue }
            for f in 0..<d {
                let value = x.values[row * d + f]
                sums[old * d + f] -= value
                sums[cluster * d + f] = value
            }
            counts[old] -= 1
            counts[cluster] = 1
            labels[row] = Int32(cluster)
        }
    }
}
