import ArgumentParser
import OpsKit

/// `segment kmeans DATASET --features a,b,c [--k N | --k auto] ...`
struct KMeansCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "kmeans", abstract: Text.kmeansAbstract, discussion: Text.kmeansDiscussion)
    static let examples = [
        "segment kmeans users --features 浏览次数,购买金额,购买频率 --id 用户ID --k auto --as profiles",
        "segment kmeans wholesale --features Fresh,Milk,Grocery --k 4 --scale log1p",
        "segment kmeans users --features 浏览次数,购买金额 --k 3 --init last_month_centers",
    ]

    @Argument(help: "Dataset to cluster.", completion: Completion.dataset) var dataset: String
    @Option(help: "Feature columns, comma-separated.", completion: Completion.columns) var features: String
    @Option(help: "Id column copied into the result (default: row numbers).", completion: Completion.columns) var id: String?
    @Option(help: "Number of clusters, or 'auto' to choose it.") var k = "auto"
    @Option(name: .customLong("k-range"), help: "Range of K tried by --k auto.") var kRange = "2-10"
    @Option(help: "How --k auto chooses: silhouette or elbow.") var by = "silhouette"
    @Option(help: "Feature scaling: standard, minmax, robust, log1p (log then standard) or none.") var scale = "standard"
    @Option(name: .customLong("n-init"), help: "Runs with different seeds; the lowest inertia wins.") var nInit = 10
    @Option(name: .customLong("max-iter"), help: "Most iterations per run.") var maxIter = 300
    @Option(help: "Relative tolerance on the centre shift.") var tol = 1e-4
    @Option(help: "Rows with empty cells: drop or mean (impute the column mean).") var missing = "drop"
    @Option(name: .customLong("init"), help: "Initial centres: k-means++, random, or a dataset of centres in original units.")
    var initial = "k-means++"
    @Option(help: "lloyd, minibatch, or auto (mini-batch above 5,000,000 rows).") var algorithm = "auto"
    @OptionGroup var result: ResultNameOption
    @OptionGroup var seedOption: SeedOption

    mutating func run(in context: CommandContext) throws {
        let settings = try KMeansSettings(self)
        let data = try context.dataset(dataset)
        let names = try ClusterInput.names(features)
        var input = try ClusterInput(dataset: data, features: names, id: id, missing: settings.missing, context: context)
        var x = input.takeMatrix()
        guard x.rows >= 2 else { throw Text.tooFewRows(x.rows) }
        if settings.scale == .log1p, let bad = x.values.firstIndex(where: { $0 <= -1 }) {
            throw Text.negativeForLog(names[bad % x.cols], x.values[bad])
        }
        let (scaler, constant) = FeatureScaler.fit(settings.scale, to: x)
        for f in constant { context.warn(Text.constantFeature(names[f])) }
        scaler.transform(&x)
        var options = KMeansOptions(k: 1, nInit: nInit, maxIterations: maxIter, tolerance: tol)
        options.initialization = try initialization(scaler: scaler, names: names, context: context)
        options.algorithm = settings.algorithm ?? (x.rows > KMeans.miniBatchThreshold ? .minibatch : .lloyd)
        if settings.algorithm == nil && options.algorithm == .minibatch { context.note(Text.miniBatchChosen(x.rows)) }
        var random = context.random(seedOption)
        let fitted: KMeansResult
        var sweepTable: Dataset?
        if case .given(let centers) = options.initialization {
            options.k = centers.count / x.cols
            if case .fixed(let k) = settings.k, k != options.k { throw Text.initShape(initial, rows: options.k, k: k) }
            fitted = try fit(&x, options: options, random: &random, context: context)
        } else if case .fixed(let k) = settings.k {
            options.k = k
            fitted = try fit(&x, options: options, random: &random, context: context)
        } else {
            let sweep = KSweep(range: settings.range, options: options, chooseByElbow: settings.byElbow)
            (fitted, sweepTable) = try sweep.run(&x, random: &random, context: context)
            options.k = fitted.centers.count / x.cols
        }
        var clustering = fitted
        Relabel.apply(Relabel.bySize(labels: clustering.labels, k: options.k), to: &clustering, cols: x.cols)
        try report(clustering, x: x, input: input, scaler: scaler, options: options, sweep: sweepTable, context: context)
    }

    private func fit(_ x: inout Matrix, options: KMeansOptions, random: inout SeededGenerator, context: CommandContext) throws
        -> KMeansResult
    {
        let distinct = Seeding.distinctRows(x, limit: options.k)
        if distinct < options.k { throw Text.kTooLarge(options.k, distinct: distinct) }
        let progress = context.progress("k-means k=\(options.k)", total: options.nInit)
        defer { progress.finish() }
        let monitor = FitMonitor(
            checkCancellation: context.checkCancellation,
            didFinishRun: { _, best in progress.advance(detail: "best inertia " + ValueFormat.fixed(best, digits: 2)) })
        do {
            return try KMeans.fit(&x, options: options, random: &random, monitor: monitor)
        } catch let error as TooFewDistinctRows {
            throw Text.kTooLarge(options.k, distinct: error.distinct)
        }
    }

    /// `--init`: a method name, or a dataset of centres in original units (one column per feature).
    private func initialization(scaler: FeatureScaler, names: [String], context: CommandContext) throws -> CenterInitialization {
        switch initial.lowercased() {
        case "k-means++", "kmeans++": return .kMeansPlusPlus
        case "random": return .random
        default:
            let centers = try context.dataset(initial)
            var values = [Double](repeating: 0, count: centers.rowCount * names.count)
            for (f, name) in names.enumerated() {
                let column = try centers.column(name, option: "--init \(initial)").requireNumeric(option: "--init")
                for c in 0..<centers.rowCount {
                    guard column[c].isFinite else { throw Text.initNotFinite(initial) }
                    values[c * names.count + f] = column[c]
                }
            }
            guard centers.rowCount >= 1 else { throw Text.initShape(initial, rows: 0, k: 1) }
            var scaled = Matrix(rows: centers.rowCount, cols: names.count, values: values)
            scaler.transform(&scaled)
            return .given(scaled.values)
        }
    }

    private func report(
        _ clustering: KMeansResult, x: Matrix, input: ClusterInput, scaler: FeatureScaler, options: KMeansOptions,
        sweep: Dataset?, context: CommandContext
    ) throws {
        let names = input.table.names
        let profile = ClusterProfile(
            scaled: x, labels: clustering.labels, k: options.k, scaler: scaler, names: names,
            dateFeatures: input.dateFeatures)
        var runs = options.nInit
        if case .given = options.initialization { runs = 1 }
        context.print(
            Text.kmeansSummary(
                k: options.k, rows: x.rows, features: x.cols, scale: scaler.method, runs: runs, result: clustering,
                algorithm: options.algorithm))
        if !clustering.converged { context.warn(Text.notConverged(options.maxIterations)) }
        let table = profile.table()
        context.table(headers: table.headers, rows: table.rows, alignments: table.alignments)
        let model = SegmentModel(
            features: names, scaler: scaler, centers: scaler.inverse(clustering.centers), labels: profile.labels,
            sizes: profile.sizes)
        let name = result.name(or: "segments")
        let assignments = try input.resultDataset([Column(name: "cluster", integers: clustering.labels.map { Int64($0) + 1 })])
        try context.store(assignments, as: name)
        try context.store(model.centersDataset(), as: SegmentModel.centersName(name))
        try context.store(model.modelDataset(), as: SegmentModel.modelName(name))
        var stored = [name, SegmentModel.centersName(name), SegmentModel.modelName(name)]
        if let sweep {
            try context.store(sweep, as: SegmentModel.sweepName(name))
            stored.append(SegmentModel.sweepName(name))
        }
        context.confirm(Text.stored(stored))
    }
}

