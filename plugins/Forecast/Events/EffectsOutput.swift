import Foundation
import OpsKit

/// The `<forecasts>_effects` dataset: per series, every event key active in the
/// forecast horizon with its lift, how often the series saw it, in which years,
/// whether the effect is the series' own or borrowed from the pooled fit, and the share of
/// it the guard kept (``EventGuard``).
enum EffectsOutput {
    static func name(for forecasts: String) -> String { forecasts + "_effects" }

    struct Row {
        var series: Int
        var key: Int
        var lift: Double
        var occurrences: Int
        var years: [Int]
    }

    /// The rows for series `s`: keys active in its horizon, in order of first appearance.
    static func rows(series s: Int, table: SeriesTable, effects: EventEffects, horizon: Int) -> [Row] {
        guard let fit = effects.fits[s] else { return [] }
        let features = effects.features
        let n = table.values[s].count
        var keys: [Int] = []
        for t in n..<min(n + horizon, features.rows[s].count) {
            for (k, _) in features.rows[s][t] where !keys.contains(k) { keys.append(k) }
        }
        return keys.map { k in
            var years = Set<Int>()
            for t in 0..<n where table.values[s][t].isFinite && features.rows[s][t].contains(where: { $0.key == k }) {
                years.insert(CivilDate.components(fromDays: table.stamp(series: s, offset: t)).year)
            }
            return Row(series: s, key: k, lift: fit.lift[k], occurrences: fit.occurrences[k], years: years.sorted())
        }
    }

    static func dataset(table: SeriesTable, effects: EventEffects, horizon: Int) throws -> Dataset {
        let all = (0..<table.count).flatMap { rows(series: $0, table: table, effects: effects, horizon: horizon) }
        let keys = effects.features.keys
        var columns: [Column] = []
        if let by = table.byColumn { columns.append(by.selecting(rows: all.map { table.keyRows[$0.series] })) }
        columns += [
            Column(name: "event", strings: all.map { keys[$0.key].event }),
            Column(name: "key", strings: all.map { keys[$0.key].label }),
            Column(name: "lift_pct", doubles: all.map { 100 * (exp($0.lift) - 1) }),
            Column(name: "occurrences", integers: all.map { Int64($0.occurrences) }),
            Column(name: "learned_from", strings: all.map { $0.years.map(String.init).joined(separator: ",") }),
            Column(name: "source", strings: all.map { $0.occurrences > 0 ? "own" : "pooled" }),
            Column(name: "kept_pct", doubles: all.map { 100 * effects.guarded.share[$0.key] }),
        ]
        return try Dataset(columns: columns)
    }
}
