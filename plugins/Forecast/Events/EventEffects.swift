import Dispatch
import Foundation

/// Multiplicative event effects, learned jointly over all series.
///
/// On each event period the log lift z = log((y + c) / (b + c)) over the ordinary
/// baseline b (``Baseline``) is regressed on the active event keys. A pooled ridge
/// fit over all series (each weighted by the precision of its ordinary days) gives each
/// key's common effect; each series' own effects are shrunk towards it,
/// `β_s = (XᵀX + Λ)⁻¹(Xᵀz + Λβ_pooled)`, with Λ = diag(σ²_s/τ²_k): the series' ordinary
/// noise over the spread of the key's effect across series (empirical Bayes). A series
/// that never saw an event in its history takes the pooled effect. Both are then scaled by
/// the share ``EventGuard`` keeps: effects that do not stand out from how much the event's
/// lift varies between its occurrences are shrunk towards zero.
struct EventEffects: Sendable {
    /// One series' fitted effects.
    struct SeriesFit: Sendable {
        /// Log lift per key (pooled value for keys the series never saw).
        var lift: [Double]
        /// History periods on which each key was active in this series.
        var occurrences: [Int]
        /// The ordinary-day baseline over the history.
        var baseline: [Double]
        /// Variance of the log lift around the fitted effects on this series' event periods.
        var eventVariance: Double
        /// Observed event periods in the history.
        var eventPeriods: Int
    }

    var features: EventFeatures
    var pooled: [Double]
    var fits: [SeriesFit?]
    /// Per key, the spread (variance, log scale) of its effect across series.
    var spread: [Double]
    /// Extra log-scale variance of an event period beyond ordinary noise (pooled).
    var excessVariance: Double
    /// The share of each key's effect kept, and its past occurrences.
    var guarded: EventGuard

    /// The smallest spread τ² of the series' effects around the pooled one (log scale).
    static let minimumSpread = 0.002
    /// The smallest ordinary-day variance (log scale) a series is weighted by.
    static let minimumOrdinaryVariance = 0.005

    /// Periods per season used for the baseline's seasonal factors (7 on daily data).
    static func baselinePeriod(_ frequency: Frequency) -> Int { frequency == .daily ? 7 : 1 }

    /// Fits effects on the first `lengths[s]` periods of every series.
    static func fit(values: [[Double]], lengths: [Int], features: EventFeatures, period: Int, isCancelled: () -> Bool = { false }) -> EventEffects {
        let k = features.keys.count
        var stats = [SeriesStats?](repeating: nil, count: values.count)
        stats.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: values.count) { s in
                if isCancelled() { return }
                out[s] = SeriesStats(y: values[s], length: lengths[s], rows: features.rows[s], period: period)
            }
        }
        // pooled ridge, each series weighted by the precision of its ordinary days (1/σ²_s)
        var xtx = [Double](repeating: 0, count: k * k), xtz = [Double](repeating: 0, count: k)
        var noise = 0.0, noiseCount = 0
        for case let st? in stats {
            let w = 1 / max(st.ordinaryVariance, minimumOrdinaryVariance)
            for (a, ka) in st.keys.enumerated() {
                xtz[ka] += w * st.xtz[a]
                for (b, kb) in st.keys.enumerated() { xtx[ka * k + kb] += w * st.xtx[a * st.keys.count + b] }
            }
            if st.ordinaryCount > 0 { noise += st.ordinaryVariance * Double(st.ordinaryCount); noiseCount += st.ordinaryCount }
        }
        let sigma2 = noiseCount > 0 ? noise / Double(noiseCount) : 0.05
        let pooled = k > 0 ? Ridge.solve(xtx, xtz, size: k, lambda: [Double](repeating: 1, count: k), prior: nil) : []
        let guarded = EventGuard.compute(stats: stats, features: features, pooled: pooled)
        let kept = (0..<k).map { pooled[$0] * guarded.share[$0] }
        // empirical Bayes, per key: the spread τ²_k of the series' mean lifts around the pooled effect
        var spread = [Double](repeating: 0, count: k), spreadCount = [Int](repeating: 0, count: k)
        for case let st? in stats {
            for (a, ka) in st.keys.enumerated() where st.counts[a] > 0 {
                let d = st.meanLift[a] - pooled[ka]
                spread[ka] += d * d - st.ordinaryVariance / Double(st.counts[a])
                spreadCount[ka] += 1
            }
        }
        let tau2 = (0..<k).map { spreadCount[$0] > 1 ? max(spread[$0] / Double(spreadCount[$0]), minimumSpread) : minimumSpread }
        var fits = [SeriesFit?](repeating: nil, count: values.count)
        fits.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: values.count) { s in
                guard let st = stats[s] else { return }
                var lift = kept
                let lambda = st.keys.map { min(max(st.ordinaryVariance / tau2[$0], 0.2), 100) }
                let local = Ridge.solve(st.xtx, st.xtz, size: st.keys.count, lambda: lambda, prior: st.keys.map { pooled[$0] })
                for (a, ka) in st.keys.enumerated() {
                    let own = guarded.deviationShare(key: ka, occurrences: guarded.seriesOccurrences[s][a], keys: features.keys)
                    lift[ka] = guarded.share[ka] * (pooled[ka] + own * (min(max(local[a], -3), 3) - pooled[ka]))
                }
                var occurrences = [Int](repeating: 0, count: k)
                for (a, ka) in st.keys.enumerated() { occurrences[ka] = st.counts[a] }
                var r2 = 0.0
                for (row, z) in zip(st.eventRows, st.eventLifts) {
                    let fitted = features.rows[s][row].reduce(0) { $0 + $1.value * lift[$1.key] }
                    r2 += (z - fitted) * (z - fitted)
                }
                let m = st.eventRows.count
                out[s] = SeriesFit(lift: lift, occurrences: occurrences, baseline: st.baseline,
                                   eventVariance: m > 0 ? r2 / Double(m) : sigma2, eventPeriods: m)
            }
        }
        let eventRows = fits.reduce(0) { $0 + ($1?.eventPeriods ?? 0) }
        let residual = fits.reduce(0.0) { $0 + ($1.map { $0.eventVariance * Double($0.eventPeriods) } ?? 0) }
        let eventVariance = eventRows > 0 ? residual / Double(eventRows) : sigma2
        return EventEffects(features: features, pooled: kept, fits: fits, spread: tau2,
                            excessVariance: max(0, eventVariance - sigma2), guarded: guarded)
    }

    /// Log lift of series `s` in period `t` (history or horizon).
    func logLift(series s: Int, period t: Int) -> Double {
        guard let fit = fits[s] else { return 0 }
        return features.rows[s][t].reduce(0) { $0 + $1.value * fit.lift[$1.key] }
    }

    /// Extra log-scale variance of the forecast in period `t`: the event's own spread
    /// and the uncertainty of its effect (smaller the more occurrences it was learned from).
    func extraVariance(series s: Int, period t: Int) -> Double {
        guard let fit = fits[s], !features.rows[s][t].isEmpty else { return 0 }
        var v = excessVariance
        for (key, value) in features.rows[s][t] {
            // posterior variance of the key's effect: its spread across series, narrowed by the series' own occurrences
            v += value * value / (Double(fit.occurrences[key]) / max(fit.eventVariance, 1e-4) + 1 / spread[key])
        }
        return v
    }
}

