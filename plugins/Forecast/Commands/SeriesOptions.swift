import ArgumentParser
import OpsKit

extension GapPolicy: ExpressibleByArgument {}

/// The options that say where the series are: shared by `predict` and `backtest`.
struct SeriesOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(Strings.salesHelp), completion: Completion.dataset)
    var dataset: String

    @Option(help: ArgumentHelp(Strings.dateHelp), completion: Completion.columns)
    var date: String

    @Option(help: ArgumentHelp(Strings.valueHelp), completion: Completion.columns)
    var value: String

    @Option(help: ArgumentHelp(Strings.byHelp), completion: Completion.columns)
    var by: String?

    @Option(help: ArgumentHelp(Strings.freqHelp), completion: .list(["auto", "H", "D", "W", "M"]))
    var freq: String = "auto"

    @Option(help: ArgumentHelp(Strings.seasonHelp))
    var season: String = "auto"

    @Option(help: ArgumentHelp(Strings.negativeHelp), completion: .list(["keep", "clip", "error"]))
    var negative: String = "keep"

    @Option(help: ArgumentHelp(Strings.gapsHelp), completion: .list(GapPolicy.allCases.map(\.rawValue)))
    var gaps: GapPolicy = .missing

    @Option(help: ArgumentHelp(Strings.horizonHelp))
    var horizon: Int

    init() {}

    /// Checks the horizon and reads the series out of the dataset.
    func load(in context: CommandContext) throws -> SeriesTable { try loadWithData(in: context).table }

    /// The series and the sales dataset they were read from.
    func loadWithData(in context: CommandContext) throws -> (table: SeriesTable, data: Dataset) {
        guard (1...10_000).contains(horizon) else {
            throw OpsError.invalidOption("--horizon", Strings.badHorizon(horizon), hint: Strings.horizonHint)
        }
        guard let policy = NegativePolicy(rawValue: negative.lowercased()) else {
            throw OpsError.invalidOption("--negative", Strings.badNegative(negative), hint: Strings.negativeHint)
        }
        let data = try context.dataset(dataset)
        let table = try SeriesTable(
            dataset: data, date: date, value: value, by: by, frequency: try Frequency.parse(freq), negative: policy, gaps: gaps)
        for warning in table.warnings { context.warn(warning) }
        for note in table.notes { context.note(note) }
        return (table, data)
    }

    func seasonSpec() throws -> SeasonSpec { try SeasonSpec(parsing: season) }
}
