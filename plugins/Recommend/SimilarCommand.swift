import ArgumentParser
import OpsKit

/// `recommend similar`: content-based neighbours of one item, a basket, or every item.
struct SimilarCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar", abstract: Strings.similarAbstract.encoded, discussion: Strings.similarDiscussion.encoded)

    static var examples: [String] {
        [
            "recommend similar products --text 描述 --id 商品ID --item P001 --top 5",
            "recommend similar products --text 描述 --item P001,P017 --as basket_ideas",
            "recommend similar products --text 描述 --all-items --top 10 --as similar_all",
        ]
    }

    @Argument(help: ArgumentHelp(Strings.productsHelp), completion: Completion.dataset) var products: String
    @Option(help: ArgumentHelp(Strings.textHelp), completion: Completion.columns) var text: String
    @Option(help: ArgumentHelp(Strings.idHelp), completion: Completion.columns) var id: String?
    @Option(help: ArgumentHelp(Strings.itemHelp)) var item: [CommaList<String>] = []
    @Flag(help: ArgumentHelp(Strings.allItemsHelp)) var allItems = false
    @Option(name: .customLong("top"), help: ArgumentHelp(Strings.topSimilarHelp)) var topCount: PositiveInt = 5
    @Flag(name: .customLong("sublinear-tf"), help: ArgumentHelp(Strings.sublinearHelp)) var sublinearTF = false
    @OptionGroup var result: ResultNameOption

    static let rules: [OptionRule] = [.oneOf("--item", "--all-items")]

    private var top: Int { topCount.value }

    mutating func run(in context: CommandContext) throws {
        let basketIDs = item.flatMap(\.elements)
        let dataset = try context.dataset(products)
        let idName = id ?? dataset.columnNames.first ?? ""
        let index = try ContentIndex(
            dataset: dataset, idColumn: idName, textColumn: text, options: .init(sublinearTF: sublinearTF))
        if index.skippedItems > 0 { context.note(Strings.skippedText(index.skippedItems, column: text)) }
        if index.duplicateRows > 0 { context.warn(Strings.duplicateIDs(index.duplicateRows)) }
        let idColumn = try dataset.column(idName, option: "--id")
        let explainer = SimilarityExplainer(
            index: index, labels: ReasonLabels())
        let name = result.name(or: "similar")
        if allItems {
            try runAll(index: index, explainer: explainer, idColumn: idColumn, name: name, context: context)
        } else {
            try runBasket(basketIDs, index: index, explainer: explainer, idColumn: idColumn, name: name, context: context)
        }
    }

    private func runBasket(
        _ basketIDs: [String], index: ContentIndex, explainer: SimilarityExplainer, idColumn: Column, name: String,
        context: CommandContext
    ) throws {
        let basket = try Array(Set(basketIDs.map { try Int(index.ids.require($0, kind: Strings.itemKind, option: "--item")) })).sorted()
        for i in basket where !index.hasText(i) { throw Strings.itemHasNoText(index.ids.ids[i], column: text) }
        let candidates = (0..<index.ids.count).filter { index.hasText($0) }.count - basket.count
        let k = min(top, candidates)
        if k < top { context.warn(Strings.clampedTop(top, available: k)) }
        let query = index.query(basket)
        var found: [(item: Int, score: Double)] = []
        if k > 0 {
            let rows = try SparseTopK.product(query, index.vectors.transposed(), k: k + basket.count)
            found = rows.row(0).map { (Int($0.column), $0.score) }.filter { !basket.contains($0.item) }
            found = Array(found.prefix(k))
        }
        let dataset = try Dataset(
            columns: [ResultColumns.ids(idColumn.name, found.map { index.ids.ids[$0.item] }, like: idColumn)]
                + ResultColumns.ranked(
                    ranks: found.indices.map { $0 + 1 }, scores: found.map(\.score),
                    reasons: found.map { explainer.reason(item: $0.item, query: query) }))
        try context.store(dataset, as: name)
        let queryLabel = basket.map { "\(index.ids.ids[$0]) (\(index.texts[$0].trimmingWhitespace()))" }
            .joined(separator: ", ")
        context.print(Strings.similarSummary(found.count, query: queryLabel, name: name))
        context.table(dataset)
    }

    private func runAll(
        index: ContentIndex, explainer: SimilarityExplainer, idColumn: Column, name: String, context: CommandContext
    ) throws {
        let items = (0..<index.ids.count).filter { index.hasText($0) }
        let k = min(top, items.count - 1)
        guard k >= 1 else { throw Strings.noText(column: text) }
        if k < top { context.warn(Strings.clampedTop(top, available: k)) }
        let progress = context.progress(Strings.progressContent, total: items.count)
        let rows = try SparseTopK.product(
            index.vectors, index.vectors.transposed(), k: k, rows: items, exclude: .diagonal,
            isCancelled: { context.isCancelled }, progress: { progress.advance(by: $0) })
        progress.finish()
        let table = try explainer.allPairs(rows, items: items, context: context)
        let ids = index.ids.ids
        let dataset = try Dataset(
            columns: [
                ResultColumns.ids(idColumn.name, table.source.map { ids[$0] }, like: idColumn),
                ResultColumns.ids("similar_" + idColumn.name, table.target.map { ids[$0] }, like: idColumn),
            ] + ResultColumns.ranked(ranks: table.rank, scores: table.score, reasons: table.reason))
        try context.store(dataset, as: name)
        context.print(Strings.allSimilarSummary(items: items.count, rows: dataset.rowCount, name: name))
        context.table(dataset, maxRows: 10)
    }
}
