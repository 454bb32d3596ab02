import Foundation
import OpsKit

/// Builds the `forecasts` dataset: the `--by` and date columns under their own
/// names, then `forecast`, `lo_L`/`hi_L` per level, and `model`; with event effects
/// also `events` (the events of each period) and `lift` (the factor they multiply by);
/// `mase` holds the holdout error of the series where it was measured.
enum ForecastOutput {
    /// Columns that are not the series key (for reading a forecasts dataset back).
    static let reservedColumns: Set<String> = ["forecast", "model", "events", "lift", "mase"]

    static func dataset(table: SeriesTable, results: [SeriesResult], horizon: Int, levels: [Double],
                        effects: EventEffects? = nil, scores: [BacktestScore?] = []) throws -> Dataset {
        let rows = table.count * horizon
        var stamps = [Int64](repeating: 0, count: rows)
        var mean = [Double](repeating: 0, count: rows)
        var bounds = levels.map { _ in (lower: [Double](repeating: 0, count: rows), upper: [Double](repeating: 0, count: rows)) }
        var models = [String](repeating: "", count: rows)
        var keyRows = [Int](repeating: 0, count: rows)
        let clip = table.values.map { $0.allSatisfy { !($0 < 0) } }
        var eventNames = [String?](repeating: nil, count: rows), lifts = [Double](repeating: 1, count: rows)
        var mase = [Double?](repeating: nil, count: rows)
        for s in 0..<table.count {
            let f = results[s].forecast
            let intervals = levels.map { f.interval(level: $0 / 100) }
            for h in 0..<horizon {
                let r = s * horizon + h
                stamps[r] = table.stamp(series: s, offset: table.values[s].count + h)
                mean[r] = f.mean[h]
                for (i, interval) in intervals.enumerated() {
                    bounds[i].lower[r] = clip[s] ? max(0, interval.lower[h]) : interval.lower[h]
                    bounds[i].upper[r] = interval.upper[h]
                }
                models[r] = f.model
                keyRows[r] = table.keyRows[s]
                if s < scores.count, let m = scores[s]?.mase, m.isFinite { mase[r] = m }
                if let effects {
                    let t = table.values[s].count + h
                    let names = effects.features.rows[s][t].map { effects.features.keys[$0.key].event }
                    var unique: [String] = []
                    for name in names where !unique.contains(name) { unique.append(name) }
                    if !unique.isEmpty { eventNames[r] = unique.joined(separator: ",") }
                    lifts[r] = exp(effects.logLift(series: s, period: t))
                }
            }
        }
        var columns: [Column] = []
        if let by = table.byColumn { columns.append(by.selecting(rows: keyRows)) }
        columns.append(Column(name: table.dateName, type: table.isDateTime ? .datetime : .date, values: .integers(stamps)))
        columns.append(Column(name: "forecast", doubles: mean))
        for (i, level) in levels.enumerated() {
            let label = ValueFormat.double(level)
            columns.append(Column(name: "lo_\(label)", doubles: bounds[i].lower.map { $0.isNaN ? nil : $0 }))
            columns.append(Column(name: "hi_\(label)", doubles: bounds[i].upper.map { $0.isNaN ? nil : $0 }))
        }
        columns.append(Column(name: "model", strings: models))
        if effects != nil {
            columns.append(Column(name: "events", strings: eventNames))
            columns.append(Column(name: "lift", doubles: lifts))
        }
        if mase.contains(where: { $0 != nil }) { columns.append(Column(name: "mase", doubles: mase)) }
        return try Dataset(columns: columns)
    }

    /// Parses `--level 80,95`.
    static func levels(_ text: String) throws -> [Double] {
        var levels: [Double] = []
        for part in text.split(separator: ",") {
            guard let v = Double(part.trimmingWhitespace()), v > 0, v < 100 else {
                throw OpsError.invalidOption("--level", Strings.badLevel(String(part)), hint: Strings.levelHint)
            }
            if !levels.contains(v) { levels.append(v) }
        }
        guard !levels.isEmpty else { throw OpsError.invalidOption("--level", Strings.emptyList, hint: Strings.levelHint) }
        return levels.sorted()
    }
}
