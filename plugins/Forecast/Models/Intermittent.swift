import Foundation

/// Intermittent-demand methods, matching statsforecast's `CrostonClassic`,
/// `CrostonSBA` and `TSB`: simple exponential smoothing (level started at the
/// first value) of the non-zero demand sizes and of the intervals between
/// them (Croston), or of the sizes and of the demand occurrence (TSB).
enum Intermittent {
    /// One-step SES forecast with the level started at `x[0]`.
    static func sesForecast(_ x: [Double], alpha: Double) -> Double {
        guard var level = x.first else { return 0 }
        for v in x.dropFirst() { level += alpha * (v - level) }
        return level
    }

    /// Croston's method with α = 0.1 for sizes and intervals.
    static func croston(_ y: [Double], horizon: Int, factor: Double = 1, name: String = "croston") -> PointForecast {
        var sizes: [Double] = [], intervals: [Double] = []
        var previous = -1
        for (t, v) in y.enumerated() where v != 0 {
            if v > 0 { sizes.append(v) }
            intervals.append(Double(t - previous))
            previous = t
        }
        guard !sizes.isEmpty else {
            var result = Baselines.naive(y, horizon: horizon)
            result.model = name
            return result
        }
        let size = sesForecast(sizes, alpha: 0.1)
        let interval = sesForecast(intervals, alpha: 0.1)
        let level = (interval != 0 ? size / interval : size) * factor
        return constant(level, y: y, horizon: horizon, name: name)
    }

    /// Syntetos–Boylan approximation: Croston × (1 − α/2) = 0.95 ×.
    static func sba(_ y: [Double], horizon: Int) -> PointForecast {
        croston(y, horizon: horizon, factor: 0.95, name: "sba")
    }

    /// Teunter–Syntetos–Babai: demand probability smoothed every period (α_p), sizes when they occur (α_d).
    static func tsb(_ y: [Double], horizon: Int, alphaDemand: Double = 0.1, alphaProbability: Double = 0.1) -> PointForecast {
        guard y.contains(where: { $0 != 0 }) else { return constant(0, y: y, horizon: horizon, name: "tsb") }
        let sizes = y.filter { $0 > 0 }
        let occurrence = y.map { $0 != 0 ? 1.0 : 0.0 }
        let level = sesForecast(occurrence, alpha: alphaProbability) * sesForecast(sizes, alpha: alphaDemand)
        return constant(level, y: y, horizon: horizon, name: "tsb")
    }

    /// Average demand interval (periods per non-zero demand): > 1.32 marks intermittent demand.
    static func averageDemandInterval(_ y: [Double]) -> Double {
        let nonZero = y.reduce(0) { $1 != 0 ? $0 + 1 : $0 }
        return nonZero == 0 ? .infinity : Double(y.count) / Double(nonZero)
    }

    /// A flat forecast whose error sd is the root mean square deviation of the history from it.
    private static func constant(_ level: Double, y: [Double], horizon: Int, name: String) -> PointForecast {
        var squares = 0.0
        for v in y { squares += (v - level) * (v - level) }
        let sigma = y.count > 1 ? (squares / Double(y.count - 1)).squareRoot() : .nan
        return PointForecast(mean: Array(repeating: level, count: horizon), sd: Array(repeating: sigma, count: horizon), model: name)
    }
}
