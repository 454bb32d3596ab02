import Foundation
import OpsKit

/// The printed summary of `forecast predict`: a table per series and charts.
enum ForecastReport {
    static let shownSeries = 20
    static let chartedSeries = 5

    /// Model choice, history length, holdout error and a sparkline (history │ forecast) per series.
    static func summary(table: SeriesTable, results: [SeriesResult], scores: [BacktestScore?], context: CommandContext) {
        let withEvents = results.contains { !$0.events.isEmpty }
        let label = table.byColumn?.name ?? Strings.seriesHeader
        var rows: [[String]] = []
        for s in 0..<min(shownSeries, table.count) {
            let y = table.values[s]
            let f = results[s].forecast.mean
            let tail = Array(y.suffix(24)), ahead = Array(f.prefix(12))
            let line = Array(Sparkline.render(tail + ahead))
            let spark = String(line[..<tail.count]) + "│" + String(line[tail.count...])
            let score = scores[s]
            var row = [
                table.keys[s], String(y.count), results[s].forecast.model,
                score.map { format($0.mase) } ?? "–", score.map { format($0.smape) } ?? "–", spark,
            ]
            if withEvents { row.append(eventList(results[s].events)) }
            rows.append(row)
        }
        var headers = [label, Strings.historyHeader, Strings.modelHeader, "MASE", "sMAPE", Strings.sparkHeader]
        if withEvents { headers.append(Strings.eventsHeader) }
        context.table(headers: headers, rows: rows, alignments: [.left, .right, .left, .right, .right, .left, .left])
        if table.count > shownSeries { context.print(Strings.moreSeries(table.count - shownSeries, total: table.count)) }
    }

    /// A chart of the recent history, the forecast and its widest interval.
    static func chart(table: SeriesTable, series s: Int, result: SeriesResult, level: Double, context: CommandContext) {
        let y = table.values[s]
        let horizon = result.forecast.mean.count
        let shown = min(y.count, max(3 * horizon, 48), 200)
        let history = Array(y.suffix(shown))
        let interval = result.forecast.interval(level: level / 100)
        let lower = y.allSatisfy({ !($0 < 0) }) ? interval.lower.map { max(0, $0) } : interval.lower
        let width = max(20, min(context.style.width - 14, 80))
        let chart = LineChart(width: width, height: 12).render(
            series: [
                ChartSeries(label: Strings.historyLegend, values: history, symbol: "·"),
                ChartSeries(label: Strings.forecastLegend, values: result.forecast.mean, symbol: "●", offset: shown),
            ],
            band: (offset: shown, lower: lower, upper: interval.upper),
            xLabels: (table.formattedDate(series: s, offset: y.count - shown), table.formattedDate(series: s, offset: y.count + horizon - 1)))
        if table.count > 1 || table.byColumn != nil { context.print(Strings.chartTitle(table.keys[s], model: result.forecast.model, level: level)) }
        context.write(chart)
    }

    /// `双11 +180%, 双12 +40%`: the strongest events ahead (up to four).
    static func eventList(_ events: [(event: String, lift: Double)]) -> String {
        let strong = events.filter { abs($0.lift) >= 0.05 }.sorted { abs($0.lift) > abs($1.lift) }.prefix(4)
        return strong.map { "\($0.event) \(percent(exp($0.lift) - 1))" }.joined(separator: ", ")
    }

    /// `+180%`, `−45%`.
    static func percent(_ change: Double) -> String {
        let p = Int((change * 100).rounded())
        return p >= 0 ? "+\(p)%" : "−\(-p)%"
    }

    static func format(_ value: Double) -> String { value.isFinite ? ValueFormat.fixed(value, digits: 2) : "–" }
}
