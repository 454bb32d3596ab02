import Foundation

/// Rolling-origin evaluation: the last `folds` windows of `horizon` periods are
/// forecast from the history before each, and scored.
struct BacktestScore: Sendable {
    var smapeSum = 0.0, maseSum = 0.0, windows = 0, maseWindows = 0
    var errorSum = 0.0, actualSum = 0.0, absoluteErrorSum = 0.0, points = 0
    var inside80 = 0, inside95 = 0, belowUpper95 = 0, servedSum = 0.0
    /// Scaled absolute errors (|error| / in-sample naive MAE), errors and actuals on event and ordinary periods.
    var eventScaledSum = 0.0, eventErrorSum = 0.0, eventActualSum = 0.0, eventPoints = 0
    var ordinaryScaledSum = 0.0, ordinaryPoints = 0

    var smape: Double { windows > 0 ? smapeSum / Double(windows) : .nan }
    var mase: Double { maseWindows > 0 ? maseSum / Double(maseWindows) : .nan }
    var mae: Double { points > 0 ? absoluteErrorSum / Double(points) : .nan }
    /// Mean forecast minus actual, per period (positive: over-forecasting).
    var bias: Double { points > 0 ? errorSum / Double(points) : .nan }
    /// Bias relative to mean demand, in percent.
    var biasPercent: Double { actualSum != 0 ? 100 * errorSum / abs(actualSum) : .nan }
    var coverage80: Double { points > 0 ? Double(inside80) / Double(points) : .nan }
    var coverage95: Double { points > 0 ? Double(inside95) / Double(points) : .nan }
    /// Share of periods whose demand stayed at or below the upper 95 % bound (cycle service level).
    var serviceLevel: Double { points > 0 ? Double(belowUpper95) / Double(points) : .nan }
    /// Share of demand met by stock set at the upper 95 % bound (fill rate).
    var fillRate: Double { actualSum > 0 ? servedSum / actualSum : .nan }
    /// MASE over event periods only, and over ordinary periods only.
    var maseEvent: Double { eventPoints > 0 ? eventScaledSum / Double(eventPoints) : .nan }
    var maseOrdinary: Double { ordinaryPoints > 0 ? ordinaryScaledSum / Double(ordinaryPoints) : .nan }
    /// Bias on event periods relative to their demand, in percent.
    var biasPercentEvent: Double { eventActualSum != 0 ? 100 * eventErrorSum / abs(eventActualSum) : .nan }

    mutating func merge(_ other: BacktestScore) {
        smapeSum += other.smapeSum; maseSum += other.maseSum; windows += other.windows; maseWindows += other.maseWindows
        errorSum += other.errorSum; actualSum += other.actualSum; absoluteErrorSum += other.absoluteErrorSum
        points += other.points; inside80 += other.inside80; inside95 += other.inside95
        belowUpper95 += other.belowUpper95; servedSum += other.servedSum
        eventScaledSum += other.eventScaledSum; eventErrorSum += other.eventErrorSum
        eventActualSum += other.eventActualSum; eventPoints += other.eventPoints
        ordinaryScaledSum += other.ordinaryScaledSum; ordinaryPoints += other.ordinaryPoints
    }
}

enum Backtest {
    /// Smallest history a fold is fitted on.
    static let minimumTraining = 4

    /// Event effects of each fold (fold k's fitted on the history before its origin) for series `series`.
    struct FoldEvents {
        var fits: [EventEffects]
        var series: Int
        var period: Int
    }

    /// Scores `model` on the last `folds` windows of `y`; `nil` when the series is too short for one fold.
    /// Missing periods are filled in the history and not scored; with `events`, each fold's forecast
    /// is event-aware and event periods are scored apart.
    static func evaluate(_ y: [Double], model: ModelKind, seasons: [Int], horizon: Int, folds: Int, events: FoldEvents? = nil) -> BacktestScore? {
        var score = BacktestScore()
        for k in 0..<folds {
            let origin = y.count - (folds - k) * horizon
            guard origin >= minimumTraining else { continue }
            let effects = events.map { $0.fits[k] }
            let period = events?.period ?? (seasons.first ?? 1)
            let history = effects.map { $0.adjusted(series: events!.series, y: y[..<origin], period: period) }
                ?? Baseline.filled(Array(y[..<origin]), period: period)
            let profile = SeriesProfile(history, seasons: seasons)
            var forecast = Forecaster.forecast(history, model: model, profile: profile, horizon: horizon)
            var flags: [Bool]?
            if let effects, let s = events?.series {
                effects.apply(to: &forecast, series: s, historyLength: origin)
                flags = (origin..<(origin + horizon)).map { !effects.features.rows[s][$0].isEmpty }
            }
            score.merge(scoreWindow(history: Array(y[..<origin]), actual: y[origin..<(origin + horizon)], forecast: forecast,
                                    period: profile.primarySeason, eventFlags: flags))
        }
        return score.windows > 0 ? score : nil
    }

    /// Scores one forecast window against what happened (missing actuals are skipped).
    static func scoreWindow(history: [Double], actual: ArraySlice<Double>, forecast: PointForecast, period: Int, eventFlags: [Bool]? = nil) -> BacktestScore {
        var score = BacktestScore()
        let predicted = forecast.mean[..<actual.count]
        score.smapeSum = Metrics.smape(actual: actual, forecast: predicted)
        score.windows = 1
        var scale = Metrics.naiveScale(history: history[...], period: period)
        if !(scale > 0) { scale = Metrics.naiveScale(history: history[...], period: 1) }
        if scale > 0 {
            score.maseSum = Metrics.mase(actual: actual, forecast: predicted, scale: scale)
            score.maseWindows = 1
        }
        let i80 = forecast.interval(level: 0.8), i95 = forecast.interval(level: 0.95)
        for (h, y) in zip(0..., actual) where y.isFinite {
            let f = forecast.mean[h]
            if scale > 0 {
                if eventFlags?[h] == true {
                    score.eventScaledSum += abs(f - y) / scale
                    score.eventErrorSum += f - y
                    score.eventActualSum += y
                    score.eventPoints += 1
                } else {
                    score.ordinaryScaledSum += abs(f - y) / scale
                    score.ordinaryPoints += 1
                }
            }
            score.errorSum += f - y
            score.absoluteErrorSum += abs(f - y)
            score.actualSum += y
            score.points += 1
            if y >= i80.lower[h], y <= i80.upper[h] { score.inside80 += 1 }
            if y >= i95.lower[h], y <= i95.upper[h] { score.inside95 += 1 }
            if y <= i95.upper[h] { score.belowUpper95 += 1 }
            score.servedSum += min(max(y, 0), max(i95.upper[h], 0))
        }
        return score
    }
}
