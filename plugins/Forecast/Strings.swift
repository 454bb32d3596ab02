import OpsKit

/// User-facing text of the forecast plugin, in one place so that a Chinese
/// interface can be added without touching the logic.
enum Strings {
    static let emptyList = "the list is empty"
    static let modelListHint = "give model names separated by commas, e.g. ets,theta,snaive"
}

extension Strings {
    static let emptyDataset = "the dataset has no rows"
    static let emptyDatasetHint = "load a table with one row per date (and per series)"
    static let frequencyHint = "give --freq H (hourly, needs date-times), D, W or M"
    static let dateHint = "dates look like 2026-01-31, 2026/1/31, 2026年1月31日 or 2026-01-31 13:00"
    static let negativeHint = "use --negative clip to set them to 0, or --negative keep to use them as they are"

    static func badFrequency(_ text: String) -> String { "'\(text)' is not a frequency (auto, H, D, W or M)" }
    static func hourlyNeedsTime(_ column: String) -> String { "--freq H needs date-times, but '\(column)' holds dates" }
    static func cannotInferFrequency(_ column: String) -> String {
        "cannot tell the frequency of '\(column)': its dates are not hourly, daily, weekly or monthly"
    }
    static func seriesTooLong(_ length: Int) -> String { "a series would span \(length) periods: the frequency is probably wrong" }
    static func negativeDemand(_ count: Int, column: String, row: Int, value: Double) -> String {
        "\(count) negative value(s) in '\(column)' (first: row \(row), \(ValueFormat.double(value)))"
    }
    static func negativeClipped(_ count: Int, column: String) -> String { "\(count) negative value(s) in '\(column)' clipped to 0" }
    static func negativeKept(_ count: Int, column: String) -> String {
        "\(count) negative value(s) in '\(column)' kept as they are (returns?); --negative clip sets them to 0"
    }
    static func duplicatesSummed(_ count: Int) -> String { "\(count) row(s) fall on a period already taken in their series: values summed" }
    static func gapsFilled(_ count: Int) -> String { "\(count) missing period(s) filled with zero demand" }
    static func nullsAsZero(_ count: Int, column: String) -> String { "\(count) empty value(s) in '\(column)' read as zero demand" }
    static func nullDate(column: String, row: Int) -> String { "row \(row): the date in '\(column)' is empty" }
    static func badDate(_ text: String, column: String, row: Int) -> String { "row \(row): '\(text)' in '\(column)' is not a date" }
    static func notADateColumn(_ name: String, type: String) -> String { "column '\(name)' (--date) holds \(type) values, not dates" }
}

extension Strings {
    static let forecasting = "forecasting"
    static let seasonHint = "give auto, none, or whole periods such as 7 or 24,168"
    static func badSeason(_ text: String) -> String { "'\(text)' is not a seasonal period (a whole number from 1 to 10000)" }
}

extension Strings {
    static let horizonHint = "give the number of periods to forecast, e.g. --horizon 14"
    static func badHorizon(_ h: Int) -> String { "\(h) is out of range: the horizon must be 1 to 10000 periods" }
    static func badNegative(_ text: String) -> String { "'\(text)' is not keep, clip or error" }
}

extension Strings {
    static let levelHint = "give coverage percentages between 0 and 100, e.g. --level 80,95"
    static func badLevel(_ text: String) -> String { "'\(text)' is not a percentage between 0 and 100" }
    static let seriesHeader = "series"
    static let historyHeader = "history"
    static let modelHeader = "model"
    static let sparkHeader = "recent │ forecast"
    static let historyLegend = "history"
    static let forecastLegend = "forecast"
    static func moreSeries(_ count: Int, total: Int) -> String { "… \(count) more series (\(total) in all)" }
    static func chartTitle(_ key: String, model: String, level: Double) -> String {
        "\(key): \(model), \(ValueFormat.double(level)) % interval"
    }
}

