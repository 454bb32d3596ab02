import Foundation

/// How much of each pooled event effect to trust for a new occurrence of the event.
///
/// An occurrence of a key is a run of consecutive periods on which it is active in some
/// series' history (one year's 双11 peak, one official holiday). Per occurrence o, the pooled
/// partial residual `m_o = Σ w·x·(r + β·x) / Σ w·x²` (r: the log lift left after all pooled
/// effects, w: the series' ordinary-day precision) is the key's lift on that occurrence alone.
/// What a new occurrence will do is uncertain by how much these differ: the variance of the
/// key's mean effect is `v = ((r−1)·s² + ν·(ω²₀ + v̄)) / (r − 1 + ν) / r` — the spread s² of
/// its r occurrences, blended with the between-occurrence variance ω²₀ pooled over all keys
/// seen at least twice (ν = ``priorWeight``; v̄ the occurrences' sampling variance). The share
/// kept is `f = max(0, 1 − v / β²)` (positive-part James–Stein): an effect that does not stand
/// out from its occurrence-to-occurrence variation is dropped, a clear one is kept whole. So a
/// generic key (法定假日) whose holidays disagree, or an effect learned from one occurrence
/// that other keys show to be unreliable, or an effect on made-up dates, is shrunk towards zero.
///
/// A series' own deviation from the pooled effect is kept as far as such deviations repeat:
/// ρ is the correlation of each series' deviations on consecutive occurrences of the same key,
/// over all series and the keys of one kind of event (festivals, shopping festivals, days off,
/// ...) seen twice, and a deviation learned from r occurrences is kept with the Spearman–Brown
/// reliability `rρ / (1 + (r − 1)ρ)`. A kind no series saw twice keeps its deviations whole.
struct EventGuard: Sendable {
    /// Share f of each key's effect that is kept (1 for regressors, which are not events).
    var share: [Double]
    /// The pooled effect before the guard (log scale).
    var estimate: [Double]
    /// Past occurrences of each key (runs of active periods) over all series.
    var occurrences: [Int]
    /// Between-occurrence variance ω² of each key's lift (log scale), as blended.
    var betweenVariance: [Double]
    /// Per kind of event, the correlation ρ of a series' deviations from the pooled lift on consecutive occurrences.
    var reliability: [EventKind: Double]
    /// Per series, the occurrences of each of its keys (in the order of the series' statistics).
    var seriesOccurrences: [[Int]]

    /// Weight, in occurrences, of the pooled between-occurrence variance against a key's own spread.
    static let priorWeight = 2.0
    /// Between-occurrence variance assumed when no key has been seen twice (log scale; a ±14 % sd).
    static let defaultBetween = 0.02
    /// The share of a series' own deviation on `key` kept when learned from `r` occurrences.
    func deviationShare(key: Int, occurrences r: Int, keys: [EventKey]) -> Double {
        guard r > 0 else { return 0 }
        guard let rho = reliability[keys[key].kind] else { return 1 }
        return Double(r) * rho / (1 + Double(r - 1) * rho)
    }

    /// Sums of one occurrence's partial residuals.
    private struct Run {
        var numerator = 0.0, denominator = 0.0
    }