/// The validated option values of `segment kmeans`.
struct KMeansSettings {
    enum KChoice: Equatable { case fixed(Int), auto }
    var k: KChoice
    var range: ClosedRange<Int>
    var byElbow: Bool
    var scale: ScalingMethod
    var missing: MissingPolicy
    /// nil: chosen by data size.
    var algorithm: KMeansAlgorithm?

    /// Checked ranges of the numeric options (so values near Int.max are errors, not crashes or endless runs).
    static let kRange = 1...100_000
    static let nInitRange = 1...1_000
    static let maxIterRange = 1...1_000_000

    init(_ command: KMeansCommand) throws {
        if command.k.lowercased() == "auto" {
            k = .auto
        } else if let value = Int(command.k) {
            k = .fixed(try OptionValue.bounded(value, Self.kRange, option: "--k"))
        } else {
            throw Text.invalidK(command.k)
        }
        let bounds = command.kRange.split(separator: "-").map { Int($0.trimmingWhitespace()) }
        guard bounds.count == 2, let low = bounds[0], let high = bounds[1], low >= 2, high >= low else {
            throw Text.invalidRange(command.kRange)
        }
        _ = try OptionValue.bounded(high, 2...Self.kRange.upperBound, option: "--k-range")
        range = low...high
        switch command.by.lowercased() {
        case "silhouette": byElbow = false
        case "elbow": byElbow = true
        default: throw Text.unknownChoice("--by", command.by, ["silhouette", "elbow"])
        }
        scale = try OptionValue.choice(command.scale, option: "--scale", as: ScalingMethod.self)
        missing = try OptionValue.choice(command.missing, option: "--missing", as: MissingPolicy.self)
        algorithm = command.algorithm.lowercased() == "auto"
            ? nil : try OptionValue.choice(command.algorithm, option: "--algorithm", as: KMeansAlgorithm.self)
        _ = try OptionValue.bounded(command.nInit, Self.nInitRange, option: "--n-init")
        _ = try OptionValue.bounded(command.maxIter, Self.maxIterRange, option: "--max-iter")
        if !(command.tol >= 0) { throw OpsError.invalidOption("--tol", "must be 0 or more (got \(command.tol))") }
    }
}
