import ArgumentParser
import OpsKit

/// `recommend evaluate`: offline comparison of methods on a held-out split.
struct EvaluateCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: Strings.evaluateAbstract.encoded,
        discussion: Strings.evaluateDiscussion.encoded)

    static var examples: [String] {
        [
            "recommend evaluate orders --user customer_id --item product_id --basket order_id --time order_date --k 10",
            "recommend evaluate orders --user customer_id --item product_id --time order_date --split time --cutoff 2026-09-01",
            "recommend evaluate orders --user customer_id --item product_id --split random --test-fraction 0.2 --seed 7",
            "recommend evaluate orders --user customer_id --item product_id --time order_date --catalog products --text 描述 --catalog-id 商品ID",
        ]
    }

    @Argument(help: ArgumentHelp(Strings.evaluateInteractionsHelp), completion: Completion.dataset) var interactions: String
    @OptionGroup var columns: InteractionOptions
    @Option(help: ArgumentHelp(Strings.timeHelp), completion: Completion.columns) var time: String?
    @Option(help: ArgumentHelp(Strings.splitHelp)) var split: SplitKind = .leaveLast
    @Option(help: ArgumentHelp(Strings.cutoffHelp)) var cutoff: String?
    @Option(name: .customLong("test-fraction"), help: ArgumentHelp(Strings.testFractionHelp))
    var testFraction: Bounded<OpenFraction> = 0.2
    @Option(name: .customLong("k"), help: ArgumentHelp(Strings.kHelp)) var cutoffRank: PositiveInt = 10
    @Option(help: ArgumentHelp(Strings.methodsHelp)) var methods: CommaList<Method>?
    @OptionGroup var model: ModelOptions
    @OptionGroup var seedOption: SeedOption
    @OptionGroup var result: ResultNameOption

    static var rules: [OptionRule] { ModelOptions.rules }

    /// `--k`: the length of each ranked list scored.
    private var k: Int { cutoffRank.value }

    func validate() throws {
        if cutoff != nil && split != .time { throw Strings.cutoffNeedsTimeSplit }
    }

    mutating func run(in context: CommandContext) throws {
        let settings = model.settings
        let dataset = try context.dataset(interactions)
        var log = try columns.log(dataset, time: time, context: context)
        let chosen = chosenMethods(items: log.items.count)
        if let needy = chosen.first(where: \.needsCatalog), model.catalog == nil {
            throw Strings.catalogRequired(needy.rawValue)
        }
        if split == .leaveLast && time == nil && columns.basket == nil { context.note(Strings.leaveLastWithoutTime) }
        let cut = try cutoff.map { text -> Double in
            guard let value = TimePoint.parse(text, type: log.timeType) else { throw Strings.badCutoff(text) }
            return value
        }
        let content = try model.contentIndex(itemColumn: columns.item, context: context)
        if let content { _ = log.addItems(content.ids.ids) }
        let seed = context.seed(seedOption)
        let holdout = try Split(log, kind: split, testFraction: testFraction.value, seed: seed, cutoff: cut)
        let vectors = content?.vectors(for: log.items.ids)
        let recommender = Recommender(
            log: log, rows: holdout.train, damping: columns.resolvedDamping, settings: settings, contentVectors: vectors)
        let heldOut = HeldOut(
            log: log, test: holdout.test, train: recommender.train, includeOwned: settings.includeOwned)
        guard !heldOut.users.isEmpty else { throw Strings.nobodyToEvaluate }
        context.print(
            Strings.protocolNote(
                split, basket: columns.basket, time: time,
                cutoff: holdout.cutoff.map { TimePoint.format($0, type: log.timeType) },
                includeOwned: settings.includeOwned))
        var rows: [EvaluationTable.Row] = []
        for method in chosen {
            var label = method.rawValue
            var fitted = recommender
            var scored = method
            if method == .auto {
                // The validation split mimics this evaluation's: same kind, fraction and seed, inside the training rows.
                let auto = try AutoSelection(
                    log: log, rows: holdout.train, dampings: columns.autoDampings, settings: settings,
                    contentVectors: vectors, k: k, split: split, testFraction: testFraction.value, seed: seed,
                    context: context)
                context.print(auto.summary(k: k))
                scored = auto.chosen.method
                label = "auto: " + auto.chosenName
                fitted = Recommender(
                    log: log, rows: holdout.train, damping: auto.chosen.damping, settings: auto.settings(settings),
                    contentVectors: vectors)
            }
            let metrics = try heldOut.score(scored, recommender: fitted, k: k, context: context)
            rows.append(EvaluationTable.Row(method: label, metrics: metrics, interval: Bootstrap.meanInterval(metrics.ndcgPerUser, seed: seed)))
        }
        let output = try EvaluationTable.dataset(rows, k: k)
        let name = result.name(or: "evaluation")
        try context.store(output, as: name)
        context.print(
            Strings.evaluationSummary(
                users: heldOut.users.count, skipped: heldOut.skipped, train: holdout.train.count,
                test: holdout.test.count, name: name))
        context.table(headers: Strings.evaluationHeaders(k: k), rows: EvaluationTable.rows(rows))
    }

    private func chosenMethods(items: Int) -> [Method] {
        guard let methods else {
            var out: [Method] = [.popular, .itemknn, .rp3beta]
            if items <= AutoSelection.easeAutoLimit { out.append(.ease) }
            return model.catalog == nil ? out : out + [.content, .hybrid]
        }
        var out: [Method] = []
        for method in methods where !out.contains(method) { out.append(method) }
        return out
    }
}

/// The evaluation result as a dataset and as a printed table.
enum EvaluationTable {
    struct Row {
        let method: String
        let metrics: RankingMetrics
        /// 95% bootstrap interval of NDCG over users.
        let interval: (low: Double, high: Double)
    }

    static func rows(_ rows: [Row]) -> [[String]] {
        rows.map { row in
            let m = row.metrics
            func f(_ x: Double) -> String { ValueFormat.fixed(x, digits: 4) }
            return [row.method, f(m.precision), f(m.recall), f(m.ndcg), "[\(f(row.interval.low)), \(f(row.interval.high))]",
                    f(m.map), f(m.mrr), f(m.hitRate), f(m.coverage), ValueFormat.fixed(m.novelty, digits: 2), String(m.users)]
        }
    }

    static func dataset(_ rows: [Row], k: Int) throws -> Dataset {
        try Dataset(columns: [
            Column(name: "method", strings: rows.map(\.method)),
            Column(name: "k", integers: rows.map { _ in Int64(k) }),
            Column(name: "precision", doubles: rows.map(\.metrics.precision)),
            Column(name: "recall", doubles: rows.map(\.metrics.recall)),
            Column(name: "ndcg", doubles: rows.map(\.metrics.ndcg)),
            Column(name: "ndcg_low", doubles: rows.map(\.interval.low)),
            Column(name: "ndcg_high", doubles: rows.map(\.interval.high)),
            Column(name: "map", doubles: rows.map(\.metrics.map)),
            Column(name: "mrr", doubles: rows.map(\.metrics.mrr)),
            Column(name: "hit_rate", doubles: rows.map(\.metrics.hitRate)),
            Column(name: "coverage", doubles: rows.map(\.metrics.coverage)),
            Column(name: "novelty", doubles: rows.map(\.metrics.novelty)),
            Column(name: "users", integers: rows.map { Int64($0.metrics.users) }),
        ])
    }
}
