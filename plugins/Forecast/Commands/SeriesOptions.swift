import ArgumentParser
import OpsKit

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

    @Option(help: ArgumentHelp(Strings.freqHelp))
    var freq: AutoOr<Frequency> = .auto

    @Option(help: ArgumentHelp(Strings.seasonHelp))
    var season: SeasonSpec = .auto

    @Option(help: ArgumentHelp(Strings.negativeHelp))
    var negative: NegativePolicy = .keep

    @Option(help: ArgumentHelp(Strings.gapsHelp))
    var gaps: GapPolicy = .missing

    @Option(name: .customLong("horizon"), help: ArgumentHelp(Strings.horizonHelp))
    var horizonPeriods: Bounded<PeriodCount>

    /// `--horizon`: periods to forecast.
    var horizon: Int { horizonPeriods.value }

    init() {}

    /// Reads the series out of the dataset.
    func load(in context: CommandContext) throws -> SeriesTable { try loadWithData(in: context).table }

    /// The series and the sales dataset they were read from.
    func loadWithData(in context: CommandContext) throws -> (table: SeriesTable, data: Dataset) {
        let data = try context.dataset(dataset)
        let table = try SeriesTable(
            dataset: data, date: date, value: value, by: by, frequency: freq.fixed, negative: negative, gaps: gaps)
        for warning in table.warnings { context.warn(warning) }
        for note in table.notes { context.note(note) }
        return (table, data)
    }
}
