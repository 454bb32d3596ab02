import Dispatch
import OpsKit

/// One series' forecast, how it was chosen, and its backtest score when computed.
struct SeriesResult: Sendable {
    var forecast: PointForecast
    var backtest: BacktestScore?
    /// Seasons dropped because the series is shorter than two of them.
    var droppedSeasons: [Int]
    /// The events in the forecast horizon and their strongest lift (log scale).
    var events: [(event: String, lift: Double)] = []
}

/// Forecasts every series of a table, spread over all cores. With event effects,
/// each series' base model is fitted to its history with the events divided out,
/// and its forecast multiplied by the lifts of the events ahead.
struct ForecastJob {
    var model: ModelKind
    var seasons: SeasonSpec
    var horizon: Int
    var selectByBacktest: Bool
    var folds = 2
    var events: EventEffects?

    func run(_ table: SeriesTable, context: CommandContext) throws -> [SeriesResult] {
        var results = [SeriesResult?](repeating: nil, count: table.count)
        let progress = context.progress(Strings.forecasting, total: table.count)
        defer { progress.finish() }
        let chunk = max(1, min(64, table.count / 16))
        let chunks = (table.count + chunk - 1) / chunk
        results.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for s in (c * chunk)..<min(table.count, (c + 1) * chunk) {
                    if context.isCancelled { return }
                    out[s] = forecastOne(table.values[s], frequency: table.frequency, series: s)
                }
                progress.advance(by: min(table.count, (c + 1) * chunk) - c * chunk)
            }
        }
        try context.checkCancellation()
        return results.map { $0! }
    }

    /// The history a base model sees: events divided out (when known) and missing periods filled.
    func prepared(_ y: [Double], frequency: Frequency, series s: Int) -> [Double] {
        let period = EventEffects.baselinePeriod(frequency)
        if let events { return events.adjusted(series: s, y: y[...], period: period) }
        return Baseline.filled(y, period: max(period, seasons.periods(for: frequency, length: y.count).first ?? 1))
    }

    func forecastOne(_ raw: [Double], frequency: Frequency, series s: Int) -> SeriesResult {
        let y = prepared(raw, frequency: frequency, series: s)
        let requested = seasons.periods(for: frequency, length: y.count)
        let profile = SeriesProfile(y, seasons: requested)
        let dropped = requested.filter { !profile.seasons.contains($0) }
        var kind = model
        var score: BacktestScore?
        if selectByBacktest, model == .auto, let (best, bestScore) = ModelSelection.choose(y, seasons: requested, horizon: horizon, folds: folds) {
            kind = best
            score = bestScore
        }
        var forecast = Forecaster.forecast(y, model: kind, profile: profile, horizon: horizon)
        var ahead: [(event: String, lift: Double)] = []
        if let events {
            events.apply(to: &forecast, series: s, historyLength: y.count)
            ahead = events.eventsAhead(series: s, from: y.count, horizon: horizon)
            if !ahead.isEmpty { forecast.model += "+events" }
        }
        return SeriesResult(forecast: forecast, backtest: score, droppedSeasons: dropped, events: ahead)
    }

    /// A one-window holdout score of the chosen method (for the summary table); `holdoutEvents`
    /// are the event effects fitted on the history before the window.
    func holdout(_ y: [Double], frequency: Frequency, result: SeriesResult, series s: Int, holdoutEvents: EventEffects?) -> BacktestScore? {
        if let score = result.backtest { return score }
        let requested = seasons.periods(for: frequency, length: y.count)
        let foldEvents = holdoutEvents.map { Backtest.FoldEvents(fits: [$0], series: s, period: EventEffects.baselinePeriod(frequency)) }
        return Backtest.evaluate(y, model: model, seasons: requested, horizon: horizon, folds: 1, events: foldEvents)
    }
}
