import Collections
import OpsKit

/// What to do with negative demand values.
enum NegativePolicy: String, CaseIterable, Sendable {
    case keep, clip, error
}

/// What a period with no row (or an empty value) means.
enum GapPolicy: String, CaseIterable, Sendable {
    /// Unknown: kept missing, never read as demand (models fill it from the ordinary baseline).
    case missing
    /// No sale: zero demand.
    case zero
}

/// Regular time series cut from a long table (date, value, optional series key):
/// duplicate periods summed, gaps kept missing (NaN) or read as zero demand.
struct SeriesTable {
    var keys: [String]
    /// A row of the input holding each series' key (to copy the `--by` value with its type).
    var keyRows: [Int]
    /// Period number of each series' first value.
    var starts: [Int64]
    var values: [[Double]]
    var frequency: Frequency
    var isDateTime: Bool
    var anchorDay: Int64
    var byColumn: Column?
    var dateName: String
    /// Messages about the data (gaps, duplicates, negatives) for the user.
    var notes: [String] = []
    var warnings: [String] = []

    var count: Int { values.count }

    /// Timestamp (days or seconds) of period `index` after the start of series `s`.
    func stamp(series s: Int, offset: Int) -> Int64 {
        frequency.stamp(ofPeriod: starts[s] + Int64(offset), isDateTime: isDateTime, anchorDay: anchorDay)
    }

    func formattedDate(series s: Int, offset: Int) -> String {
        let value = stamp(series: s, offset: offset)
        return isDateTime ? CivilDate.string(fromSeconds: value) : CivilDate.string(fromDays: value)
    }

    init(
        dataset: Dataset, date dateName: String, value valueName: String, by byName: String?,
        frequency requested: Frequency?, negative: NegativePolicy, gaps: GapPolicy = .missing
    ) throws {
        let dateColumn = try dataset.column(dateName, option: "--date")
        let valueColumn = try dataset.column(valueName, option: "--value")
        let byColumn = try byName.map { try dataset.column($0, option: "--by") }
        guard dataset.rowCount > 0 else { throw OpsError(Strings.emptyDataset, hint: Strings.emptyDatasetHint) }
        let (stamps, isDateTime) = try Self.timestamps(dateColumn)
        var values = try valueColumn.requireNumeric(option: "--value")
        let negatives = values.reduce(0) { $1 < 0 ? $0 + 1 : $0 }
        var warnings: [String] = []
        if negatives > 0 {
            switch negative {
            case .error:
                let row = values.firstIndex { $0 < 0 }!
                throw OpsError(Strings.negativeDemand(negatives, column: valueName, row: row + 1, value: values[row]), hint: Strings.negativeHint)
            case .clip:
                for i in values.indices where values[i] < 0 { values[i] = 0 }
                warnings.append(Strings.negativeClipped(negatives, column: valueName))
            case .keep:
                warnings.append(Strings.negativeKept(negatives, column: valueName))
            }
        }
        let anchorDay = (stamps.min() ?? 0) / (isDateTime ? 86400 : 1)
        let frequency: Frequency
        if let requested {
            if requested == .hourly, !isDateTime { throw OpsError(Strings.hourlyNeedsTime(dateName), hint: Strings.frequencyHint) }
            frequency = requested
        } else {
            guard let inferred = Frequency.infer(sortedStamps: Array(Set(stamps)).sorted(), isDateTime: isDateTime) else {
                throw OpsError(Strings.cannotInferFrequency(dateName), hint: Strings.frequencyHint)
            }
            frequency = inferred
        }
        // group rows by series key, in order of first appearance
        var groups = OrderedDictionary<String, [Int]>()
        if let byColumn {
            let keys = byColumn.stringValues()
            for row in 0..<dataset.rowCount { groups[keys[row] ?? "", default: []].append(row) }
        } else {
            groups[valueName] = Array(0..<dataset.rowCount)
        }
        var seriesValues: [[Double]] = [], starts: [Int64] = [], keyRows: [Int] = []
        var duplicates = 0, filled = 0, missingValues = 0
        for (_, rows) in groups {
            var periods = rows.map { frequency.period(of: stamps[$0], isDateTime: isDateTime, anchorDay: anchorDay) }
            var order = Array(rows.indices)
            if !zip(periods, periods.dropFirst()).allSatisfy({ $0 < $1 }) {
                order.sort { periods[$0] != periods[$1] ? periods[$0] < periods[$1] : $0 < $1 }
            }
            let first = periods[order[0]], last = periods[order[order.count - 1]]
            let length = Int(last - first) + 1
            guard length <= 10_000_000 else { throw OpsError(Strings.seriesTooLong(length), hint: Strings.frequencyHint) }
            var series = [Double](repeating: .nan, count: length)
            for i in order {
                let v = values[rows[i]]
                let slot = Int(periods[i] - first)
                if series[slot].isNaN {
                    series[slot] = v
                } else {
                    duplicates += 1
                    if !v.isNaN { series[slot] += v }
                }
            }
            for t in 0..<length where series[t].isNaN {
                if gaps == .zero { series[t] = 0 }
                filled += 1
            }
            missingValues += rows.reduce(0) { values[$1].isNaN ? $0 + 1 : $0 }
            periods.removeAll()
            seriesValues.append(series)
            starts.append(first)
            keyRows.append(rows[0])
        }
        filled -= missingValues
        var notes: [String] = []
        if duplicates > 0 { warnings.append(Strings.duplicatesSummed(duplicates)) }
        switch gaps {
        case .zero:
            if filled > 0 { notes.append(Strings.gapsFilled(filled)) }
            if missingValues > 0 { notes.append(Strings.nullsAsZero(missingValues, column: valueName)) }
        case .missing:
            if filled + missingValues > 0 { notes.append(Strings.gapsKept(filled + missingValues)) }
        }
        self.keys = Array(groups.keys)
        self.keyRows = keyRows
        self.starts = starts
        self.values = seriesValues
        self.frequency = frequency
        self.isDateTime = isDateTime
        self.anchorDay = anchorDay
        self.byColumn = byColumn
        self.dateName = dateName
        self.notes = notes
        self.warnings = warnings
    }

