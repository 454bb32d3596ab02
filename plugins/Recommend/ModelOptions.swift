import ArgumentParser
import OpsKit

/// Shared model options of `recommend for` and `recommend evaluate`.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.neighboursHelp)) var neighbours: Int = 20
    @Option(help: ArgumentHelp(Strings.shrinkHelp)) var shrink: Double = 5
    @Option(help: ArgumentHelp(Strings.blendHelp)) var blend: Double = 0.7
    @Option(help: ArgumentHelp(Strings.betaHelp)) var beta: Double = 0.5
    @Option(help: ArgumentHelp(Strings.lambdaHelp)) var lambda: Double = 250
    @Option(name: .customLong("popularity-blend"), help: ArgumentHelp(Strings.popularityBlendHelp))
    var popularityBlend: Double = 0
    @Flag(name: .customLong("include-owned"), help: ArgumentHelp(Strings.includeOwnedHelp)) var includeOwned = false
    @Option(help: ArgumentHelp(Strings.catalogHelp), completion: Completion.dataset) var catalog: String?
    @Option(name: .customLong("text"), help: ArgumentHelp(Strings.catalogTextHelp)) var text: String?
    @Option(name: .customLong("catalog-id"), help: ArgumentHelp(Strings.catalogIDHelp)) var catalogID: String?

    init() {}

    /// Validated hyper-parameters.
    func settings() throws -> ModelSettings {
        guard neighbours >= 1 else { throw Strings.positive("--neighbours", neighbours) }
        guard shrink >= 0, shrink.isFinite else { throw Strings.outOfRange("--shrink", shrink, "[0, ∞)") }
        guard (0...1).contains(blend) else { throw Strings.outOfRange("--blend", blend, "[0, 1]") }
        guard (0...2).contains(beta) else { throw Strings.outOfRange("--beta", beta, "[0, 2]") }
        guard lambda > 0, lambda.isFinite else { throw Strings.outOfRange("--lambda", lambda, "(0, ∞)") }
        guard (0...1).contains(popularityBlend) else {
            throw Strings.outOfRange("--popularity-blend", popularityBlend, "[0, 1]")
        }
        return ModelSettings(
            neighbours: neighbours, shrink: shrink, blend: blend, beta: beta, lambda: lambda,
            popularityBlend: popularityBlend, includeOwned: includeOwned)
    }

    /// The catalogue's TF-IDF index, when --catalog is given (then --text is required).
    func contentIndex(itemColumn: String, context: CommandContext) throws -> ContentIndex? {
        guard let catalog else { return nil }
        guard let text else { throw Strings.catalogRequired("content") }
        let dataset = try context.dataset(catalog)
        let id = catalogID ?? (dataset.index(ofColumn: itemColumn) != nil ? itemColumn : dataset.columnNames.first ?? "")
        let index = try ContentIndex(
            dataset: dataset, idColumn: id, textColumn: text, options: .init(), idOption: "--catalog-id")
        if index.skippedItems > 0 { context.note(Strings.skippedText(index.skippedItems, column: text)) }
        if index.duplicateRows > 0 { context.warn(Strings.duplicateIDs(index.duplicateRows)) }
        return index
    }
}
