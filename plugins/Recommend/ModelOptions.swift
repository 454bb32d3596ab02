import ArgumentParser
import OpsKit

/// Shared model options of `recommend for` and `recommend evaluate`.
struct ModelOptions: ParsableArguments, DeclaresOptionRules {
    @Option(help: ArgumentHelp(Strings.neighboursHelp)) var neighbours: PositiveInt = 20
    @Option(help: ArgumentHelp(Strings.shrinkHelp)) var shrink: NonNegativeDouble = 5
    @Option(help: ArgumentHelp(Strings.blendHelp)) var blend: Fraction = 0.7
    @Option(help: ArgumentHelp(Strings.betaHelp)) var beta: Bounded<PopularityPenalty> = 0.5
    @Option(help: ArgumentHelp(Strings.lambdaHelp)) var lambda: PositiveDouble = 250
    @Option(name: .customLong("popularity-blend"), help: ArgumentHelp(Strings.popularityBlendHelp))
    var popularityBlend: Fraction = 0
    @Flag(name: .customLong("include-owned"), help: ArgumentHelp(Strings.includeOwnedHelp)) var includeOwned = false
    @Option(help: ArgumentHelp(Strings.catalogHelp), completion: Completion.dataset) var catalog: String?
    @Option(name: .customLong("text"), help: ArgumentHelp(Strings.catalogTextHelp), completion: .columns(of: "--catalog"))
    var text: String?
    @Option(name: .customLong("catalog-id"), help: ArgumentHelp(Strings.catalogIDHelp), completion: .columns(of: "--catalog"))
    var catalogID: String?

    /// A catalogue is read through its text column (and an optional id column).
    static let rules: [OptionRule] = [.together("--catalog", "--text"), .requires("--catalog-id", "--catalog")]

    init() {}

    /// The hyper-parameters, in range by their types.
    var settings: ModelSettings {
        ModelSettings(
            neighbours: neighbours.value, shrink: shrink.value, blend: blend.value, beta: beta.value, lambda: lambda.value,
            popularityBlend: popularityBlend.value, includeOwned: includeOwned)
    }

    /// The catalogue's TF-IDF index, when --catalog (with its --text) is given.
    func contentIndex(itemColumn: String, context: CommandContext) throws -> ContentIndex? {
        guard let catalog, let text else { return nil }
        let dataset = try context.dataset(catalog)
        let id = catalogID ?? (dataset.index(ofColumn: itemColumn) != nil ? itemColumn : dataset.columnNames.first ?? "")
        let index = try ContentIndex(
            dataset: dataset, idColumn: id, textColumn: text, options: .init(), idOption: "--catalog-id")
        if index.skippedItems > 0 { context.note(Strings.skippedText(index.skippedItems, column: text)) }
        if index.duplicateRows > 0 { context.warn(Strings.duplicateIDs(index.duplicateRows)) }
        return index
    }
}
