import Collections
import OpsKit

/// A forecasts dataset read back: per SKU, the point forecasts and the error sd
/// implied by the widest `hi_L` bound (`(hi_L − forecast) / z`).
struct ForecastsInput {
    var keyColumn: Column?
    var keys: [String]
    /// Rows of each SKU, in date order.
    var groups: [[Int]]
    var means: [[Double]]
    var sds: [[Double]]
    var frequency: Frequency
    var horizon: Int

    init(_ data: Dataset) throws {
        let reserved: (String) -> Bool = { ForecastOutput.reservedColumns.contains($0) || $0.hasPrefix("lo_") || $0.hasPrefix("hi_") }
        guard let dateColumn = data.columns.first(where: { $0.type == .date || $0.type == .datetime }) else {
            throw OpsError(Strings.notForecasts("no date column"), hint: Strings.forecastsHint)
        }
        let forecast = try data.column("forecast").requireNumeric(option: "forecast")
        let uppers = data.columns.compactMap { c -> (Double, Column)? in
            guard c.name.hasPrefix("hi_"), let level = Double(c.name.dropFirst(3)), level > 0, level < 100 else { return nil }
            return (level, c)
        }
        guard let widest = uppers.max(by: { $0.0 < $1.0 }) else { throw OpsError(Strings.notForecasts("no hi_ interval column"), hint: Strings.forecastsHint) }
        let upper = try widest.1.requireNumeric()
        let z = Gaussian.quantile(0.5 + widest.0 / 200)
        keyColumn = data.columns.first { $0.type != .date && $0.type != .datetime && !reserved($0.name) }
        var index = OrderedDictionary<String, [Int]>()
        let keyValues = keyColumn?.stringValues()
        for row in 0..<data.rowCount { index[keyValues?[row] ?? "" ?? "", default: []].append(row) }
        guard case .integers(let stamps) = dateColumn.values else { throw OpsError(Strings.notForecasts("bad date column"), hint: Strings.forecastsHint) }
        keys = Array(index.keys)
        groups = index.values.map { rows in rows.sorted { stamps[$0] < stamps[$1] } }
        means = groups.map { $0.map { forecast[$0].isFinite ? forecast[$0] : 0 } }
        sds = groups.map { rows in rows.map { r in upper[r].isFinite && forecast[r].isFinite ? max(0, (upper[r] - forecast[r]) / z) : 0 } }
        horizon = groups.map(\.count).min() ?? 0
        let firstStamps = (groups.first ?? []).map { stamps[$0] }
        frequency = Frequency.infer(sortedStamps: firstStamps, isDateTime: dateColumn.type == .datetime) ?? .daily
    }
}

/// The `inventory` dataset and its printed summary.
enum InventoryOutput {
    static func dataset(input: ForecastsInput, policies: [SKUPolicy], unitCost: Double?) throws -> Dataset {
        var columns: [Column] = []
        if let key = input.keyColumn { columns.append(key.selecting(rows: input.groups.map { $0[0] })) }
        columns.append(Column(name: "demand_lead_time", doubles: policies.map(\.leadDemand)))
        columns.append(Column(name: "demand_protection", doubles: policies.map(\.protectionDemand)))
        columns.append(Column(name: "sigma", doubles: policies.map(\.sigma)))
        columns.append(Column(name: "safety_stock", doubles: policies.map(\.safetyStock)))
        columns.append(Column(name: "reorder_point", doubles: policies.map(\.reorderPoint)))
        if policies.contains(where: { $0.eoq != nil }) { columns.append(Column(name: "eoq", doubles: policies.map(\.eoq))) }
        if let unitCost { columns.append(Column(name: "safety_stock_value", doubles: policies.map { $0.safetyStock * unitCost })) }
        if policies.contains(where: { $0.onHand != nil }) {
            columns.append(Column(name: "on_hand", doubles: policies.map(\.onHand)))
            columns.append(Column(name: "days_of_cover", doubles: policies.map { $0.daysOfCover.flatMap { $0.isFinite ? $0 : nil } }))
            columns.append(Column(name: "reorder_now", bools: policies.map(\.reorderNow)))
            columns.append(Column(name: "order_quantity", doubles: policies.map(\.orderQuantity)))
        }
        columns.append(Column(name: "stockout_probability", doubles: policies.map(\.stockoutProbability)))
        return try Dataset(columns: columns)
    }

    static func printSummary(input: ForecastsInput, policies: [SKUPolicy], hasStock: Bool, context: CommandContext) {
        let label = input.keyColumn?.name ?? Strings.seriesHeader
        let order = policies.indices.sorted {
            policies[$0].stockoutProbability != policies[$1].stockoutProbability
                ? policies[$0].stockoutProbability > policies[$1].stockoutProbability : $0 < $1
        }
        let f = { (v: Double?) in v.map { ForecastReport.format($0) } ?? "–" }
        let headers = [label] + Strings.inventoryHeaders(hasStock: hasStock)
        let rows = order.prefix(ForecastReport.shownSeries).map { i -> [String] in
            let p = policies[i]
            var row = [input.keys[i], f(p.leadDemand), f(p.safetyStock), f(p.reorderPoint)]
            if hasStock {
                row += [f(p.onHand), f(p.daysOfCover), BacktestOutput.percent(p.stockoutProbability),
                        p.reorderNow == true ? f(p.orderQuantity) : "–"]
            }
            return row
        }
        context.table(headers: headers, rows: rows, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        if policies.count > ForecastReport.shownSeries { context.print(Strings.moreSeries(policies.count - ForecastReport.shownSeries, total: policies.count)) }
        if hasStock {
            let reorder = order.filter { policies[$0].reorderNow == true }.map { input.keys[$0] }
            context.print(reorder.isEmpty ? Strings.nothingToReorder : Strings.reorderNow(reorder))
        }
    }
}
