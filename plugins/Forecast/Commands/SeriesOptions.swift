import ArgumentParser
import OpsKit

/// The options that say where the series are: shared by `predict` and `backtest`.
struct SeriesOptions: ParsableArguments {
    @Argument(help: "Sales dataset: one row per date (and per series).", completion: Completion.dataset)
    var dataset: String

    @Option(help: "Date column (date, date-time, or text such as 2026-01-31).", completion: Completion.columns)
    var date: String

    @Option(help: "Demand column (numeric).", completion: Completion.columns)
    var value: String

    @Option(help: "Series column, e.g. the SKU: one forecast per value.", completion: Completion.columns)
    var by: String?

    @Option(help: "Frequency: auto, H, D, W or M.", completion: .list(["auto", "H", "D", "W", "M"]))
    var freq: String = "auto"

    @Option(help: "Seasonal periods: auto (H 24,168; D 7 and 365 on long series; W 52; M 12), N or N1,N2, or none.")
    var season: String = "auto"

    @Option(help: "Negative demand: keep (with a warning), clip (to 0) or error.", completion: .list(["keep", "clip", "error"]))
    var negative: String = "keep"

    @Option(help: "Forecast horizon in periods (1 to 10000).")
    var horizon: Int

    init() {}

    /// Checks the horizon and reads the series out of the dataset.
    func load(in context: CommandContext) throws -> SeriesTable {
        guard (1...10_000).contains(horizon) else {
            throw OpsError.invalidOption("--horizon", Strings.badHorizon(horizon), hint: Strings.horizonHint)
        }
        guard let policy = NegativePolicy(rawValue: negative.lowercased()) else {
            throw OpsError.invalidOption("--negative", Strings.badNegative(negative), hint: Strings.negativeHint)
        }
        let data = try context.dataset(dataset)
        let table = try SeriesTable(
            dataset: data, date: date, value: value, by: by, frequency: try Frequency.parse(freq), negative: policy)
        for warning in table.warnings { context.warn(warning) }
        for note in table.notes { context.note(note) }
        return table
    }

    func seasonSpec() throws -> SeasonSpec { try SeasonSpec(parsing: season) }
}
