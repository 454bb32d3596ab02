import Foundation

/// A fitted ETS model: its parameters, information criterion and final states.
struct ETSFit: Sendable {
    var spec: ETSSpec
    var parameters: ETSParameters
    var aicc: Double
    var sigma2: Double
    var level: Double
    var slope: Double
    var seasonal: [Double]
    var n: Int

    func forecast(horizon: Int) -> PointForecast {
        let mean = ETSEngine.project(spec: spec, p: parameters, level: level, slope: slope, seasonal: seasonal, n: n, horizon: horizon)
        let sd = ETSEngine.errorSD(spec: spec, p: parameters, sigma2: sigma2, mean: mean)
        return PointForecast(mean: mean, sd: sd, model: spec.name)
    }
}

/// Estimation of ETS models by maximum likelihood (Nelder–Mead over the
/// smoothing parameters and the initial level and slope; initial seasonal
/// states from a classical decomposition, as `forecast::ets`'s `initstate`),
/// and AutoETS selection by AICc.
enum ETSEstimator {
    static let lowerBound = 1e-4, upperBound = 0.9999, phiLower = 0.8, phiUpper = 0.98

    /// Fits one model; `nil` when the series cannot support it.
    static func fit(_ y: [Double], spec: ETSSpec) -> ETSFit? {
        let n = y.count
        let m = spec.season == .none ? 1 : spec.period
        var initial = ETSParameters()
        guard let (level, slope, seasonal) = initialStates(y, spec: spec) else { return nil }
        let freeCount = spec.smoothingCount + 1 + (spec.trend != .none ? 1 : 0) + (spec.season != .none ? m - 1 : 0) + 1
        guard n >= freeCount + 4 else { return nil }
        initial.level = level
        initial.slope = slope
        initial.seasonal = seasonal
        initial.alpha = lowerBound + 0.2 * (upperBound - lowerBound) / Double(m)
        initial.beta = lowerBound + 0.1 * (initial.alpha - lowerBound)
        initial.gamma = lowerBound + 0.05 * (upperBound - initial.alpha - lowerBound)
        initial.phi = phiLower + 0.99 * (phiUpper - phiLower)
        let hasTrend = spec.trend != .none, hasSeason = spec.season != .none
        var start = [initial.alpha], steps = [0.1]
        if hasTrend { start.append(initial.beta); steps.append(0.02) }
        if hasSeason { start.append(initial.gamma); steps.append(0.05) }
        if spec.damped { start.append(initial.phi); steps.append(0.02) }
        let scale = max(y.map(abs).reduce(0, +) / Double(n), 1e-8)
        start.append(level); steps.append(max(0.1 * abs(level), 0.05 * scale))
        if hasTrend { start.append(slope); steps.append(max(0.1 * abs(slope), 0.005 * scale)) }

        var work = [Double](repeating: 0, count: max(m, 1))
        let best: (point: [Double], value: Double, evaluations: Int) = y.withUnsafeBufferPointer { yp in
            work.withUnsafeMutableBufferPointer { wp in
                var p = initial
                let optimizer = NelderMead(relativeTolerance: 1e-7, maxEvaluations: 120 * start.count)
                return optimizer.minimize(start: start, steps: steps) { x in
                    guard unpack(x, into: &p, spec: spec) else { return .infinity }
                    return ETSEngine.run(yp, spec: spec, p: p, seasonalWork: wp).likelihood
                }
            }
        }
        guard best.value.isFinite else { return nil }
        var p = initial
        _ = best.point.withUnsafeBufferPointer { unpack($0, into: &p, spec: spec) }
        return finish(y, spec: spec, parameters: p, freeCount: freeCount)
    }

    /// Fits a model with fixed parameters and initial states (no estimation).
    static func finish(_ y: [Double], spec: ETSSpec, parameters p: ETSParameters, freeCount: Int) -> ETSFit? {
        let n = y.count
        var work = [Double](repeating: 0, count: max(spec.period, 1))
        let pass = y.withUnsafeBufferPointer { yp in
            work.withUnsafeMutableBufferPointer { ETSEngine.run(yp, spec: spec, p: p, seasonalWork: $0) }
        }
        guard pass.likelihood.isFinite else { return nil }
        let k = Double(freeCount)
        let aic = pass.likelihood + 2 * k
        let aicc = Double(n) - k - 1 > 0 ? aic + 2 * k * (k + 1) / (Double(n) - k - 1) : .infinity
        let sigma2 = pass.sse / max(Double(n) - k, 1)
        return ETSFit(
            spec: spec, parameters: p, aicc: aicc, sigma2: sigma2, level: pass.level, slope: pass.slope,
            seasonal: spec.season == .none ? [] : work, n: n)
    }

