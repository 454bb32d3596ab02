import Foundation
import OpsKit
import Testing
import Workbench

@testable import Forecast

/// The forecast commands through a workbench session on the sample data, as a user runs them,
/// and the runbook `examples/forecast.opsb` line by line.
@Suite struct ForecastEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sales = root.appendingPathComponent("examples/daily_sales.csv").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sales), "needs examples/daily_sales.csv"))
    func predictBacktestInventoryOnTheSampleSales() throws {
        let session = try Session.temporary(plugins: [ForecastPlugin.self])
        #expect(session.execute("load sales \(Self.sales)").succeeded)
        let predict = session.execute("forecast predict sales --date date --value units --by sku --horizon 14")
        #expect(predict.succeeded, "\(predict.output)")
        #expect(predict.output.contains("stored forecasts: 336 rows (24 series × 14 periods, frequency D)"))
        #expect(predict.output.contains("recent │ forecast"))
        let forecasts = try session.workspace.dataset(named: "forecasts")
        #expect(forecasts.columnNames == ["sku", "date", "forecast", "lo_80", "hi_80", "lo_95", "hi_95", "model", "events", "lift", "mase"])
        #expect(forecasts.columns[1].formatted(at: 0) == "2026-11-01")
        // the calendar is on: 11-11 (last year about 2,330 units over all SKUs) is forecast far above an ordinary day
        let dates = forecasts.columns[1].stringValues(), mean = try forecasts.column("forecast").requireNumeric()
        func total(_ day: String) -> Double { dates.indices.filter { dates[$0] == day }.reduce(0) { $0 + mean[$1] } }
        #expect(total("2026-11-11") > 1800 && total("2026-11-11") > 2 * total("2026-11-14"))
        #expect(predict.output.contains("双11 +"))

        let again = session.execute("forecast predict sales --date date --value units --by sku --horizon 14 --as again")
        #expect(try session.workspace.dataset(named: "again") == forecasts, "same input, same output")
        #expect(again.output == predict.output.replacingOccurrences(of: "stored forecasts", with: "stored again"))

        let backtest = session.execute("forecast backtest sales --date date --value units --by sku --horizon 14 --folds 2 --models snaive,auto")
        #expect(backtest.succeeded, "\(backtest.output)")
        #expect(backtest.output.contains("service") && backtest.output.contains("bias"))

        let inventory = session.execute("forecast inventory forecasts --lead-time 5 --review-period 7")
        #expect(inventory.succeeded, "\(inventory.output)")
        #expect(try session.workspace.dataset(named: "inventory").rowCount == 24)

        let bad = session.execute("forecast predict sales --date date --value units --by sku --horizon 0")
        #expect(!bad.succeeded && bad.output.contains("--horizon"))
        let help = session.execute("help forecast predict")
        #expect(help.output.contains("forecast predict sales --date date --value units --by sku --horizon 14"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sales), "needs examples/daily_sales.csv"))
    func runbookRunsLineByLine() throws {
        let session = try Session.temporary(plugins: [ForecastPlugin.self])
        let runbook = try String(contentsOf: Self.root.appendingPathComponent("examples/forecast.opsb"), encoding: .utf8)
        for line in runbook.split(separator: "\n") {
            let command = line.replacingOccurrences(of: "examples/", with: Self.root.path + "/examples/")
            let result = session.execute(command)
            #expect(result.succeeded, "\(line)\n\(result.output)")
        }
    }
}
