import ArgumentParser
import Dispatch
import OpsKit

/// `forecast backtest`: rolling-origin evaluation of several models.
struct BacktestCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest", abstract: Strings.backtestAbstract.encoded, discussion: Strings.backtestDiscussion.encoded)

    static let examples = [
        "forecast backtest daily_sales --date date --value units --by sku --horizon 14 --folds 3",
        "forecast backtest daily_sales --date date --value units --by sku --horizon 7 --models croston,sba,tsb,ets --as bt",
    ]

    @OptionGroup var series: SeriesOptions

    @OptionGroup var eventOptions: EventOptions

    @Option(name: .customLong("folds"), help: ArgumentHelp(Strings.foldsHelp))
    var foldCount: Bounded<FoldCount> = 3

    @Option(help: ArgumentHelp(Strings.modelsHelp))
    var models: CommaList<ModelKind> = [.auto, .snaive, .ets, .theta, .sba]

    @OptionGroup var result: ResultNameOption

    static var rules: [OptionRule] { EventOptions.rules }

    mutating func run(in context: CommandContext) throws {
        let kinds = Array(models)
        let (table, sales) = try series.loadWithData(in: context)
        let seasons = series.season
        let horizon = series.horizon, folds = foldCount.value
        let period = EventEffects.baselinePeriod(table.frequency)
        let features = try eventOptions.features(table: table, sales: sales, byName: series.by, horizon: 0, context: context)
        let foldFits = features.map {
            EventEffects.foldFits(values: table.values, features: $0, period: period, horizon: horizon, folds: folds, isCancelled: { context.isCancelled })
        }
        var scores = [BacktestScore?](repeating: nil, count: table.count * kinds.count)
        let progress = context.progress(Strings.backtesting, total: table.count)
        scores.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: table.count) { s in
                if context.isCancelled { return }
                let y = table.values[s]
                let periods = seasons.periods(for: table.frequency, length: y.count)
                let events = foldFits.map { Backtest.FoldEvents(fits: $0, series: s, period: period) }
                for (k, kind) in kinds.enumerated() {
                    out[s * kinds.count + k] = Backtest.evaluate(y, model: kind, seasons: periods, horizon: horizon, folds: folds, events: events)
                }
                progress.advance()
            }
        }
        progress.finish()
        try context.checkCancellation()
        let name = result.name(or: "backtest")
        let (dataset, overall, skipped) = try BacktestOutput.build(table: table, kinds: kinds, scores: scores)
        try context.store(dataset, as: name)
        if skipped > 0 { context.note(Strings.tooShortForBacktest(skipped, horizon: horizon)) }
        BacktestOutput.printOverall(kinds: kinds, overall: overall, context: context)
        context.confirm(Strings.backtestStored(name, series: table.count, models: kinds.count, folds: folds, horizon: horizon))
    }
}

/// The per-series table and the overall summary of a backtest.
enum BacktestOutput {
    static let metricNames = [
        "windows", "smape", "mase", "mae", "bias", "bias_pct", "coverage_80", "coverage_95", "service_level", "fill_rate",
        "mase_event", "mase_ordinary", "bias_pct_event",
    ]

    static func metrics(_ s: BacktestScore) -> [Double] {
        [Double(s.windows), s.smape, s.mase, s.mae, s.bias, s.biasPercent, s.coverage80, s.coverage95, s.serviceLevel, s.fillRate,
         s.maseEvent, s.maseOrdinary, s.biasPercentEvent]
    }

    static func build(table: SeriesTable, kinds: [ModelKind], scores: [BacktestScore?]) throws -> (Dataset, [BacktestScore], Int) {
        var keyRows: [Int] = [], modelNames: [String] = []
        var columns = metricNames.map { _ in [Double?]() }
        var overall = kinds.map { _ in BacktestScore() }
        var skipped = 0
        for s in 0..<table.count {
            guard kinds.indices.contains(where: { scores[s * kinds.count + $0] != nil }) else {
                skipped += 1
                continue
            }
            for (k, kind) in kinds.enumerated() {
                guard let score = scores[s * kinds.count + k] else { continue }
                overall[k].merge(score)
                keyRows.append(table.keyRows[s])
                modelNames.append(kind.rawValue)
                for (i, v) in metrics(score).enumerated() { columns[i].append(v.isFinite ? v : nil) }
            }
        }
        var out: [Column] = []
        if let by = table.byColumn { out.append(by.selecting(rows: keyRows)) }
        out.append(Column(name: "model", strings: modelNames))
        for (i, name) in metricNames.enumerated() { out.append(Column(name: name, doubles: columns[i])) }
        return (try Dataset(columns: out), overall, skipped)
    }

    static func printOverall(kinds: [ModelKind], overall: [BacktestScore], context: CommandContext) {
        let events = overall.contains { $0.eventPoints > 0 }
        let rows = zip(kinds, overall).map { kind, s in
            [kind.rawValue] + [s.smape, s.mase, s.mae, s.bias, s.biasPercent].map(ForecastReport.format)
                + [s.coverage80, s.coverage95, s.serviceLevel, s.fillRate].map(percent)
                + (events ? [s.maseEvent, s.maseOrdinary, s.biasPercentEvent].map(ForecastReport.format) : [])
        }
        let headers = Strings.backtestHeaders
            + (events ? [Strings.maseEventHeader, Strings.maseOrdinaryHeader, Strings.biasEventHeader] : [])
        context.table(headers: headers, rows: rows, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        if let best = zip(kinds, overall).filter({ $0.1.mase.isFinite }).min(by: { $0.1.mase < $1.1.mase }) {
            context.print(Strings.bestModel(best.0.rawValue, mase: ForecastReport.format(best.1.mase)))
        }
    }

    static func percent(_ v: Double) -> String { v.isFinite ? ValueFormat.fixed(100 * v, digits: 1) + "%" : "–" }
}
