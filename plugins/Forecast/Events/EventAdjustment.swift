import Foundation

extension EventEffects {
    /// The first `length` periods of series `s` with event lifts divided out and
    /// missing periods filled by the ordinary baseline: what a base model is fitted on.
    func adjusted(series s: Int, y: ArraySlice<Double>, period: Int) -> [Double] {
        guard let fit = fits[s] else { return Baseline.filled(Array(y), period: period) }
        var out = Array(y)
        for t in out.indices {
            if !out[t].isFinite { out[t] = max(0, fit.baseline[t]); continue }
            let lift = logLift(series: s, period: t)
            if lift != 0 { out[t] /= exp(lift) }
        }
        return out
    }

    /// Multiplies a base forecast made from `historyLength` periods by the lifts of the
    /// events ahead, widening the interval by the events' own uncertainty.
    func apply(to forecast: inout PointForecast, series s: Int, historyLength n: Int) {
        guard fits[s] != nil else { return }
        for h in forecast.mean.indices {
            let t = n + h
            guard t < features.rows[s].count, !features.rows[s][t].isEmpty else { continue }
            let e = exp(logLift(series: s, period: t)), v = extraVariance(series: s, period: t)
            let m = forecast.mean[h], sd = forecast.sd[h].isFinite ? forecast.sd[h] : 0
            forecast.mean[h] = m * e
            forecast.sd[h] = e * (sd * sd + m * m * (exp(v) - 1)).squareRoot()
        }
    }

    /// The events ahead of series `s` (from period `n`, `horizon` periods) with their
    /// strongest lift, in order of first appearance; events whose effects the guard dropped are left out.
    func eventsAhead(series s: Int, from n: Int, horizon: Int) -> [(event: String, lift: Double)] {
        guard let fit = fits[s] else { return [] }
        var out: [(event: String, lift: Double)] = []
        for t in n..<min(n + horizon, features.rows[s].count) {
            for (key, value) in features.rows[s][t] where fit.lift[key] != 0 {
                let name = features.keys[key].event, lift = value * fit.lift[key]
                if let i = out.firstIndex(where: { $0.event == name }) {
                    if abs(lift) > abs(out[i].lift) { out[i].lift = lift }
                } else {
                    out.append((name, lift))
                }
            }
        }
        return out
    }

    /// Fits for each backtest fold: fold k uses the history before its origin.
    static func foldFits(values: [[Double]], features: EventFeatures, period: Int, horizon: Int, folds: Int,
                         isCancelled: () -> Bool = { false }) -> [EventEffects] {
        (0..<folds).map { k in
            let lengths = values.map { max(0, $0.count - (folds - k) * horizon) }
            return fit(values: values, lengths: lengths, features: features, period: period, isCancelled: isCancelled)
        }
    }
}
