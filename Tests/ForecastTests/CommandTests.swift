import Foundation
import OpsKit
import OpsKitTesting
import Testing

@testable import Forecast

/// The commands on small in-memory tables: outputs, notes and errors for bad input.
@Suite struct CommandTests {
    /// Two SKUs of daily sales: A smooth with a weekly pattern, B intermittent; one gap and one repeated date in A.
    static func sales() throws -> Dataset {
        var dates: [Int64?] = [], skus: [String] = [], units: [Double] = []
        let start = CivilDate.days(year: 2026, month: 1, day: 1)
        for t in 0..<70 where t != 20 {
            dates.append(start + Int64(t)); skus.append("A"); units.append(20 + Double([0, 2, 4, 6, 4, 2, 0][t % 7]) + Double(t % 3))
        }
        dates.append(start + 30); skus.append("A"); units.append(5)
        for t in 0..<70 {
            dates.append(start + Int64(t)); skus.append("B"); units.append(t % 5 == 0 ? Double(2 + t % 3) : 0)
        }
        return try Dataset(columns: [Column(name: "日期", days: dates), Column(name: "sku", strings: skus), Column(name: "units", doubles: units)])
    }

    static func run<C: PluginCommand>(_ type: C.Type, _ args: [String], data: InMemoryDatasets) throws -> String {
        try PluginHarness(ForecastPlugin.self, on: data).run(type, args)
    }

