import Foundation
import OpsKit

/// `--regressors COL,...` with `--future DATASET`: known covariates (price, promotion
/// flag) as model inputs. Each enters the event regression as its deviation from the
/// series' typical value (log ratio for positive amounts such as prices, difference
/// for flags), so that ordinary periods stay ordinary.
enum RegressorInputs {
    static func add(_ list: String, future: String?, to features: inout EventFeatures, table: SeriesTable, sales: Dataset,
                    byName: String?, horizon: Int, context: CommandContext) throws {
        let columns = list.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !columns.isEmpty else { throw OpsError.invalidOption("--regressors", Strings.emptyList, hint: Strings.regressorsHint) }
        guard let future else {
            throw OpsError.invalidOption("--regressors", Strings.regressorsNeedFuture(columns), hint: Strings.futureHint(table.dateName, by: byName, columns: columns))
        }
        let futureData = try context.dataset(future)
        for name in columns {
            let history = try values(sales, column: name, option: "--regressors", table: table, byName: byName, horizon: horizon)
            let ahead = try values(futureData, column: name, option: "--future", table: table, byName: byName, horizon: horizon)
            let k = features.keys.count
            features.keys.append(EventKey(event: name, role: .peak, offset: nil, isRegressor: true))
            for s in 0..<table.count {
                let n = table.values[s].count
                for h in 0..<horizon where ahead[s][n + h] == nil {
                    throw OpsError.invalidOption("--future", Strings.futureMissing(future, column: name, series: table.keys[s],
                                                 date: table.formattedDate(series: s, offset: n + h)),
                                                 hint: Strings.futureHint(table.dateName, by: byName, columns: columns))
                }
                let past = (0..<n).compactMap { history[s][$0] }.sorted()
                let typical = past.isEmpty ? 0 : past[past.count / 2]
                let ratio = typical > 0 && past.first! > 0
                for t in 0..<(n + horizon) {
                    guard let x = t < n ? history[s][t] : ahead[s][t] else { continue }
                    let value = ratio && x > 0 ? log(x / typical) : x - typical
                    guard abs(value) > 1e-9 else { continue }
                    features.rows[s][t].append((k, value))
                }
            }
        }
    }

    /// Per series and period (history then `horizon` more), the column's value where a row gives one.
    private static func values(_ data: Dataset, column: String, option: String, table: SeriesTable, byName: String?, horizon: Int) throws -> [[Double?]] {
        let x = try data.column(column, option: option).requireNumeric(option: option)
        let days = try dayNumbers(try data.column(table.dateName, option: option))
        let keys = try byName.map { try data.column($0, option: option).stringValues() }
        var index: [String: Int] = [:]
        for (s, key) in table.keys.enumerated() { index[key] = s }
        var out = table.values.map { [Double?](repeating: nil, count: $0.count + horizon) }
        for row in 0..<data.rowCount where x[row].isFinite {
            let key = keys.map { $0[row] ?? "" } ?? table.keys.first ?? ""
            guard let s = index[key], let day = days[row] else { continue }
            let t = Int(table.frequency.period(of: day, isDateTime: false, anchorDay: table.anchorDay) - table.starts[s])
            if t >= 0, t < out[s].count { out[s][t] = x[row] }
        }
        return out
    }

    private static func dayNumbers(_ column: Column) throws -> [Int64?] {
        if column.type == .date, case .integers(let v) = column.values { return v.indices.map { column.isNull($0) ? nil : v[$0] } }
        return column.stringValues().map { $0.flatMap { CivilDate.parseDate(Substring($0.trimmingWhitespace())) } }
    }
}
