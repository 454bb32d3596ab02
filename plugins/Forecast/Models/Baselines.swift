import Foundation

/// The benchmark methods: naive, seasonal naive, drift and moving average,
/// with the usual residual-based interval widths (Hyndman & Athanasopoulos, ch. 5).
enum Baselines {
    /// Last value repeated; sd grows with √h.
    static func naive(_ y: [Double], horizon: Int) -> PointForecast {
        let last = y.last ?? 0
        let sigma = residualSD(y, lag: 1)
        return PointForecast(
            mean: Array(repeating: last, count: horizon), sd: (0..<horizon).map { sigma * Double($0 + 1).squareRoot() },
            model: "naive")
    }

    /// The value one season earlier; sd grows with √(whole seasons ahead).
    static func seasonalNaive(_ y: [Double], period m: Int, horizon: Int) -> PointForecast {
        guard m > 1, y.count >= m else { return naive(y, horizon: horizon) }
        let n = y.count
        let sigma = residualSD(y, lag: m)
        let mean = (0..<horizon).map { y[n - m + $0 % m] }
        let sd = (0..<horizon).map { sigma * Double($0 / m + 1).squareRoot() }
        return PointForecast(mean: mean, sd: sd, model: "snaive(\(m))")
    }

    /// A straight line through the first and last observations.
    static func drift(_ y: [Double], horizon: Int) -> PointForecast {
        let n = y.count
        guard n > 1 else { return naive(y, horizon: horizon) }
        let slope = (y[n - 1] - y[0]) / Double(n - 1)
        let sigma = residualSD(y, lag: 1, drift: slope)
        let mean = (0..<horizon).map { y[n - 1] + slope * Double($0 + 1) }
        let sd = (0..<horizon).map { h -> Double in
            let hh = Double(h + 1)
            return sigma * (hh * (1 + hh / Double(n - 1))).squareRoot()
        }
        return PointForecast(mean: mean, sd: sd, model: "drift")
    }

    /// Mean of the last `window` observations.
    static func movingAverage(_ y: [Double], window k: Int, horizon: Int) -> PointForecast {
        let k = max(1, min(k, y.count))
        let n = y.count
        let level = y[(n - k)...].reduce(0, +) / Double(k)
        var squares = 0.0, count = 0
        if n > k {
            var window = y[0..<k].reduce(0, +)
            for t in k..<n {
                let e = y[t] - window / Double(k)
                squares += e * e
                count += 1
                window += y[t] - y[t - k]
            }
        }
        let sigma = count > 1 ? (squares / Double(count - 1)).squareRoot() : .nan
        return PointForecast(mean: Array(repeating: level, count: horizon), sd: Array(repeating: sigma, count: horizon), model: "ma(\(k))")
    }

    /// Standard deviation of the lag-`lag` differences (minus a drift), NaN when too short.
    static func residualSD(_ y: [Double], lag: Int, drift: Double = 0) -> Double {
        let n = y.count
        guard n > lag + 1 else { return .nan }
        var squares = 0.0
        for t in lag..<n {
            let e = y[t] - y[t - lag] - drift
            squares += e * e
        }
        return (squares / Double(n - lag - (drift == 0 ? 0 : 1))).squareRoot()
    }
}
