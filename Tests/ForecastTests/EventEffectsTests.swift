import Foundation
import OpsKit
import Testing

@testable import Forecast

/// Event effects recovered from synthetic series with known multiplicative lifts.
@Suite struct EventEffectsTests {
    static let start = CivilDate.days(year: 2024, month: 1, day: 1)

    /// Daily sales of `count` series over `days` days: level × weekday × true lift × noise (±8 %).
    /// 双11 ×3 (×2 the day before), 春节 peak days ×0.5; series 0 starts `lateStart` days later.
    static func sales(count: Int = 10, days: Int = 731, lateStart: Int = 0) throws -> Dataset {
        var rng = SeededGenerator(seed: 7)
        let calendar = RetailCalendar.entries(from: start, to: start + Int64(days))
        var truth: [Int64: Double] = [:]
        for e in calendar {
            if e.event == "双11", e.role == .peak { truth[e.day, default: 1] *= 3 }
            if e.event == "双11", e.offset == -1 { truth[e.day, default: 1] *= 2 }
            if e.event == "春节", e.role == .peak { truth[e.day, default: 1] *= 0.5 }
        }
        var dates: [Int64?] = [], keys: [String] = [], units: [Double] = []
        for s in 0..<count {
            let level = 40 + 10 * Double(s)
            for t in (s == 0 ? lateStart : 0)..<days {
                let day = start + Int64(t)
                let weekday = [1.0, 0.95, 0.95, 1.0, 1.1, 1.3, 1.2][CivilDate.weekday(fromDays: day)]
                let noise = 1 + Double.random(in: -0.08...0.08, using: &rng)
                dates.append(day); keys.append("S\(s)"); units.append((level * weekday * (truth[day] ?? 1) * noise).rounded())
            }
        }
        return try Dataset(columns: [Column(name: "date", days: dates), Column(name: "sku", strings: keys), Column(name: "units", doubles: units)])
    }

    static func fit(_ data: Dataset, horizon: Int) throws -> (EventEffects, SeriesTable) {
        let table = try SeriesTable(dataset: data, date: "date", value: "units", by: "sku", frequency: nil, negative: .keep)
        let last = table.stamp(series: 1, offset: table.values[1].count + horizon)
        let features = EventFeatures(entries: RetailCalendar.entries(from: start, to: last), table: table, horizon: horizon)
        let effects = EventEffects.fit(values: table.values, lengths: table.values.map(\.count), features: features, period: 7)
        return (effects, table)
    }

    static func lift(_ effects: EventEffects, series: Int, _ label: String) -> Double {
        let k = effects.features.keys.firstIndex { $0.label == label }!
        return exp(effects.fits[series]!.lift[k])
    }

    /// The fitted lift of series `s` on a day (all events of the day together).
    static func lift(_ effects: EventEffects, table: SeriesTable, series s: Int, _ y: Int, _ m: Int, _ d: Int) -> Double {
        exp(effects.logLift(series: s, period: Int(CivilDate.days(year: y, month: m, day: d) - table.starts[s])))
    }

    @Test func recoversKnownLiftsPerEventAndOffset() throws {
        let (effects, table) = try Self.fit(Self.sales(), horizon: 0)
        for s in [1, 5, 9] {
            #expect(abs(Self.lift(effects, series: s, "双11@0") / 3 - 1) < 0.1, "双11 peak of S\(s)")
            #expect(abs(Self.lift(effects, series: s, "双11@-1") / 2 - 1) < 0.1)
            #expect(abs(Self.lift(effects, table: table, series: s, 2025, 1, 31) / 0.5 - 1) < 0.12, "春节 初三")
            #expect(abs(Self.lift(effects, table: table, series: s, 2024, 2, 12) / 0.5 - 1) < 0.12, "春节 初三")
            // no true effect: the estimate stays near 1
            #expect(abs(Self.lift(effects, series: s, "元宵@0") - 1) < 0.12)
            #expect(abs(Self.lift(effects, series: s, "双11@-5") - 1) < 0.12)
            #expect(abs(Self.lift(effects, table: table, series: s, 2025, 6, 18) - 1) < 0.12, "618")
        }
    }

    @Test func aSeriesWithoutPastOccurrencesBorrowsThePooledEffect() throws {
        // S0 starts in 2025-01: its history (to 2025-10-31) holds no 双11
        let (effects, table) = try Self.fit(Self.sales(days: 670, lateStart: 366), horizon: 28)
        let k = effects.features.keys.firstIndex { $0.label == "双11@0" }!
        #expect(effects.fits[0]!.occurrences[k] == 0)
        #expect(effects.fits[0]!.lift[k] == effects.pooled[k])
        #expect(abs(exp(effects.pooled[k]) / 3 - 1) < 0.1)
        // and the forecast of 11-11 is lifted accordingly
        let n = table.values[0].count
        let t = Int(CivilDate.days(year: 2025, month: 11, day: 11) - table.starts[0])
        #expect(t >= n)
        #expect(abs(exp(effects.logLift(series: 0, period: t)) / 3 - 1) < 0.1)
        #expect(effects.extraVariance(series: 0, period: t) > effects.extraVariance(series: 1, period: t))
    }

    @Test func ridgeSolvesAHandWorkedSystem() {
        // [[2,1],[1,3]] + 1·I = [[3,1],[1,4]]; rhs [1,2] + 1·[1,0] = [2,2] → x = (6/11, 4/11)
        let x = Ridge.solve([2, 1, 1, 3], [1, 2], size: 2, lambda: [1, 1], prior: [1, 0])
        #expect(abs(x[0] - 6.0 / 11) < 1e-12 && abs(x[1] - 4.0 / 11) < 1e-12)
    }

    @Test func baselineFillsGapsWithLevelTimesWeekday() {
        var y = (0..<56).map { Double([10, 10, 10, 10, 10, 20, 20][$0 % 7]) }
        y[30] = .nan
        let filled = Baseline.filled(y, period: 7)
        // day 30 is a weekday-2 day: about 10 (level 12.9 × factor 0.78)
        #expect(abs(filled[30] - 10) < 0.5)
        #expect(filled[29] == 10)
    }
}
