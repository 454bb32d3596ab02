import OpsKit

/// Charts of `forecast` results: history, forecast, interval and events per series; backtest errors per model.
enum ForecastCharts {
    /// Series drawn from one forecast result.
    static let seriesLimit = 3

    /// For each of the first series: its recent history, the forecast (dashed), the widest interval, event days.
    static func predictions(_ result: ResultCharts.Result) throws -> [TitledChart] {
        let data = result.dataset
        let dateName = result.command.option("--date") ?? "date"
        guard let dateColumn = try? data.column(dateName), let dates = dateColumn.numericValues(), let forecast = data.numbers("forecast")
        else { return [] }
        let by = result.command.option("--by").flatMap { data.index(ofColumn: $0) != nil ? $0 : nil }
        let keys = by.flatMap { data.texts($0) } ?? Array(repeating: "", count: data.rowCount)
        let level = data.columnNames.compactMap { $0.hasPrefix("hi_") ? Double($0.dropFirst(3)) : nil }.max()
        let lowName = level.map { "lo_" + ValueFormat.double($0) }, highName = level.map { "hi_" + ValueFormat.double($0) }
        let lower = lowName.flatMap { data.numbers($0) }, upper = highName.flatMap { data.numbers($0) }
        let events = data.texts("events")
        let history = try HistoryLookup(result, dateName: dateName, by: by)
        var charts: [TitledChart] = []
        for key in keys.uniqued().prefix(seriesLimit) {
            let rows = keys.indices.filter { keys[$0] == key }
            let x = rows.map { dates[$0] }
            var series = [SVGLineChart.Series(label: WorkshopMessages.forecast, x: x, y: rows.map { forecast[$0] }, dashed: true)]
            if let past = history?.series(key: key, before: x.min() ?? 0, span: max(56, 4 * Double(rows.count))) {
                series.insert(.init(label: WorkshopMessages.history, x: past.x, y: past.y), at: 0)
                // join the lines: the forecast starts where the history ends
                if let lastX = past.x.last, let lastY = past.y.last {
                    series[1].x.insert(lastX, at: 0)
                    series[1].y.insert(lastY, at: 0)
                }
            }
            let title = WorkshopMessages.forecastTitle(result.name, key: key)
            var chart = SVGLineChart(title: title, series: series)
            if let lower, let upper, let level {
                chart.bands = [.init(label: WorkshopMessages.interval(level), x: x, lower: rows.map { lower[$0] }, upper: rows.map { upper[$0] }, colorIndex: series.count - 1)]
            }
            if let events { chart.events = spans(rows.map { (dates[$0], events[$0]) }) }
            chart.xFormat = dateColumn.type == .date ? .date : .number
            chart.yTitle = result.command.option("--value")
            charts.append(TitledChart(title: title, svg: chart.render()))
        }
        return charts
    }

    /// Consecutive days with the same event name joined into one span (a name may list several: `双11,周末`).
    static func spans(_ days: [(Double, String)]) -> [SVGLineChart.Event] {
        var spans: [SVGLineChart.Event] = []
        for (day, names) in days.sorted(by: { $0.0 < $1.0 }) where !names.isEmpty {
            if let last = spans.last, last.label == names, day - last.end <= 1 { spans[spans.count - 1].end = day } else {
                spans.append(.init(label: names, start: day, end: day))
            }
        }
        return spans
    }

    /// Mean MASE and sMAPE of each model over the series and windows, best first.
    static func backtest(_ result: ResultCharts.Result) throws -> [TitledChart] {
        guard let models = result.dataset.texts("model"), let mase = result.dataset.numbers("mase") else { return [] }
        var sums: [String: (Double, Int)] = [:]
        for (model, value) in zip(models, mase) where value.isFinite {
            sums[model, default: (0, 0)].0 += value
            sums[model, default: (0, 0)].1 += 1
        }
        let means = sums.mapValues { $0.0 / Double($0.1) }
        let order = means.keys.sorted { (means[$0]!, $0) < (means[$1]!, $1) }
        var chart = SVGBarChart(title: WorkshopMessages.backtestTitle(result.name), categories: order,
                                series: [.init(label: "MASE", values: order.map { means[$0]! })])
        chart.reference = 1
        chart.yTitle = WorkshopMessages.meanMASE
        return [TitledChart(title: chart.title, svg: chart.render())]
    }
}

/// The history a forecast was made from, per series.
private struct HistoryLookup {
    let dates: [Double]
    let values: [Double]
    let keys: [String]?

    init?(_ result: ResultCharts.Result, dateName: String, by: String?) throws {
        guard let input = try result.input(), let valueName = result.command.option("--value"),
            let dates = input.numbers(dateName), let values = input.numbers(valueName)
        else { return nil }
        self.dates = dates
        self.values = values
        keys = by.flatMap { input.texts($0) }
    }

    /// The points of series `key` in the `span` (x units) before `before`, by date.
    func series(key: String, before: Double, span: Double) -> (x: [Double], y: [Double])? {
        let rows = dates.indices.filter { (keys == nil || keys![$0] == key) && dates[$0] < before && dates[$0] >= before - span }
            .sorted { dates[$0] < dates[$1] }
        guard !rows.isEmpty else { return nil }
        return (rows.map { dates[$0] }, rows.map { values[$0] })
    }
}
