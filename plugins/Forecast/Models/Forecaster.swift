import Foundation

/// Fits the named model to one series and forecasts `horizon` steps.
enum Forecaster {
    static func forecast(_ y: [Double], model: ModelKind, profile: SeriesProfile, horizon: Int) -> PointForecast {
        let m = profile.primarySeason
        var result: PointForecast?
        switch model {
        case .auto: result = AutoModel.forecast(y, profile: profile, horizon: horizon)
        case .naive: result = Baselines.naive(y, horizon: horizon)
        case .snaive: result = Baselines.seasonalNaive(y, period: m, horizon: horizon)
        case .drift: result = Baselines.drift(y, horizon: horizon)
        case .ma: result = Baselines.movingAverage(y, window: m > 1 ? m : 3, horizon: horizon)
        case .ses: result = fixedETS(y, trend: .none, damped: false, period: 1, horizon: horizon)
        case .holt: result = fixedETS(y, trend: .additive, damped: false, period: 1, horizon: horizon)
        case .damped: result = fixedETS(y, trend: .additive, damped: true, period: 1, horizon: horizon)
        case .holtWinters: result = fixedETS(y, trend: .additive, damped: false, period: m, horizon: horizon)
        case .ets: result = ETSEstimator.auto(y, period: m)?.forecast(horizon: horizon)
        case .theta: result = Theta.forecast(y, period: m, horizon: horizon)
        case .mstl: result = AutoModel.mstl(y, periods: profile.seasons, horizon: horizon)
        case .croston: result = Intermittent.croston(y, horizon: horizon)
        case .sba: result = Intermittent.sba(y, horizon: horizon)
        case .tsb: result = Intermittent.tsb(y, horizon: horizon)
        }
        var final = result ?? Baselines.naive(y, horizon: horizon)
        if result == nil { final.model = "naive (\(model.rawValue) failed)" }
        if profile.nonNegative { final.clipNegative() }
        return final
    }

    /// Additive-error ETS with the given trend, and an additive season when `period` > 1.
    static func fixedETS(_ y: [Double], trend: ETSSpec.Kind, damped: Bool, period: Int, horizon: Int) -> PointForecast? {
        let seasonal = period > 1 && y.count >= 2 * period
        let spec = ETSSpec(error: .additive, trend: trend, damped: damped, season: seasonal ? .additive : .none, period: seasonal ? period : 1)
        return ETSEstimator.fit(y, spec: spec)?.forecast(horizon: horizon)
    }
}
