import ArgumentParser
import OpsKit

/// `segment kmeans DATASET --features a,b,c [--k N | --k auto] ...`
struct KMeansCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "kmeans", abstract: Text.kmeansAbstract, discussion: Text.kmeansDiscussion)
    static let examples = [
        "segment kmeans users --features 浏览次数,购买金额,购买频率 --id 用户ID --k auto --as profiles",
        "segment kmeans users --features 浏览次数,购买金额,购买频率 --k 4 --scale log1p --as spend_segments",
        "segment kmeans users --features 浏览次数,购买金额,购买频率 --init profiles_centers --as refit",
    ]

    @Argument(help: ArgumentHelp(Text.clusterDatasetHelp), completion: Completion.dataset) var dataset: String
    @Option(help: ArgumentHelp(Text.featuresHelp), completion: Completion.columns) var features: CommaList<String>
    @Option(help: ArgumentHelp(Text.idHelp), completion: Completion.columns) var id: String?
    @Option(help: ArgumentHelp(Text.kHelp)) var k: AutoOr<Bounded<ClusterCount>> = .auto
    @Option(name: .customLong("k-range"), help: ArgumentHelp(Text.kRangeHelp)) var kRange = ClusterRange(2...10)
    @Option(help: ArgumentHelp(Text.byHelp)) var by: KChoiceRule = .silhouette
    @Option(help: ArgumentHelp(Text.scaleHelp)) var scale: ScalingMethod = .standard
    @Option(name: .customLong("n-init"), help: ArgumentHelp(Text.nInitHelp)) var nInit: Bounded<RunCount> = 10
    @Option(name: .customLong("max-iter"), help: ArgumentHelp(Text.maxIterHelp)) var maxIter: Bounded<IterationCount> = 300
    @Option(help: ArgumentHelp(Text.tolHelp)) var tol: NonNegativeDouble = 1e-4
    @Option(help: ArgumentHelp(Text.missingHelp)) var missing: MissingPolicy = .drop
    @Option(
        name: .customLong("init"), help: ArgumentHelp(Text.initHelp),
        completion: Completion.dataset)
    var initial: InitialCentres = .method(.kMeansPlusPlus)
    @Option(help: ArgumentHelp(Text.algorithmHelp)) var algorithm: AutoOr<KMeansAlgorithm> = .auto
    @Option(help: ArgumentHelp(Text.refineHelp)) var refine: AutoOr<KMeansRefinement> = .auto
    @OptionGroup var result: ResultNameOption
    @OptionGroup var seedOption: SeedOption

    mutating func run(in context: CommandContext) throws {
        let names = Array(features)
        var input = try ClusterInput(dataset: try context.dataset(dataset), features: names, id: id, missing: missing, context: context)
        // The features now live in the matrix: the workspace need not keep the dataset too.
        context.release(dataset)
        var x = input.takeMatrix()
        guard x.rows >= 2 else { throw Text.tooFewRows(x.rows) }
        if scale == .log1p, let bad = x.values.firstIndex(where: { $0 <= -1 }) {
            throw Text.negativeForLog(names[bad % x.cols], x.values[bad])
        }
        let (scaler, constant) = FeatureScaler.fit(scale, to: x)
        for f in constant { context.warn(Text.constantFeature(names[f])) }
        scaler.transform(&x)
        var options = KMeansOptions(k: 1, nInit: nInit.value, maxIterations: maxIter.value, tolerance: tol.value)
        options.initialization = try initialization(scaler: scaler, names: names, context: context)
        options.algorithm = algorithm.fixed ?? (x.rows > KMeans.miniBatchThreshold ? .minibatch : .lloyd)
        if algorithm.isAuto && options.algorithm == .minibatch { context.note(Text.miniBatchChosen(x.rows)) }
        options.refinement = refine.fixed ?? KMeans.automaticRefinement(rows: x.rows)
        var random = context.random(seedOption)
        let fitted: KMeansResult
        var sweepTable: Dataset?
        if case .given(let centers) = options.initialization {
            options.k = centers.count / x.cols
            if let k = k.fixed?.value, k != options.k { throw Text.initShape(initial.description, rows: options.k, k: k) }
            fitted = try fit(&x, options: options, random: &random, context: context)
        } else if let k = k.fixed?.value {
            options.k = k
            fitted = try fit(&x, options: options, random: &random, context: context)
        } else {
            let sweep = KSweep(range: kRange.range, options: options, chooseByElbow: by == .elbow)
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
        let progress = context.progress(Text.fittingProgress(options.k), total: options.nInit)
        defer { progress.finish() }
        let monitor = FitMonitor(
            checkCancellation: context.checkCancellation,
            didFinishRun: { _, best in progress.advance(detail: Text.bestInertiaDetail(best)) })
        do {
            return try KMeans.fit(&x, options: options, random: &random, monitor: monitor)
        } catch let error as TooFewDistinctRows {
            throw Text.kTooLarge(options.k, distinct: error.distinct)
        }
    }

    /// `--init`: a method name, or a dataset of centres in original units (one column per feature).
    private func initialization(scaler: FeatureScaler, names: [String], context: CommandContext) throws -> CenterInitialization {
        switch initial {
        case .method(.kMeansPlusPlus): return .kMeansPlusPlus
        case .method(.random): return .random
        case .dataset(let name):
            let centers = try context.dataset(name)
            var values = [Double](repeating: 0, count: centers.rowCount * names.count)
            for (f, feature) in names.enumerated() {
                let column = try centers.column(feature, option: "--init \(name)").requireNumeric(option: "--init")
                for c in 0..<centers.rowCount {
                    guard column[c].isFinite else { throw Text.initNotFinite(name) }
                    values[c * names.count + f] = column[c]
                }
            }
            guard centers.rowCount >= 1 else { throw Text.initShape(name, rows: 0, k: 1) }
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
