import ArgumentParser
import OpsKit

/// `recommend for`: top-N items for one user or all users.
struct ForCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "for", abstract: Strings.forAbstract.encoded, discussion: Strings.forDiscussion.encoded)

    static var examples: [String] {
        [
            "recommend for orders --user customer_id --item product_id --target U0001 --top 10",
            "recommend for orders --user customer_id --item product_id --all-users --method auto --basket order_id --as recs",
            "recommend for orders --user customer_id --item product_id --target U0001 --method hybrid --catalog products --text 描述 --catalog-id 商品ID",
        ]
    }

    @Argument(help: ArgumentHelp(Strings.interactionsHelp), completion: Completion.dataset)
    var interactions: String
    @OptionGroup var columns: InteractionOptions
    @Option(help: ArgumentHelp(Strings.timeHelp), completion: Completion.columns) var time: String?
    @Option(help: ArgumentHelp(Strings.targetHelp)) var target: String?
    @Flag(help: ArgumentHelp(Strings.allUsersHelp)) var allUsers = false
    @Option(name: .customLong("top"), help: ArgumentHelp(Strings.topForHelp)) var topCount: PositiveInt = 10
    @Option(help: ArgumentHelp(Strings.methodHelp)) var method: Method = .itemknn
    @OptionGroup var model: ModelOptions
    @OptionGroup var result: ResultNameOption

    static var rules: [OptionRule] { [.oneOf("--target", "--all-users")] + ModelOptions.rules }

    mutating func run(in context: CommandContext) throws {
        let top = topCount.value
        var settings = model.settings
        if method.needsCatalog && model.catalog == nil { throw Strings.catalogRequired(method.rawValue) }
        let dataset = try context.dataset(interactions)
        var log = try columns.log(dataset, time: time, context: context)
        let wantsContent = method.needsCatalog || (method == .auto && model.catalog != nil)
        let content = wantsContent ? try model.contentIndex(itemColumn: columns.item, context: context) : nil
        if let content { _ = log.addItems(content.ids.ids) }
        let users = try target.map {
            [Int(try log.users.require($0, kind: Strings.userKind, option: "--target"))]
        } ?? Array(0..<log.users.count)
        let k = min(top, log.items.count)
        if k < top { context.warn(Strings.clampedTop(top, available: k)) }
        let vectors = content?.vectors(for: log.items.ids)
        var chosen = method
        var damping = columns.resolvedDamping
        var label = Strings.candidateName(method.rawValue, popularityBlend: settings.popularityBlend)
        if method == .auto {
            let auto = try AutoSelection(
                log: log, rows: nil, dampings: columns.autoDampings, settings: settings, contentVectors: vectors, k: k,
                context: context)
            context.print(auto.summary(k: k))
            chosen = auto.chosen.method
            damping = auto.chosen.damping
            settings = auto.settings(settings)
            label = auto.chosenName
        }
        let recommender = Recommender(log: log, damping: damping, settings: settings, contentVectors: vectors)
        reportDuplicates(log: log, train: recommender.train, damping: damping, context: context)
        let recs = try recommender.recommend(chosen, users: users, k: k, context: context)
        let explainer = RecommendationExplainer(
            recommender: recommender, method: chosen, log: log, content: content, labels: ReasonLabels())
        let reasons = try explainer.reasons(recs, context: context)
        let userColumn = try dataset.column(columns.user)
        let itemColumn = try dataset.column(columns.item)
        let output = try Dataset(
            columns: [
                ResultColumns.ids(userColumn.name, recs.map { log.users.ids[Int($0.user)] }, like: userColumn),
                ResultColumns.ids(itemColumn.name, recs.map { log.items.ids[Int($0.item)] }, like: itemColumn),
            ] + ResultColumns.ranked(ranks: recs.map(\.rank), scores: recs.map(\.score), reasons: reasons))
        let name = result.name(or: "recommendations")
        try context.store(output, as: name)
        if let target, let user = users.first {
            context.print(
                Strings.forSummary(
                    recs.count, user: target, method: label, history: recommender.train.range(ofRow: user).count,
                    name: name))
        } else {
            let coldStart = users.filter { recommender.train.range(ofRow: $0).isEmpty }.count
            context.print(
                Strings.allUsersSummary(users: users.count, rows: recs.count, method: label, coldStart: coldStart, name: name))
        }
        context.table(output)
    }

    private func reportDuplicates(log: InteractionLog, train: SparseMatrix, damping: Damping, context: CommandContext) {
        let repeated = log.count - train.nonZeroCount
        if repeated > 0 {
            context.note(Strings.duplicateInteractions(repeated, summed: columns.weight != nil, damping: damping))
        }
    }
}