/// Sufficient statistics of one series for the event regression.
struct SeriesStats {
    var keys: [Int] = []
    var xtx: [Double] = []
    var xtz: [Double] = []
    var counts: [Int] = []
    var meanLift: [Double] = []
    var eventRows: [Int] = []
    var eventLifts: [Double] = []
    var ordinaryVariance = 0.0
    var ordinaryCount = 0
    var baseline: [Double]

    init?(y: [Double], length n: Int, rows: [[(key: Int, value: Double)]], period: Int) {
        let ordinary = (0..<n).map { rows[$0].isEmpty && y[$0].isFinite }
        guard let baseline = Baseline.compute(Array(y[..<n]), ordinary: ordinary, period: period) else { return nil }
        self.baseline = baseline
        let observed = y[..<n].filter(\.isFinite)
        let mean = observed.reduce(0, +) / Double(max(1, observed.count))
        let c = max(0.5, 0.02 * mean)
        var local: [Int: Int] = [:]
        for t in 0..<n where !rows[t].isEmpty && y[t].isFinite {
            for (key, _) in rows[t] where local[key] == nil { local[key] = keys.count; keys.append(key) }
        }
        let m = keys.count
        xtx = [Double](repeating: 0, count: m * m)
        xtz = [Double](repeating: 0, count: m)
        counts = [Int](repeating: 0, count: m)
        var liftSum = [Double](repeating: 0, count: m)
        var noise = 0.0
        for t in 0..<n where y[t].isFinite {
            let z = log((max(y[t], 0) + c) / (max(baseline[t], 0) + c))
            if rows[t].isEmpty { noise += z * z; ordinaryCount += 1; continue }
            eventRows.append(t)
            eventLifts.append(z)
            for (ka, va) in rows[t] {
                let a = local[ka]!
                xtz[a] += va * z
                counts[a] += 1
                liftSum[a] += z
                for (kb, vb) in rows[t] { xtx[a * m + local[kb]!] += va * vb }
            }
        }
        ordinaryVariance = ordinaryCount > 0 ? noise / Double(ordinaryCount) : 0.05
        meanLift = (0..<m).map { counts[$0] > 0 ? liftSum[$0] / Double(counts[$0]) : 0 }
    }
}

/// Ridge regression from normal equations by Cholesky decomposition.
enum Ridge {
    /// Solves `(A + diag(λ)) x = b + diag(λ)·prior` for a symmetric positive semi-definite `A` (`size` × `size`, row-major).
    static func solve(_ a: [Double], _ b: [Double], size n: Int, lambda: [Double], prior: [Double]?) -> [Double] {
        guard n > 0 else { return [] }
        var m = a
        var rhs = b
        for i in 0..<n {
            m[i * n + i] += lambda[i]
            if let prior { rhs[i] += lambda[i] * prior[i] }
        }
        // Cholesky: m = L Lᵀ, stored in the lower triangle
        for j in 0..<n {
            var d = m[j * n + j]
            for p in 0..<j { d -= m[j * n + p] * m[j * n + p] }
            let l = d > 1e-12 ? d.squareRoot() : 1e-6
            m[j * n + j] = l
            for i in (j + 1)..<n {
                var s = m[i * n + j]
                for p in 0..<j { s -= m[i * n + p] * m[j * n + p] }
                m[i * n + j] = s / l
            }
        }
        var x = rhs
        for i in 0..<n {
            var s = x[i]
            for p in 0..<i { s -= m[i * n + p] * x[p] }
            x[i] = s / m[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = x[i]
            for p in (i + 1)..<n { s -= m[p * n + i] * x[p] }
            x[i] = s / m[i * n + i]
        }
        return x
    }
}