    /// Day numbers or seconds of every row; text is parsed, with the row and value named on failure.
    private static func timestamps(_ column: Column) throws -> ([Int64], Bool) {
        switch (column.type, column.values) {
        case (.date, .integers(let v)), (.datetime, .integers(let v)):
            if let row = (0..<column.count).first(where: { column.isNull($0) }) {
                throw OpsError(Strings.nullDate(column: column.name, row: row + 1), hint: Strings.dateHint)
            }
            return (v, column.type == .datetime)
        case (.string, .strings(let texts)):
            var stamps = [Int64](repeating: 0, count: texts.count)
            var anyTime = false
            for (row, text) in texts.enumerated() {
                let trimmed = Substring(text.trimmingWhitespace())
                if let day = CivilDate.parseDate(trimmed) {
                    stamps[row] = day
                } else if let seconds = CivilDate.parseDateTime(trimmed) {
                    stamps[row] = seconds
                    if !anyTime { anyTime = true }
                } else {
                    throw OpsError(Strings.badDate(text, column: column.name, row: row + 1), hint: Strings.dateHint)
                }
            }
            if anyTime {
                // mixed dates and date-times: reparse so every stamp is in seconds
                for (row, text) in texts.enumerated() {
                    let trimmed = Substring(text.trimmingWhitespace())
                    stamps[row] = CivilDate.parseDateTime(trimmed) ?? (CivilDate.parseDate(trimmed)! * 86400)
                }
            }
            return (stamps, anyTime)
        default:
            throw OpsError(Strings.notADateColumn(column.name, type: column.type.rawValue), hint: Strings.dateHint)
        }
    }
}
