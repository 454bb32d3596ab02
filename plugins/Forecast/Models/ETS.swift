import Foundation

/// One exponential smoothing state-space model ETS(error, trend, season), as
/// in Hyndman et al. (2008) and R's `forecast::ets`: the state updates are
/// written in the error-correction form of `etscalc`, shared by additive and
/// multiplicative errors; the error type changes only the likelihood.
struct ETSSpec: Hashable, Sendable {
    enum Kind: Character, Sendable { case none = "N", additive = "A", multiplicative = "M" }
    var error: Kind
    var trend: Kind
    var damped: Bool
    var season: Kind
    var period: Int

    /// `ETS(M,Ad,A)`-style name.
    var name: String {
        "ets(\(error.rawValue),\(trend.rawValue)\(damped ? "d" : ""),\(season.rawValue))"
    }

    /// Number of smoothing parameters (alpha, beta, gamma, phi) in use.
    var smoothingCount: Int { 1 + (trend != .none ? 1 : 0) + (season != .none ? 1 : 0) + (damped ? 1 : 0) }
}

/// Smoothing parameters and initial states.
struct ETSParameters: Sendable {
    var alpha = 0.5, beta = 0.0, gamma = 0.0, phi = 1.0
    var level = 0.0, slope = 0.0
    /// Seasonal state of each phase (time index mod period) at the start of the series.
    var seasonal: [Double] = []
}

enum ETSEngine {
    /// Runs the model over `y`; `seasonalWork` (length `period`) is scratch space that
    /// ends holding the final seasonal states. Returns `.infinity` likelihood when a
    /// multiplicative model meets a non-positive one-step forecast.
    @inline(__always)
    static func run(
        _ y: UnsafeBufferPointer<Double>, spec: ETSSpec, p: ETSParameters, seasonalWork s: UnsafeMutableBufferPointer<Double>,
        residuals: UnsafeMutableBufferPointer<Double>? = nil
    ) -> (likelihood: Double, sse: Double, level: Double, slope: Double) {
        let n = y.count
        let m = spec.season == .none ? 1 : spec.period
        if spec.season != .none { for k in 0..<m { s[k] = p.seasonal[k] } }
        let hasTrend = spec.trend != .none
        let phi = spec.damped ? p.phi : 1
        let betaOverAlpha = hasTrend ? p.beta / p.alpha : 0
        let addSeason = spec.season == .additive, mulSeason = spec.season == .multiplicative
        let mulError = spec.error == .multiplicative
        var l = p.level, b = hasTrend ? p.slope : 0
        var sse = 0.0, logSum = 0.0
        var phase = 0
        for t in 0..<n {
            let phib = phi * b
            let q = l + phib
            let sv = addSeason || mulSeason ? s[phase] : 0
            let mu = mulSeason ? q * sv : q + sv
            let yt = y[t]
            let e: Double
            if mulError || mulSeason {
                if !(mu > 1e-10) || (mulSeason && !(q > 1e-10)) { return (.infinity, .infinity, l, b) }
            }
            if mulError {
                e = (yt - mu) / mu
                logSum += log(mu)
            } else {
                e = yt - mu
            }
            residuals?[t] = yt - mu
            sse += e * e
            let pt = mulSeason ? yt / sv : yt - sv
            let newLevel = q + p.alpha * (pt - q)
            if hasTrend { b = phib + betaOverAlpha * (newLevel - l - phib) }
            if addSeason { s[phase] = sv + p.gamma * (yt - q - sv) } else if mulSeason { s[phase] = sv + p.gamma * (yt / q - sv) }
            l = newLevel
            phase += 1
            if phase == m { phase = 0 }
        }
        var lik = Double(n) * log(max(sse, 1e-300))
        if mulError { lik += 2 * logSum }
        return (lik, sse, l, b)
    }

    /// Point forecasts `h` steps ahead from the final states of a series of length `n`.
    static func project(spec: ETSSpec, p: ETSParameters, level: Double, slope: Double, seasonal: [Double], n: Int, horizon: Int) -> [Double] {
        var out = [Double](repeating: 0, count: horizon)
        let phi = spec.damped ? p.phi : 1
        var phiSum = 0.0, power = 1.0
        for h in 0..<horizon {
            power *= phi
            phiSum += power
            let base = level + (spec.trend == .none ? 0 : phiSum * slope)
            switch spec.season {
            case .none: out[h] = base
            case .additive: out[h] = base + seasonal[(n + h) % spec.period]
            case .multiplicative: out[h] = base * seasonal[(n + h) % spec.period]
            }
        }
        return out
    }

    /// Standard deviation of the h-step error: the class-1 (linear homoscedastic)
    /// formula `σ²(1 + Σ c_j²)`; for multiplicative errors σ is relative and is
    /// scaled by the point forecast (an approximation, as for the other classes).
    static func errorSD(spec: ETSSpec, p: ETSParameters, sigma2: Double, mean: [Double]) -> [Double] {
        var sd = [Double](repeating: 0, count: mean.count)
        let phi = spec.damped ? p.phi : 1
        var accumulated = 0.0, phiSum = 0.0, power = 1.0
        for h in 0..<mean.count {
            if h > 0 {
                power *= phi
                phiSum += power
                var c = p.alpha
                if spec.trend != .none { c += p.beta * phiSum }
                if spec.season != .none, h % spec.period == 0 { c += p.gamma }
                accumulated += c * c
            }
            let v = sigma2 * (1 + accumulated)
            sd[h] = spec.error == .multiplicative ? abs(mean[h]) * v.squareRoot() : v.squareRoot()
        }
        return sd
    }
}
