import Foundation

/// Classical (moving-average) decomposition and the seasonality test the M4
/// benchmarks and `forecast::thetaf` use.
enum ClassicalDecomposition {
    /// Seasonal figure per phase (phase = time index mod `period`) from centred
    /// moving averages: additive figures sum to 0, multiplicative ones average 1.
    /// Needs at least two full periods.
    static func seasonalFigure(_ y: ArraySlice<Double>, period m: Int, multiplicative: Bool) -> [Double]? {
        let n = y.count
        guard m > 1, n >= 2 * m else { return nil }
        let base = y.startIndex
        let trend = centredMovingAverage(Array(y), order: m)
        var sums = [Double](repeating: 0, count: m), counts = [Double](repeating: 0, count: m)
        for t in 0..<n where trend[t].isFinite {
            let value = multiplicative ? y[base + t] / trend[t] : y[base + t] - trend[t]
            guard value.isFinite else { continue }
            sums[t % m] += value
            counts[t % m] += 1
        }
        guard !counts.contains(0) else { return nil }
        var figure = (0..<m).map { sums[$0] / counts[$0] }
        let average = figure.reduce(0, +) / Double(m)
        for k in 0..<m { figure[k] = multiplicative ? figure[k] / average : figure[k] - average }
        return figure
    }

    /// Centred moving average of order `m` (a 2×m average when `m` is even); NaN at the ends.
    static func centredMovingAverage(_ y: [Double], order m: Int) -> [Double] {
        let n = y.count
        var out = [Double](repeating: .nan, count: n)
        let half = m / 2
        guard n > 2 * half else { return out }
        var prefix = [Double](repeating: 0, count: n + 1)
        for t in 0..<n { prefix[t + 1] = prefix[t] + y[t] }
        for t in half..<(n - half) {
            if m % 2 == 1 {
                out[t] = (prefix[t + half + 1] - prefix[t - half]) / Double(m)
            } else {
                let inner = prefix[t + half] - prefix[t - half + 1]
                out[t] = (inner + 0.5 * (y[t - half] + y[t + half])) / Double(m)
            }
        }
        return out
    }

    /// The 90 % autocorrelation test at lag `m` (M4 benchmarks, `thetaf`).
    static func isSeasonal(_ y: [Double], period m: Int) -> Bool {
        let n = y.count
        guard m > 1, n >= 3 * m else { return false }
        let mean = y.reduce(0, +) / Double(n)
        var denominator = 0.0
        for v in y { denominator += (v - mean) * (v - mean) }
        guard denominator > 0 else { return false }
        func acf(_ lag: Int) -> Double {
            var s = 0.0
            for t in lag..<n { s += (y[t] - mean) * (y[t - lag] - mean) }
            return s / denominator
        }
        var sumSquares = 0.0
        for k in 1..<m { let r = acf(k); sumSquares += r * r }
        let limit = 1.645 * ((1 + 2 * sumSquares) / Double(n)).squareRoot()
        return abs(acf(m)) > limit
    }
}
