import ArgumentParser
import OpsKit

/// Builders for the result datasets' columns.
enum ResultColumns {
    /// Ids under `name`, as integers when the source id column was an integer column (so joins keep working).
    static func ids(_ name: String, _ ids: [String], like source: Column) -> Column {
        if source.type == .integer {
            let numbers = ids.map { Int64($0) }
            if numbers.allSatisfy({ $0 != nil }) { return Column(name: name, integers: numbers.map { $0! }) }
        }
        return Column(name: name, strings: ids)
    }

    /// `rank`, `score` and `reason`.
    static func ranked(ranks: [Int], scores: [Double], reasons: [String]) -> [Column] {
        [
            Column(name: "rank", integers: ranks.map(Int64.init)),
            Column(name: "score", doubles: scores),
            Column(name: "reason", strings: reasons),
        ]
    }
}

/// Shared model options of `recommend for` and `recommend evaluate`.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.neighboursHelp)) var neighbours: Int = 20
    @Option(help: ArgumentHelp(Strings.shrinkHelp)) var shrink: Double = 5
    @Option(help: ArgumentHelp(Strings.blendHelp)) var blend: Double = 0.7
    @Option(help: ArgumentHelp(Strings.catalogHelp), completion: Completion.dataset) var catalog: String?
    @Option(name: .customLong("text"), help: ArgumentHelp(Strings.catalogTextHelp)) var text: String?
    @Option(name: .customLong("catalog-id"), help: ArgumentHelp(Strings.catalogIDHelp)) var catalogID: String?

    init() {}

    /// Validated hyper-parameters.
    func settings() throws -> ModelSettings {
        guard neighbours >= 1 else { throw Strings.positive("--neighbours", neighbours) }
        guard shrink >= 0, shrink.isFinite else { throw Strings.outOfRange("--shrink", shrink, "[0, ∞)") }
        guard (0...1).contains(blend) else { throw Strings.outOfRange("--blend", blend, "[0, 1]") }
        return ModelSettings(neighbours: neighbours, shrink: shrink, blend: blend)
    }

    /// The catalogue's TF-IDF index, when --catalog is given (then --text is required).
    func contentIndex(itemColumn: String, context: CommandContext) throws -> ContentIndex? {
        guard let catalog else { return nil }
        guard let text else { throw Strings.catalogRequired("content") }
        let dataset = try context.dataset(catalog)
        let id = catalogID ?? (dataset.index(ofColumn: itemColumn) != nil ? itemColumn : dataset.columnNames.first ?? "")
        let index = try ContentIndex(dataset: dataset, idColumn: id, textColumn: text, options: .init())
        if index.skippedItems > 0 { context.note(Strings.skippedText(index.skippedItems, column: text)) }
        if index.duplicateRows > 0 { context.warn(Strings.duplicateIDs(index.duplicateRows)) }
        return index
    }
}
