import Foundation
import OpsKit
import Testing

@testable import Forecast

/// The calendar and events through the commands: outputs, warnings and bad input.
@Suite struct EventCommandTests {
    static func run<C: PluginCommand>(_ type: C.Type, _ args: [String], data: InMemoryDatasets) throws -> String {
        try CommandTests.run(type, args, data: data)
    }

    static func message<C: PluginCommand>(_ type: C.Type, _ args: [String], data: InMemoryDatasets) -> String {
        do { _ = try run(type, args, data: data); return "" } catch { return "\(error)" }
    }

    /// Synthetic sales to 2025-10-31 (S0 only from 2025-01-01), forecasts 28 days ahead.
    static func sales(_ extra: [String: Dataset] = [:]) throws -> InMemoryDatasets {
        InMemoryDatasets(extra.merging(["sales": try EventEffectsTests.sales(days: 670, lateStart: 366)]) { a, _ in a })
    }

    static let predict = ["sales", "--date", "date", "--value", "units", "--by", "sku", "--horizon", "28"]

    @Test func calendarWritesAnEditableDataset() throws {
        let data = InMemoryDatasets([:])
        let out = try Self.run(CalendarCommand.self, ["--from", "2025-11-01", "--to", "2025-11-30", "--as", "cal"], data: data)
        let cal = try data.dataset(named: "cal")
        #expect(cal.columnNames == ["date", "event", "kind", "role", "offset"])
        let events = try cal.column("event").stringValues()
        #expect(events.contains("双11") && !events.contains("春节"))
        #expect(out.contains("stored cal:"))
        let later = try Self.run(CalendarCommand.self, ["--from", "2030-01-01", "--to", "2030-03-01"], data: data)
        #expect(later.contains("not for 2030"))
        #expect(Self.message(CalendarCommand.self, ["--from", "1990-01-01", "--to", "1990-02-01"], data: data).contains("covers 2000–2050"))
        #expect(Self.message(CalendarCommand.self, ["--from", "2026-02-01", "--to", "2026-01-01"], data: data).contains("before the first"))
    }

    @Test func predictLiftsTheForecastOn双11AndWarnsAboutBorrowedEffects() throws {
        let data = try Self.sales()
        let out = try Self.run(PredictCommand.self, Self.predict + ["--as", "fc"], data: data)
        #expect(out.contains("warning: no past 双11 in the history of S0: effect borrowed from the other series"))
        #expect(out.contains("双11 +"))
        let fc = try data.dataset(named: "fc")
        let withEvents = try Self.run(PredictCommand.self, Self.predict + ["--events", "none", "--as", "plain"], data: data)
        #expect(!withEvents.contains("双11"))
        let plain = try data.dataset(named: "plain")
        let day = CivilDate.days(year: 2025, month: 11, day: 11)
        func on(_ d: Dataset, series: String, column: String) throws -> Double {
            let dates = try d.column("date").requireNumeric(), keys = try d.column("sku").stringValues(), v = try d.column(column).requireNumeric()
            return v[dates.indices.first { dates[$0] == Double(day) && keys[$0] == series }!]
        }
        for s in ["S0", "S3"] {
            // the truth is 3 × the ordinary level; events none misses it, the event-aware forecast nearly hits it
            #expect(try on(fc, series: s, column: "forecast") > 2.4 * on(plain, series: s, column: "forecast"))
            #expect(try on(fc, series: s, column: "hi_95") > on(fc, series: s, column: "forecast") * 1.1)
        }
        let effects = try data.dataset(named: "fc_effects")
        #expect(effects.columnNames.contains("learned_from"))
        let explain = try Self.run(ExplainCommand.self, ["fc", "--series", "S3", "--date", "2025-11-11"], data: data)
        #expect(explain.contains("双11: +") && explain.contains("learned from 2024"))
        #expect(explain.contains("2025-11-11: forecast"))
        let borrowed = try Self.run(ExplainCommand.self, ["fc", "--series", "S0"], data: data)
        #expect(borrowed.contains("borrowed from the other series"))
    }