    @Test func predictWritesOneForecastPerSeriesWithIntervals() throws {
        let data = InMemoryDatasets(["sales": try Self.sales()])
        let out = try Self.run(PredictCommand.self, ["sales", "--date", "日期", "--value", "units", "--by", "sku", "--horizon", "7"], data: data)
        let fc = try data.dataset(named: "forecasts")
        #expect(fc.columnNames == ["sku", "日期", "forecast", "lo_80", "hi_80", "lo_95", "hi_95", "model", "events", "lift", "mase"])
        #expect(fc.rowCount == 14)
        #expect(fc.columns[1].formatted(at: 0) == "2026-03-12")
        let model = fc.columns[7].stringValues()
        #expect(model[0]!.hasPrefix("ets("))
        #expect(model[7] == "sba")
        let mean = try fc.column("forecast").requireNumeric(), lo = try fc.column("lo_95").requireNumeric(), hi = try fc.column("hi_95").requireNumeric()
        for r in 0..<14 { #expect(lo[r] <= mean[r] && mean[r] <= hi[r] && lo[r] >= 0) }
        #expect(out.contains("warning: 1 row(s) fall on a period already taken in their series: values summed"))
        #expect(out.contains("note: 1 missing period(s) kept as missing, not zero demand"))
        #expect(out.contains("stored forecasts: 14 rows (2 series × 7 periods, frequency D)"))
    }

    @Test func selectBacktestPicksAmongCandidatesPerSeries() throws {
        let data = InMemoryDatasets(["sales": try Self.sales()])
        let out = try Self.run(PredictCommand.self, ["sales", "--date", "日期", "--value", "units", "--by", "sku", "--horizon", "7",
                                                     "--select", "backtest"], data: data)
        let models = try data.dataset(named: "forecasts").column("model").stringValues()
        // B is intermittent: its candidates are Croston, SBA and TSB
        #expect(["croston", "sba", "tsb"].contains(models[7]!))
        #expect(!out.contains("–  –"), "the summary shows the backtest scores")
    }

    @Test func singleSeriesGetsAChartAndShortSeriesLoseTheirSeason() throws {
        let start = CivilDate.days(year: 2026, month: 1, day: 1)
        let data = InMemoryDatasets(["s": try Dataset(columns: [
            Column(name: "date", days: (0..<10).map { Optional(start + Int64($0)) }), Column(name: "v", doubles: (0..<10).map { Double($0) }),
        ])])
        let out = try Self.run(PredictCommand.self, ["s", "--date", "date", "--value", "v", "--horizon", "3", "--model", "holt-winters"], data: data)
        #expect(out.contains("note: the series is shorter than two seasons of 7 periods: fitted without that season"))
        #expect(out.contains("░ interval"))
    }

    @Test func backtestReportsBiasCoverageAndServiceLevel() throws {
        let data = InMemoryDatasets(["sales": try Self.sales()])
        let out = try Self.run(BacktestCommand.self, ["sales", "--date", "日期", "--value", "units", "--by", "sku", "--horizon", "7",
                                                     "--folds", "2", "--models", "naive,croston,sba", "--as", "bt"], data: data)
        let bt = try data.dataset(named: "bt")
        #expect(bt.rowCount == 6)
        #expect(bt.columnNames.contains("bias") && bt.columnNames.contains("service_level") && bt.columnNames.contains("coverage_95"))
        #expect(out.contains("lowest MASE:"))
    }

    @Test func inventoryFlagsSKUsBelowTheirReorderPoint() throws {
        let data = InMemoryDatasets(["sales": try Self.sales()])
        _ = try Self.run(PredictCommand.self, ["sales", "--date", "日期", "--value", "units", "--by", "sku", "--horizon", "14"], data: data)
        data.commit([])
        let stock = try Dataset(columns: [Column(name: "sku", strings: ["A", "B"]), Column(name: "qty", doubles: [10, 500])])
        let withStock = InMemoryDatasets(data.datasets.merging(["stock": stock]) { a, _ in a })
        let out = try Self.run(InventoryCommand.self, ["forecasts", "--lead-time", "3", "--on-hand", "stock", "--stock", "qty",
                                                      "--order-cost", "50", "--holding-cost", "2"], data: withStock)
        let inv = try withStock.dataset(named: "inventory")
        let reorder = try inv.column("reorder_now")
        #expect(reorder.formatted(at: 0) == "true" && reorder.formatted(at: 1) == "false")
        let rop = try inv.column("reorder_point").requireNumeric(), lead = try inv.column("demand_lead_time").requireNumeric()
        #expect(rop[0] > lead[0])
        #expect(out.contains("reorder now (1): A"))
        func refusal(_ args: [String]) -> OpsError? {
            do { _ = try Self.run(InventoryCommand.self, ["forecasts"] + args, data: withStock); return nil } catch { return error as? OpsError }
        }
        #expect(refusal(["--lead-time", "3", "--on-hand", "stock"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["conflict", "--stock"])
        #expect(refusal(["--lead-time", "0"])?.code == .outOfRange)
        #expect(refusal(["--lead-time", "3", "--service-level", "1"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["out-of-range", "--service-level"])
        #expect(refusal(["--lead-time", "3", "--holding-cost", "-1"])?.option == "--holding-cost")
        #expect(InventoryCommand.descriptor(plugin: "forecast").argument(named: "--stock")?.completion == .columns(of: "--on-hand"))
    }

    @Test func badInputGivesClearErrors() throws {
        let data = InMemoryDatasets([
            "sales": try Self.sales(),
            "text": try Dataset(columns: [Column(name: "d", strings: ["2026-01-01", "2026-13-40"]), Column(name: "v", doubles: [1, 2])]),
            "neg": try Dataset(columns: [Column(name: "d", strings: ["2026-01-01", "2026-01-02"]), Column(name: "v", doubles: [1, -2])]),
        ])
        func message(_ args: [String]) -> String {
            do { _ = try Self.run(PredictCommand.self, args, data: data); return "" } catch { return "\(error)" }
        }
        #expect(message(["text", "--date", "d", "--value", "v", "--horizon", "2"]).contains("row 2: '2026-13-40' in 'd' is not a date"))
        #expect(message(["sales", "--date", "日期", "--value", "sku", "--horizon", "2"]).contains("'sku' (--value) is not numeric"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "0"]).contains("--horizon must be between 1 and 10000 (got 0)"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "10001"]).contains("--horizon must be between 1 and 10000 (got 10001)"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--by", "skus", "--horizon", "2"]).contains("did you mean 'sku'"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--model", "arima"]).contains("unknown value 'arima' for --model"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--model", "etss"]).contains("did you mean 'ets'"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--level", "80,100"]).contains("--level must be greater than 0 and less than 100 (got 100)"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--freq", "Q"]).contains("unknown value 'Q' for --freq"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--season", "0"]).contains(
            "--season must be between 1 and 10000 (got 0)"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--season", "weekly"]).contains(
            "--season expects auto, none or a whole number (got 'weekly')"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--season", "7,auto"]).contains(
            "--season expects auto, none or a whole number (got 'auto')"))
        #expect(message(["sales", "--date", "日期", "--value", "units", "--horizon", "2", "--season", "7;365"]).contains(
            "accepted: auto | none, or values separated by commas, each a whole number between 1 and 10000"))
        #expect(message(["neg", "--date", "d", "--value", "v", "--horizon", "2", "--negative", "error"]).contains("first: row 2, -2"))
        #expect(message(["neg", "--date", "d", "--value", "v", "--horizon", "2", "--negative", "clip"]) == "")
    }

    @Test func helpShowsExamples() {
        #expect(PredictCommand.examples.allSatisfy { $0.hasPrefix("forecast predict") || $0.hasPrefix("sql ") })
        #expect(ForecastPlugin.commands.count == 5)
    }
}
