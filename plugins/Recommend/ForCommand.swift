import ArgumentParser
import OpsKit

/// `recommend for`: top-N items for one user or all users.
struct ForCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "for", abstract: Strings.forAbstract, discussion: Strings.forDiscussion)

    static var examples: [String] {
        [
            "recommend for orders --user customer_id --item product_id --target U0001 --top 10",
            "recommend for orders --user customer_id --item product_id --all-users --as recs",
            "recommend for orders --user customer_id --item product_id --target U0001 --method hybrid --catalog products --text 描述 --catalog-id 商品ID",
        ]
    }

    @Argument(help: "Interactions dataset (one row per purchase or click).", completion: Completion.dataset)
    var interactions: String
    @OptionGroup var columns: InteractionOptions
    @Option(help: ArgumentHelp(Strings.targetHelp)) var target: String?
    @Flag(help: ArgumentHelp(Strings.allUsersHelp)) var allUsers = false
    @Option(help: ArgumentHelp(Strings.topForHelp)) var top: Int = 10
    @Option(help: ArgumentHelp(Strings.methodHelp)) var method: Method = .itemknn
    @OptionGroup var model: ModelOptions
    @OptionGroup var result: ResultNameOption

    mutating func run(in context: CommandContext) throws {
        if target == nil && !allUsers { throw Strings.targetOrAll }
        if target != nil && allUsers { throw Strings.targetAndAll }
        guard top >= 1 else { throw Strings.positive("--top", top) }
        let settings = try model.settings()
        if method.needsCatalog && model.catalog == nil { throw Strings.catalogRequired(method.rawValue) }
        let dataset = try context.dataset(interactions)
        var log = try columns.log(dataset, context: context)
        let content = method.needsCatalog ? try model.contentIndex(itemColumn: columns.item, context: context) : nil
        if let content { _ = log.addItems(content.ids.ids) }
        let users = try target.map { [Int(try log.users.require($0, kind: "user", option: "--target"))] }
            ?? Array(0..<log.users.count)
        let train = log.matrix()
        reportDuplicates(log: log, train: train, context: context)
        let k = min(top, log.items.count)
        if k < top { context.warn(Strings.clampedTop(top, available: k)) }
        let recommender = Recommender(
            train: train, itemIDs: log.items.ids, settings: settings,
            contentVectors: content?.vectors(for: log.items.ids))
        let recs = try recommender.recommend(method, users: users, k: k, context: context)
        let explainer = RecommendationExplainer(
            recommender: recommender, method: method, log: log, content: content,
            labels: ReasonLabels(chinese: TextScript.prefersChinese(dataset.columnNames)))
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
                    recs.count, user: target, method: method.rawValue, history: train.range(ofRow: user).count,
                    name: name))
        } else {
            let coldStart = users.filter { train.range(ofRow: $0).isEmpty }.count
            context.print(
                Strings.allUsersSummary(
                    users: users.count, rows: recs.count, method: method.rawValue, coldStart: coldStart, name: name))
        }
        context.table(output)
    }

    private func reportDuplicates(log: InteractionLog, train: SparseMatrix, context: CommandContext) {
        let repeated = log.count - train.nonZeroCount
        if repeated > 0 { context.note(Strings.duplicateInteractions(repeated, summed: columns.weight != nil)) }
    }
}
