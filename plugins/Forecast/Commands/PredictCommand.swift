import ArgumentParser
import OpsKit

/// `forecast predict`: one forecast per series with intervals.
struct PredictCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", abstract: Strings.predictAbstract.encoded, discussion: Strings.predictDiscussion.encoded)

    static let examples = [
        "forecast predict sales --date date --value units --by sku --horizon 14",
        "forecast predict sales --date date --value units --by sku --horizon 28 --model ets --level 80,95 --as fc",
        "forecast predict sales --date date --value units --by sku --horizon 14 --select backtest --plot",
        "forecast predict sales --date date --value units --by sku --horizon 28 --events auto,promos --as fc",
        "forecast predict sales --date date --value units --by sku --horizon 14 --regressors price --future prices",
    ]

    @OptionGroup var series: SeriesOptions

    @OptionGroup var eventOptions: EventOptions

    @Option(help: ArgumentHelp(Strings.modelHelp),
            completion: .list(ModelKind.allCases.map(\.rawValue)))
    var model: String = "auto"

    @Option(help: ArgumentHelp(Strings.selectHelp),
            completion: .list(["aicc", "backtest"]))
    var select: String = "aicc"

    @Option(help: ArgumentHelp(Strings.levelHelp))
    var level: String = "80,95"

    @Flag(help: ArgumentHelp(Strings.plotHelp))
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
        let (table, sales) = try series.loadWithData(in: context)
        let horizon = series.horizon
        var job = ForecastJob(model: kind, seasons: try series.seasonSpec(), horizon: horizon, selectByBacktest: byBacktest)
        var holdoutEvents: EventEffects?
        if let features = try eventOptions.features(table: table, sales: sales, byName: series.by, horizon: horizon, context: context) {
            let period = EventEffects.baselinePeriod(table.frequency)
            let effects = EventEffects.fit(values: table.values, lengths: table.values.map(\.count), features: features, period: period,
                                           isCancelled: { context.isCancelled })
            try context.checkCancellation()
            EventOptions.reportBorrowed(effects, table: table, horizon: horizon, context: context)
            job.events = effects
            holdoutEvents = EventEffects.foldFits(values: table.values, features: features, period: period, horizon: horizon, folds: 1).first
        }
        let results = try job.run(table, context: context)
        let name = result.name(or: "forecasts")
        let shown = min(ForecastReport.shownSeries, table.count)
        let scores = (0..<shown).map {
            job.holdout(table.values[$0], frequency: table.frequency, result: results[$0], series: $0, holdoutEvents: holdoutEvents)
        }
        try context.store(try ForecastOutput.dataset(table: table, results: results, horizon: horizon, levels: levels,
                                                     effects: job.events, scores: scores), as: name)
        if let effects = job.events {
            try context.store(try EffectsOutput.dataset(table: table, effects: effects, horizon: horizon), as: EffectsOutput.name(for: name))
        }

        reportSeasons(table: table, results: results, context: context)
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
