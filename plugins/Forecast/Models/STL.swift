import Foundation

/// Seasonal-trend decomposition by loess (Cleveland et al. 1990), non-robust
/// (two inner passes, as statsmodels' `STL` default), and MSTL (Bandara,
/// Hyndman & Bergmeir 2021): STL applied in turn for each period, twice.
enum STL {
    /// Decomposes `y` for one `period`; returns (seasonal, trend).
    static func decompose(
        _ y: [Double], period p: Int, seasonalWindow ns: Int, seasonalDegree: Int = 1, innerPasses: Int = 2
    ) -> (seasonal: [Double], trend: [Double]) {
        let n = y.count
        let nt = oddAtLeast(1.5 * Double(p) / (1 - 1.5 / Double(ns)))
        let nl = p % 2 == 0 ? p + 1 : p + 2
        var trend = [Double](repeating: 0, count: n)
        var seasonal = [Double](repeating: 0, count: n)
        var detrended = [Double](repeating: 0, count: n)
        var cycle = [Double](repeating: 0, count: n + 2 * p)
        var sub = [Double](), smoothed = [Double]()
        for _ in 0..<innerPasses {
            for t in 0..<n { detrended[t] = y[t] - trend[t] }
            // cycle-subseries smoothing, one extra point at each end
            for k in 0..<p {
                sub.removeAll(keepingCapacity: true)
                var t = k
                while t < n { sub.append(detrended[t]); t += p }
                let count = sub.count
                smoothed = Loess.smooth(sub, window: ns, at: -1, through: count, degree: seasonalDegree)
                for j in 0..<(count + 2) {
                    let position = j * p + k
                    if position < n + 2 * p { cycle[position] = smoothed[j] }
                }
            }
            // low-pass filter of the cycle series
            let pass1 = movingAverage(cycle, p)
            let pass2 = movingAverage(pass1, p)
            let pass3 = movingAverage(pass2, 3)
            let low = Loess.smooth(pass3, window: nl, at: 0, through: n - 1)
            for t in 0..<n { seasonal[t] = cycle[t + p] - low[t] }
            for t in 0..<n { detrended[t] = y[t] - seasonal[t] }
            trend = Loess.smooth(detrended, window: nt, at: 0, through: n - 1)
        }
        return (seasonal, trend)
    }

    /// MSTL over `periods` (ascending), seasonal windows 11, 15, ... and degree-0
    /// seasonal smoothing (statsforecast's `mstl`); returns the seasonal
    /// component per period and the seasonally adjusted series (trend + remainder).
    static func multiple(_ y: [Double], periods: [Int], iterations: Int = 2) -> (seasonals: [[Double]], adjusted: [Double]) {
        let n = y.count
        var seasonals = periods.map { _ in [Double](repeating: 0, count: n) }
        var adjusted = y
        let passes = periods.count == 1 ? 1 : iterations
        for _ in 0..<passes {
            for (i, p) in periods.enumerated() {
                for t in 0..<n { adjusted[t] += seasonals[i][t] }
                seasonals[i] = decompose(adjusted, period: p, seasonalWindow: 7 + 4 * (i + 1), seasonalDegree: 0).seasonal
                for t in 0..<n { adjusted[t] -= seasonals[i][t] }
            }
        }
        return (seasonals, adjusted)
    }

    private static func movingAverage(_ x: [Double], _ k: Int) -> [Double] {
        let count = x.count - k + 1
        guard count > 0 else { return [] }
        var out = [Double](repeating: 0, count: count)
        var sum = x[0..<k].reduce(0, +)
        out[0] = sum / Double(k)
        for i in 1..<count {
            sum += x[i + k - 1] - x[i - 1]
            out[i] = sum / Double(k)
        }
        return out
    }

    private static func oddAtLeast(_ value: Double) -> Int {
        var v = Int(value.rounded(.up))
        if v % 2 == 0 { v += 1 }
        return max(v, 3)
    }
}

/// Locally weighted linear (or constant, `degree` 0) regression with tricube weights over the `window`
/// nearest points (positions 0..<n), as in STL's `est`.
enum Loess {
    /// Smoothed values at integer positions `from...to` (may lie outside 0..<n).
    static func smooth(_ y: [Double], window q: Int, at from: Int, through to: Int, degree: Int = 1) -> [Double] {
        let n = y.count
        var out = [Double](repeating: 0, count: max(0, to - from + 1))
        guard n > 0 else { return out }
        if n == 1 { for i in out.indices { out[i] = y[0] }; return out }
        let q = max(q, 2)
        y.withUnsafeBufferPointer { yp in
            for x in from...to {
                // window of q nearest points
                var left: Int, right: Int
                if q >= n {
                    left = 0; right = n - 1
                } else {
                    left = min(max(x - q / 2, 0), n - q)
                    right = left + q - 1
                    while right + 1 < n, Double(right + 1 - x) < Double(x - left) { left += 1; right += 1 }
                    while left > 0, Double(x - (left - 1)) < Double(right - x) { left -= 1; right -= 1 }
                }
                var h = Double(max(x - left, right - x))
                if q > n { h += Double((q - n) / 2) }
                h = max(h, 1)
                let upper = 0.999 * h, lower = 0.001 * h
                var sw = 0.0, swx = 0.0, swy = 0.0, swxx = 0.0, swxy = 0.0
                for j in left...right {
                    let r = abs(Double(j - x))
                    var w: Double
                    if r <= lower { w = 1 } else if r > upper { continue } else {
                        let u = r / h
                        let c = 1 - u * u * u
                        w = c * c * c
                    }
                    let dx = Double(j - x)
                    sw += w; swx += w * dx; swy += w * yp[j]; swxx += w * dx * dx; swxy += w * dx * yp[j]
                }
                guard sw > 0 else { out[x - from] = yp[min(max(x, 0), n - 1)]; continue }
                let meanX = swx / sw, meanY = swy / sw
                let varX = swxx / sw - meanX * meanX
                let slope = degree > 0 && varX > 1e-12 * h * h ? (swxy / sw - meanX * meanY) / varX : 0
                out[x - from] = meanY - slope * meanX
            }
        }
        return out
    }
}
