import ArgumentParser
import OpsKit

/// `recommend evaluate`: offline comparison of methods on a held-out split.
struct EvaluateCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: Strings.evaluateAbstract, discussion: Strings.evaluateDiscussion)

    static var examples: [String] {
        [
            "recommend evaluate orders --user customer_id --item product_id --time order_date --k 10",
            "recommend evaluate orders --user customer_id --item product_id --split random --test-fraction 0.2 --seed 7",
            "recommend evaluate orders --user customer_id --item product_id --time order_date --catalog products --text 描述 --catalog-id 商品ID",
        ]
    }

    @Argument(help: "Interactions dataset.", completion: Completion.dataset) var interactions: String
    @OptionGroup var columns: InteractionOptions
    @Option(help: ArgumentHelp(Strings.timeHelp), completion: Completion.columns) var time: String?
    @Option(help: ArgumentHelp(Strings.splitHelp)) var split: SplitKind = .leaveLast
    @Option(name: .customLong("test-fraction"), help: ArgumentHelp(Strings.testFractionHelp)) var testFraction: Double = 0.2
    @Option(help: ArgumentHelp(Strings.kHelp)) var k: Int = 10
    @Option(help: ArgumentHelp(Strings.methodsHelp)) var methods: String?
    @OptionGroup var model: ModelOptions
    @OptionGroup var seedOption: SeedOption
    @OptionGroup var result: ResultNameOption

    mutating func run(in context: CommandContext) throws {
        guard k >= 1 else { throw Strings.positive("--k", k) }
        guard testFraction > 0, testFraction < 1 else { throw Strings.outOfRange("--test-fraction", testFraction, "(0, 1)") }
        let settings = try model.settings()
        let chosen = try chosenMethods()
        if let needy = chosen.first(where: \.needsCatalog), model.catalog == nil {
            throw Strings.catalogRequired(needy.rawValue)
        }
        let dataset = try context.dataset(interactions)
        var log = try columns.log(dataset, time: time, context: context)
        if split == .leaveLast && time == nil { context.note(Strings.leaveLastWithoutTime) }
        let content = try model.contentIndex(itemColumn: columns.item, context: context)
        if let content { _ = log.addItems(content.ids.ids) }
        let holdout = try Split(log, kind: split, testFraction: testFraction, seed: context.seed(seedOption))
        let train = log.matrix(rows: holdout.train)
        let (users, relevant) = evaluationUsers(log: log, test: holdout.test, train: train)
        guard !users.isEmpty else { throw Strings.nobodyToEvaluate }
        let recommender = Recommender(
            train: train, itemIDs: log.items.ids, settings: settings,
            contentVectors: content?.vectors(for: log.items.ids))
        var rows: [(Method, RankingMetrics)] = []
        for method in chosen {
            let recs = try recommender.recommend(method, users: users, k: k, context: context)
            var lists = [[Int32]](repeating: [], count: log.users.count)
            for rec in recs { lists[Int(rec.user)].append(rec.item) }
            rows.append(
                (method, RankingMetrics(
                    lists: users.map { lists[$0] }, relevant: relevant, k: k, catalogueSize: log.items.count)))
        }
        let output = try EvaluationTable.dataset(rows, k: k)
        let name = result.name(or: "evaluation")
        try context.store(output, as: name)
        context.print(
            Strings.evaluationSummary(
                users: users.count, skipped: log.users.count - users.count, train: holdout.train.count,
                test: holdout.test.count, name: name))
        context.table(headers: EvaluationTable.headers(k: k), rows: EvaluationTable.rows(rows))
    }

    private func chosenMethods() throws -> [Method] {
        guard let methods else { return model.catalog == nil ? [.popular, .itemknn] : Method.evaluationOrder }
        let names = methods.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw Strings.unknownMethod(methods) }
        var out: [Method] = []
        for name in names {
            guard let method = Method(rawValue: name.lowercased()) else { throw Strings.unknownMethod(name) }
            if !out.contains(method) { out.append(method) }
        }
        return out
    }

    /// Users with training history and at least one held-out item they did not
    /// already have, and those items.
    private func evaluationUsers(log: InteractionLog, test: [Int], train: SparseMatrix) -> ([Int], [Set<Int32>]) {
        var heldOut = [Set<Int32>](repeating: [], count: log.users.count)
        for r in test { heldOut[Int(log.user[r])].insert(log.item[r]) }
        var users: [Int] = [], relevant: [Set<Int32>] = []
        for u in 0..<log.users.count where !heldOut[u].isEmpty {
            let history = train.range(ofRow: u)
            guard !history.isEmpty else { continue }
            let new = heldOut[u].subtracting(history.map { train.columns[$0] })
            guard !new.isEmpty else { continue }
            users.append(u)
            relevant.append(new)
        }
        return (users, relevant)
    }
}

extension Method {
    /// The order methods appear in an evaluation table.
    static let evaluationOrder: [Method] = [.popular, .itemknn, .content, .hybrid]
}

/// The evaluation result as a dataset and as a printed table.
enum EvaluationTable {
    static func headers(k: Int) -> [String] {
        ["method", "precision@\(k)", "recall@\(k)", "ndcg@\(k)", "map@\(k)", "hit_rate", "coverage", "users"]
    }

    static func rows(_ rows: [(Method, RankingMetrics)]) -> [[String]] {
        rows.map { method, m in
            [method.rawValue] + [m.precision, m.recall, m.ndcg, m.map, m.hitRate, m.coverage].map {
                ValueFormat.fixed($0, digits: 4)
            } + [String(m.users)]
        }
    }

    static func dataset(_ rows: [(Method, RankingMetrics)], k: Int) throws -> Dataset {
        try Dataset(columns: [
            Column(name: "method", strings: rows.map { $0.0.rawValue }),
            Column(name: "k", integers: rows.map { _ in Int64(k) }),
            Column(name: "precision", doubles: rows.map { $0.1.precision }),
            Column(name: "recall", doubles: rows.map { $0.1.recall }),
            Column(name: "ndcg", doubles: rows.map { $0.1.ndcg }),
            Column(name: "map", doubles: rows.map { $0.1.map }),
            Column(name: "hit_rate", doubles: rows.map { $0.1.hitRate }),
            Column(name: "coverage", doubles: rows.map { $0.1.coverage }),
            Column(name: "users", integers: rows.map { Int64($0.1.users) }),
        ])
    }
}