extension Strings {
    static let predictAbstract = "Forecast demand per series, with intervals and the model chosen for each."
    static let predictDiscussion = """
        Gaps in the dates are filled with zero demand and repeated dates summed. With --model auto each series \
        gets SBA when demand is intermittent (average interval between demands above 1.32), AutoETS by AICc for one \
        season up to 24 periods, and an MSTL combination for hourly or weekly seasons; --select backtest picks the \
        candidate with the lowest rolling-origin MASE instead. Writes forecast, lo_L and hi_L per --level, and model.
        """
    static let selectHint = "use --select aicc (default) or --select backtest"
    static let selectNeedsAuto = "--select backtest chooses among models only with --model auto; the named model is used"
    static func badSelect(_ text: String) -> String { "'\(text)' is not aicc or backtest" }
    static func seasonDropped(_ period: Int, series: Int, total: Int) -> String {
        let which = total == 1 ? "the series is" : "\(series) of \(total) series are"
        return "\(which) shorter than two seasons of \(period) periods: fitted without that season"
    }
    static func modelCounts(_ models: [String]) -> String {
        var counts: [String: Int] = [:]
        for m in models { counts[m, default: 0] += 1 }
        let parts = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(6).map { "\($0.key) ×\($0.value)" }
        return "models: " + parts.joined(separator: ", ") + (counts.count > 6 ? ", …" : "")
    }
    static func chartsLimited(_ shown: Int, total: Int) -> String { "charts for the first \(shown) of \(total) series" }
    static func predictStored(_ name: String, rows: Int, series: Int, horizon: Int, frequency: String) -> String {
        "stored \(name): \(rows) rows (\(series) series × \(horizon) periods, frequency \(frequency))"
    }
}

extension Strings {
    static let backtestAbstract = "Compare models by rolling-origin backtest: sMAPE, MASE, bias, interval coverage and service level."
    static let backtestDiscussion = """
        Each of the last --folds windows of --horizon periods is forecast from the history before it. MASE is scaled \
        by the in-sample seasonal naive error; bias is forecast minus actual (positive: over-forecast); service is the \
        share of periods whose demand stayed within the upper 95 % bound, fill rate the share of demand it would have met.
        """
    static let backtesting = "backtesting"
    static let foldsHint = "give the number of rolling origins, e.g. --folds 3"
    static func badFolds(_ n: Int) -> String { "\(n) is out of range: use 1 to 100 folds" }
    static func tooShortForBacktest(_ count: Int, horizon: Int) -> String {
        "\(count) series too short to hold out \(horizon) periods: left out"
    }
    static func bestModel(_ name: String, mase: String) -> String { "lowest MASE: \(name) (\(mase))" }
    static func backtestStored(_ name: String, series: Int, models: Int, folds: Int, horizon: Int) -> String {
        "stored \(name): \(series) series × \(models) models, \(folds) folds of \(horizon) periods"
    }
}

extension Strings {
    static let inventoryAbstract = "Reorder policy per SKU from forecasts: safety stock, reorder point, EOQ, cover and stock-out risk."
    static let inventoryDiscussion = """
        Demand over the lead time plus review period is summed from the forecasts; its error sd comes from the widest \
        interval (hi_L) assuming independent period errors; safety stock is z(service level) × sd and the reorder point \
        demand plus safety stock. EOQ = √(2·annual demand·order cost / holding cost). With --on-hand, SKUs at or below \
        their reorder point are flagged with an order quantity, and the stock-out probability is P(demand > stock on hand).
        """
    static let forecastsHint = "pass a dataset written by `forecast predict` (columns date, forecast, lo_/hi_ bounds)"
    static let leadTimeHint = "give whole periods of the forecast's frequency, e.g. --lead-time 7"
    static let serviceLevelHint = "give a probability such as 0.95"
    static let costHint = "give a non-negative amount"
    static let onHandNeedsStock = "--on-hand and --stock go together"
    static let onHandHint = "e.g. --on-hand stock --stock qty (the on-hand dataset needs the forecasts' SKU column)"
    static let nothingToReorder = "no SKU is at or below its reorder point"
    static func notForecasts(_ problem: String) -> String { "this does not look like a forecasts dataset: \(problem)" }
    static func badPeriods(_ n: Int) -> String { "\(n) is out of range" }
    static func badServiceLevel(_ v: Double) -> String { "\(ValueFormat.double(v)) is not between 0.5 and 0.9999" }
    static func badCost(_ v: Double) -> String { "\(ValueFormat.double(v)) is not a non-negative amount" }
    static func beyondHorizon(_ periods: Int, horizon: Int) -> String {
        "lead time + review period (\(periods)) exceed the forecast horizon (\(horizon)): later periods repeat the average forecast"
    }
    static func noStockFor(_ keys: [String]) -> String {
        "no stock on hand for " + keys.prefix(5).joined(separator: ", ") + (keys.count > 5 ? " and \(keys.count - 5) more" : "")
    }
    static func reorderNow(_ keys: [String]) -> String {
        "reorder now (\(keys.count)): " + keys.prefix(10).joined(separator: ", ") + (keys.count > 10 ? ", …" : "")
    }
    static func inventoryStored(_ name: String, skus: Int, serviceLevel: Double) -> String {
        "stored \(name): \(skus) SKUs at service level \(ValueFormat.double(serviceLevel))"
    }
}
