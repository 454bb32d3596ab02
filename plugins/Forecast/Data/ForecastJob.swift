import Dispatch
import OpsKit

/// One series' forecast, how it was chosen, and its backtest score when computed.
struct SeriesResult: Sendable {
    var forecast: PointForecast
    var backtest: BacktestScore?
    /// Seasons dropped because the series is shorter than two of them.
    var droppedSeasons: [Int]
}

/// Forecasts every series of a table independently, spread over all cores.
struct ForecastJob {
    var model: ModelKind
    var seasons: SeasonSpec
    var horizon: Int
    var selectByBacktest: Bool
    var folds = 2

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
                    out[s] = forecastOne(table.values[s], frequency: table.frequency)
                }
                progress.advance(by: min(table.count, (c + 1) * chunk) - c * chunk)
            }
        }
        try context.checkCancellation()
        return results.map { $0! }
    }

    func forecastOne(_ y: [Double], frequency: Frequency) -> SeriesResult {
        let requested = seasons.periods(for: frequency, length: y.count)
        let profile = SeriesProfile(y, seasons: requested)
        let dropped = requested.filter { !profile.seasons.contains($0) }
        var kind = model
        var score: BacktestScore?
        if selectByBacktest, model == .auto, let (best, bestScore) = ModelSelection.choose(y, seasons: requested, horizon: horizon, folds: folds) {
            kind = best
            score = bestScore
        }
        let forecast = Forecaster.forecast(y, model: kind, profile: profile, horizon: horizon)
        return SeriesResult(forecast: forecast, backtest: score, droppedSeasons: dropped)
    }

    /// A one-window holdout score of the chosen method (for the summary table).
    func holdout(_ y: [Double], frequency: Frequency, result: SeriesResult) -> BacktestScore? {
        if let score = result.backtest { return score }
        let requested = seasons.periods(for: frequency, length: y.count)
        return Backtest.evaluate(y, model: model, seasons: requested, horizon: horizon, folds: 1)
    }
}