    /// Copies an optimiser vector into parameters; false when outside the usual bounds.
    @inline(__always)
    static func unpack(_ x: UnsafeBufferPointer<Double>, into p: inout ETSParameters, spec: ETSSpec) -> Bool {
        var i = 0
        p.alpha = x[i]; i += 1
        guard p.alpha >= lowerBound, p.alpha <= upperBound else { return false }
        if spec.trend != .none {
            p.beta = x[i]; i += 1
            guard p.beta >= lowerBound, p.beta <= p.alpha else { return false }
        }
        if spec.season != .none {
            p.gamma = x[i]; i += 1
            guard p.gamma >= lowerBound, p.gamma <= 1 - p.alpha else { return false }
        }
        if spec.damped {
            p.phi = x[i]; i += 1
            guard p.phi >= phiLower, p.phi <= phiUpper else { return false }
        }
        p.level = x[i]; i += 1
        if spec.trend != .none { p.slope = x[i] }
        return true
    }

    /// Initial level, slope and seasonal states (`forecast::ets`'s `initstate`).
    static func initialStates(_ y: [Double], spec: ETSSpec) -> (Double, Double, [Double])? {
        let n = y.count
        guard n >= 2 else { return nil }
        var adjusted = y
        var seasonal: [Double] = []
        if spec.season != .none {
            let m = spec.period
            let multiplicative = spec.season == .multiplicative
            guard var figure = ClassicalDecomposition.seasonalFigure(y.prefix(min(n, 3 * m)), period: m, multiplicative: multiplicative)
            else { return nil }
            if multiplicative {
                for k in 0..<m { figure[k] = max(figure[k], 1e-2) }
                let total = figure.reduce(0, +)
                if total > Double(m) { for k in 0..<m { figure[k] /= (total + 1e-2 * Double(m)) / Double(m) } }
            }
            for t in 0..<n { adjusted[t] = multiplicative ? y[t] / figure[t % m] : y[t] - figure[t % m] }
            seasonal = figure
        }
        let maxN = min(max(10, 2 * (spec.season == .none ? 1 : spec.period)), n)
        if spec.trend == .none {
            return (adjusted.prefix(maxN).reduce(0, +) / Double(maxN), 0, seasonal)
        }
        let (intercept, slope) = LinearTrend.fit(adjusted.prefix(maxN), firstX: 1)
        var l0 = intercept, b0 = slope
        if abs(l0 + b0) < 1e-8 { l0 *= 1 + 1e-3; b0 *= 1 + 1e-3 }
        return (l0, b0, seasonal)
    }

    /// AutoETS: every admissible model for the data (multiplicative components only
    /// for positive data, no additive-error/multiplicative-season pair, seasonal only
    /// for 1 < period ≤ 24 with two full periods), the lowest AICc wins.
    static func auto(_ y: [Double], period: Int, seasonal allowSeason: Bool = true) -> ETSFit? {
        let positive = y.allSatisfy { $0 > 0 }
        let seasonOK = allowSeason && period > 1 && period <= 24 && y.count >= 2 * period
        let errors: [ETSSpec.Kind] = positive ? [.additive, .multiplicative] : [.additive]
        let seasons: [ETSSpec.Kind] = seasonOK ? (positive ? [.none, .additive, .multiplicative] : [.none, .additive]) : [.none]
        var best: ETSFit?
        for error in errors {
            for season in seasons where !(error == .additive && season == .multiplicative) {
                for (trend, damped) in [(ETSSpec.Kind.none, false), (.additive, false), (.additive, true)] {
                    let spec = ETSSpec(error: error, trend: trend, damped: damped, season: season, period: season == .none ? 1 : period)
                    guard let candidate = Self.fit(y, spec: spec), candidate.aicc.isFinite else { continue }
                    if best == nil || candidate.aicc < best!.aicc { best = candidate }
                }
            }
        }
        return best
    }
}

/// Ordinary least squares of values on x = firstX, firstX + 1, ...
enum LinearTrend {
    static func fit(_ y: ArraySlice<Double>, firstX: Double) -> (intercept: Double, slope: Double) {
        let n = Double(y.count)
        guard y.count > 1 else { return (y.first ?? 0, 0) }
        let meanX = firstX + (n - 1) / 2
        let meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (i, v) in y.enumerated() {
            let dx = firstX + Double(i) - meanX
            sxy += dx * (v - meanY)
            sxx += dx * dx
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        return (meanY - slope * meanX, slope)
    }
}
