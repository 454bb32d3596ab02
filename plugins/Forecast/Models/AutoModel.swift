import Foundation

/// `--model auto`: SBA for intermittent demand, AutoETS by AICc for one short
/// season (≤ 24), and an MSTL decomposition with AutoETS on the seasonally
/// adjusted series for several or long seasons (hourly 24 + 168, weekly 52).
enum AutoModel {
    static func forecast(_ y: [Double], profile: SeriesProfile, horizon: Int) -> PointForecast? {
        if profile.isIntermittent { return Intermittent.sba(y, horizon: horizon) }
        let seasons = profile.seasons
        if seasons.count <= 1, profile.primarySeason <= 24 {
            return ETSEstimator.auto(y, period: profile.primarySeason)?.forecast(horizon: horizon)
        }
        return mstl(y, periods: seasons, horizon: horizon)
    }

    /// MSTL decomposition over `periods`, AutoETS without season on trend + remainder,
    /// each seasonal component continued by repeating its last cycle.
    static func mstl(_ y: [Double], periods: [Int], horizon: Int) -> PointForecast? {
        let periods = periods.sorted()
        guard !periods.isEmpty else { return ETSEstimator.auto(y, period: 1)?.forecast(horizon: horizon) }
        let n = y.count
        let (seasonals, adjusted) = STL.multiple(y, periods: periods)
        guard var result = ETSEstimator.auto(adjusted, period: 1)?.forecast(horizon: horizon) else { return nil }
        let inner = result.model
        for (i, p) in periods.enumerated() {
            for h in 0..<horizon { result.mean[h] += seasonals[i][n - p + h % p] }
        }
        result.model = "mstl(" + periods.map(String.init).joined(separator: ",") + ")+" + inner
        return result
    }
}