    static func compute(stats: [SeriesStats?], features: EventFeatures, pooled: [Double]) -> EventGuard {
        let k = features.keys.count
        // per key: period number → that period's sums over series
        var byPeriod = [[Int64: Run]](repeating: [:], count: k)
        for (s, stat) in stats.enumerated() {
            guard let st = stat else { continue }
            let w = 1 / max(st.ordinaryVariance, EventEffects.minimumOrdinaryVariance)
            for (t, z) in zip(st.eventRows, st.eventLifts) {
                let row = features.rows[s][t]
                let residual = z - row.reduce(0) { $0 + $1.value * pooled[$1.key] }
                let period = features.starts[s] + Int64(t)
                for (key, x) in row {
                    byPeriod[key][period, default: Run()].numerator += w * x * (residual + pooled[key] * x)
                    byPeriod[key][period, default: Run()].denominator += w * x * x
                }
            }
        }
        // per key: the occurrences' estimates m_o and sampling variances
        var estimates = [[(m: Double, v: Double)]](repeating: [], count: k)
        var occurrenceOf = [[Int64: Int]](repeating: [:], count: k)
        for key in 0..<k {
            var current = Run(), last: Int64?
            for period in byPeriod[key].keys.sorted() {
                if let previous = last, period - previous > 1, current.denominator > 0 {
                    estimates[key].append((current.numerator / current.denominator, 1 / current.denominator))
                    current = Run()
                }
                occurrenceOf[key][period] = estimates[key].count
                current.numerator += byPeriod[key][period]!.numerator
                current.denominator += byPeriod[key][period]!.denominator
                last = period
            }
            if current.denominator > 0 { estimates[key].append((current.numerator / current.denominator, 1 / current.denominator)) }
        }
        // each key's spread s² and sampling variance v̄; ω²₀ pooled over keys seen twice or more
        var spread = [Double](repeating: 0, count: k), sampling = [Double](repeating: 0, count: k)
        var pooledBetween = 0.0, pooledDF = 0.0
        for key in 0..<k where !estimates[key].isEmpty {
            let runs = estimates[key], r = Double(runs.count)
            let mean = runs.reduce(0) { $0 + $1.m } / r
            sampling[key] = runs.reduce(0) { $0 + $1.v } / r
            guard runs.count > 1 else { continue }
            spread[key] = runs.reduce(0) { $0 + ($1.m - mean) * ($1.m - mean) } / (r - 1)
            if !features.keys[key].isRegressor {
                pooledBetween += (r - 1) * max(0, spread[key] - sampling[key])
                pooledDF += r - 1
            }
        }
        let between0 = pooledDF > 0 ? pooledBetween / pooledDF : defaultBetween
        var share = [Double](repeating: 0, count: k), occurrences = [Int](repeating: 0, count: k)
        var betweenVariance = [Double](repeating: between0, count: k)
        for key in 0..<k {
            let r = Double(estimates[key].count)
            occurrences[key] = estimates[key].count
            if features.keys[key].isRegressor { share[key] = 1; continue }
            guard r > 0 else { continue }
            let df = r - 1
            let blended = (df * spread[key] + priorWeight * (between0 + sampling[key])) / (df + priorWeight)
            betweenVariance[key] = max(0, blended - sampling[key])
            let v = blended / r, b2 = pooled[key] * pooled[key]
            share[key] = b2 > 0 ? max(0, 1 - v / b2) : 0
        }
        let (reliability, seriesOccurrences) = repeatability(stats: stats, features: features, pooled: pooled, share: share,
                                                            occurrenceOf: occurrenceOf, estimates: estimates)
        return EventGuard(share: share, estimate: pooled, occurrences: occurrences, betweenVariance: betweenVariance,
                          reliability: reliability, seriesOccurrences: seriesOccurrences)
    }

    /// ρ per kind of event, the correlation of series' deviations d = m_s,o − m_o on consecutive
    /// occurrences of a key, and each series' occurrences per key.
    private static func repeatability(stats: [SeriesStats?], features: EventFeatures, pooled: [Double], share: [Double], occurrenceOf: [[Int64: Int]],
                                      estimates: [[(m: Double, v: Double)]]) -> ([EventKind: Double], [[Int]]) {
        var sums3: [EventKind: (xy: Double, xx: Double, yy: Double)] = [:]
        var runs = [[Int]](repeating: [], count: stats.count)
        for (s, stat) in stats.enumerated() {
            guard let st = stat else { continue }
            // (key, occurrence) → this series' sums
            var sums: [Int: [Int: Run]] = [:]
            for (t, z) in zip(st.eventRows, st.eventLifts) {
                let row = features.rows[s][t]
                let residual = z - row.reduce(0) { $0 + $1.value * pooled[$1.key] }
                let period = features.starts[s] + Int64(t)
                for (key, x) in row {
                    guard let o = occurrenceOf[key][period] else { continue }
                    sums[key, default: [:]][o, default: Run()].numerator += x * (residual + pooled[key] * x)
                    sums[key, default: [:]][o, default: Run()].denominator += x * x
                }
            }
            runs[s] = st.keys.map { sums[$0]?.count ?? 0 }
            // in key order: a dictionary's order differs between runs, and the sums must not
            for key in sums.keys.sorted() {
                let byOccurrence = sums[key]!
                guard byOccurrence.count > 1, share[key] > 0, !features.keys[key].isRegressor else { continue }
                let deviations = byOccurrence.keys.sorted().compactMap { o -> Double? in
                    let run = byOccurrence[o]!
                    return run.denominator > 0 && o < estimates[key].count ? run.numerator / run.denominator - estimates[key][o].m : nil
                }
                let kind = features.keys[key].kind
                for (a, b) in zip(deviations, deviations.dropFirst()) {
                    sums3[kind, default: (0, 0, 0)].xy += a * b
                    sums3[kind, default: (0, 0, 0)].xx += a * a
                    sums3[kind, default: (0, 0, 0)].yy += b * b
                }
            }
        }
        var rho: [EventKind: Double] = [:]
        for (kind, s) in sums3 where s.xx > 0 && s.yy > 0 { rho[kind] = min(max(s.xy / (s.xx * s.yy).squareRoot(), 0), 1) }
        return (rho, runs)
    }
}

