import ArgumentParser
import OpsKit

/// `forecast predict`: one forecast per series with intervals.
struct PredictCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", abstract: Strings.predictAbstract, discussion: Strings.predictDiscussion)

    static let examples = [
        "forecast predict sales --date date --value units --by sku --horizon 14",
        "forecast predict sales --date date --value units --by sku --horizon 28 --model ets --level 80,95 --as fc",
        "forecast predict sales --date date --value units --by sku --horizon 14 --select backtest --plot",
    ]

    @OptionGroup var series: SeriesOptions

    @Option(help: "Model: auto, naive, snaive, drift, ma, ses, holt, damped, holt-winters, ets, theta, mstl, croston, sba or tsb.",
            completion: .list(ModelKind.allCases.map(\.rawValue)))
    var model: String = "auto"

    @Option(help: "How --model auto chooses: aicc (ETS by AICc, SBA for intermittent demand) or backtest (lowest rolling-origin MASE).",
            completion: .list(["aicc", "backtest"]))
    var select: String = "aicc"

    @Option(help: "Interval coverages in percent, e.g. 80,95.")
    var level: String = "80,95"

    @Flag(help: "Chart history, forecast and interval (always shown for a single series).")
    var plot = false

    @OptionGroup var result: ResultNameOption

    mutating func run(in context: CommandContext) throws {
        let kind = try ModelKind.parse(model, option: "--model")
        let levels = try ForecastOutput.levels(level)
        guard ["aicc", "backtest"].contains(select.lowercased()) else {
            throw OpsError.invalidOption("--select", Strings.badSelect(select), hint: Strings.selectHint)
        }
        let byBacktest = select.lowercased() == "backtest"
        if byBacktest, kind != .auto { context.note(Strings.selectNeedsAuto) }
        let table = try series.load(in: context)
        let job = ForecastJob(model: kind, seasons: try series.seasonSpec(), horizon: series.horizon, selectByBacktest: byBacktest)
        let results = try job.run(table, context: context)
        let name = result.name(or: "forecasts")
        try context.store(try ForecastOutput.dataset(table: table, results: results, horizon: series.horizon, levels: levels), as: name)

        reportSeasons(table: table, results: results, context: context)
        let shown = min(ForecastReport.shownSeries, table.count)
        let scores = (0..<shown).map { job.holdout(table.values[$0], frequency: table.frequency, result: results[$0]) }
        ForecastReport.summary(table: table, results: results, scores: scores, context: context)
        context.print(Strings.modelCounts(results.map(\.forecast.model)))
        if table.count == 1 || plot {
            for s in 0..<min(ForecastReport.chartedSeries, table.count) {
                ForecastReport.chart(table: table, series: s, result: results[s], level: levels.last!, context: context)
            }
            if table.count > ForecastReport.chartedSeries { context.print(Strings.chartsLimited(ForecastReport.chartedSeries, total: table.count)) }
        }
        context.confirm(Strings.predictStored(name, rows: table.count * series.horizon, series: table.count, horizon: series.horizon,
                                              frequency: table.frequency.rawValue))
    }

    private func reportSeasons(table: SeriesTable, results: [SeriesResult], context: CommandContext) {
        var dropped: [Int: Int] = [:]
        for r in results { for p in r.droppedSeasons { dropped[p, default: 0] += 1 } }
        for (period, count) in dropped.sorted(by: { $0.key < $1.key }) {
            context.note(Strings.seasonDropped(period, series: count, total: table.count))
        }
    }
}