    @Test func inventoryOverALeadTimeSpanning双11RaisesTheReorderPoint() throws {
        let data = try Self.sales()
        _ = try Self.run(PredictCommand.self, Self.predict + ["--as", "fc"], data: data)
        // the same forecasts with the event lifts taken out
        let fc = try data.dataset(named: "fc")
        let lift = try fc.column("lift").requireNumeric()
        let unlifted = try Dataset(columns: fc.columns.map { c in
            guard ["forecast", "lo_80", "hi_80", "lo_95", "hi_95"].contains(c.name) else { return c }
            return Column(name: c.name, doubles: zip(try c.requireNumeric(), lift).map { $0 / $1 })
        })
        let both = InMemoryDatasets(["fc": fc, "unlifted": unlifted])
        _ = try Self.run(InventoryCommand.self, ["fc", "--lead-time", "14", "--as", "inv"], data: both)
        _ = try Self.run(InventoryCommand.self, ["unlifted", "--lead-time", "14", "--as", "inv_plain"], data: both)
        let a = try both.dataset(named: "inv").column("reorder_point").requireNumeric()
        let b = try both.dataset(named: "inv_plain").column("reorder_point").requireNumeric()
        // 11-10 (×2) and 11-11 (×3) add about three ordinary days to the 14
        for i in a.indices { #expect(a[i] > 1.12 * b[i]) }
    }

    @Test func backtestScoresEventDaysApart() throws {
        let data = try Self.sales()
        let out = try Self.run(BacktestCommand.self, Array(Self.predict.dropLast()) + ["14", "--folds", "2", "--models", "ets", "--as", "bt"], data: data)
        #expect(out.contains("MASE events"))
        #expect(try data.dataset(named: "bt").columnNames.contains("mase_event"))
    }

    @Test func userPromotionsWithWindowsIntensityAndSeries() throws {
        let promos = try Dataset(columns: [
            Column(name: "start", strings: ["2025-03-01", "2025-06-01", "2025-11-20", "2030-01-01"]),
            Column(name: "end", strings: ["2025-03-03", "2025-06-03", "2025-11-22", "2030-01-02"]),
            Column(name: "name", strings: ["店庆", "店庆", "店庆", "远期"]),
            Column(name: "intensity", doubles: [1, 1, 1, 1]),
            Column(name: "sku", strings: ["S1", "S1", "S1", "S1"]),
        ])
        let data = try Self.sales(["promos": promos])
        let out = try Self.run(PredictCommand.self, Self.predict + ["--events", "auto,promos", "--as", "fc"], data: data)
        #expect(out.contains("promos: 远期 fall entirely outside the history and the forecast: ignored"))
        let fc = try data.dataset(named: "fc")
        let events = try fc.column("events").stringValues(), keys = try fc.column("sku").stringValues()
        #expect(events.indices.contains { keys[$0] == "S1" && (events[$0] ?? "").contains("店庆") })
        #expect(!events.indices.contains { keys[$0] == "S2" && (events[$0] ?? "").contains("店庆") })
    }

    @Test func badEventsGiveClearErrors() throws {
        var extra: [String: Dataset] = [:]
        func events(_ name: String, _ columns: [Column]) throws { extra[name] = try Dataset(columns: columns) }
        try events("bad_date", [Column(name: "date", strings: ["2025-11-11", "2025-13-45"]), Column(name: "event", strings: ["a", "b"])])
        try events("far", [Column(name: "date", strings: ["2500-01-01"]), Column(name: "event", strings: ["a"])])
        try events("no_name", [Column(name: "date", strings: ["2025-11-11"])])
        try events("backwards", [Column(name: "start", strings: ["2025-11-11"]), Column(name: "end", strings: ["2025-11-01"]), Column(name: "event", strings: ["a"])])
        try events("twice", [Column(name: "start", strings: ["2025-05-01", "2025-05-03"]), Column(name: "end", strings: ["2025-05-05", "2025-05-07"]),
                             Column(name: "event", strings: ["sale", "sale"])])
        let data = try Self.sales(extra)
        let p = Self.predict
        #expect(Self.message(PredictCommand.self, p + ["--events", "bad_date"], data: data).contains("bad_date row 2: '2025-13-45' in 'date' is not a date"))
        #expect(Self.message(PredictCommand.self, p + ["--events", "far"], data: data).contains("out of range"))
        #expect(Self.message(PredictCommand.self, p + ["--events", "no_name"], data: data).contains("no event or name column"))
        #expect(Self.message(PredictCommand.self, p + ["--events", "backwards"], data: data).contains("end is before start"))
        #expect(Self.message(PredictCommand.self, p + ["--events", "missing"], data: data).contains("missing"))
        #expect(!Self.message(PredictCommand.self, p + ["--events", "auto,none"], data: data).isEmpty, "none cannot be combined")
        let overlap = try Self.run(PredictCommand.self, p + ["--events", "twice"], data: data)
        #expect(overlap.contains("3 overlapping day(s) of the same event counted once"))
        let noFuture = Self.message(PredictCommand.self, p + ["--regressors", "units"], data: data)
        #expect(noFuture.contains("--future"))
    }

    @Test func regressorsTakeTheirFutureValues() throws {
        // a promotion flag that doubles sales on flagged days
        let start = CivilDate.days(year: 2026, month: 1, day: 5)
        var dates: [Int64?] = [], units: [Double] = [], flag: [Double] = []
        for t in 0..<120 {
            let on = t % 10 == 3
            dates.append(start + Int64(t)); flag.append(on ? 1 : 0); units.append((on ? 60 : 30) + Double(t % 3))
        }
        let future = try Dataset(columns: [
            Column(name: "date", days: (120..<127).map { Optional(start + Int64($0)) }),
            Column(name: "promo", doubles: (120..<127).map { $0 % 10 == 3 ? 1 : 0 }),
        ])
        let short = try Dataset(columns: [Column(name: "date", days: [start + 120]), Column(name: "promo", doubles: [0])])
        let data = InMemoryDatasets(["s": try Dataset(columns: [Column(name: "date", days: dates), Column(name: "units", doubles: units),
                                                              Column(name: "promo", doubles: flag)]), "future": future, "short": short])
        _ = try Self.run(PredictCommand.self, ["s", "--date", "date", "--value", "units", "--horizon", "7", "--events", "none",
                                               "--regressors", "promo", "--future", "future", "--model", "ses"], data: data)
        let fc = try data.dataset(named: "forecasts").column("forecast").requireNumeric()
        // day 123 is flagged: about twice the others
        #expect(fc[3] > 1.7 * fc[2] && fc[3] < 2.3 * fc[2])
        let error = Self.message(PredictCommand.self, ["s", "--date", "date", "--value", "units", "--horizon", "7", "--regressors", "promo",
                                                        "--future", "short"], data: data)
        #expect(error.contains("--future short has no value of 'promo'"))
    }

    @Test func missingDaysStayMissingUnlessGapsZero() throws {
        let start = CivilDate.days(year: 2026, month: 3, day: 2)
        let days = (0..<84).filter { $0 != 40 }
        let data = InMemoryDatasets(["s": try Dataset(columns: [
            Column(name: "date", days: days.map { Optional(start + Int64($0)) }), Column(name: "v", doubles: days.map { _ in 50 }),
        ])])
        let args = ["s", "--date", "date", "--value", "v", "--horizon", "7", "--model", "snaive", "--events", "none"]
        let out = try Self.run(PredictCommand.self, args, data: data)
        #expect(out.contains("1 missing period(s) kept as missing"))
        #expect(try data.dataset(named: "forecasts").column("forecast").requireNumeric().allSatisfy { $0 == 50 })
        let zero = try Self.run(PredictCommand.self, args + ["--gaps", "zero"], data: data)
        #expect(zero.contains("filled with zero demand"))
    }

    @Test func weeklyDataCountsShortEventsAsTheirShareOfTheWeek() throws {
        let start = CivilDate.days(year: 2023, month: 1, day: 2)
        let data = InMemoryDatasets(["w": try Dataset(columns: [
            Column(name: "date", days: (0..<150).map { Optional(start + Int64(7 * $0)) }),
            Column(name: "v", doubles: (0..<150).map { 100 + Double($0 % 4) }),
        ])])
        let out = try Self.run(PredictCommand.self, ["w", "--date", "date", "--value", "v", "--horizon", "8"], data: data)
        #expect(out.contains("weekly data:") && out.contains("last less than a week"))
    }
}
