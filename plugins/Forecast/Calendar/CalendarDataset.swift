import OpsKit

/// The calendar as a dataset (`forecast calendar` writes it; `--events` reads it back,
/// or a user's own promotions table).
///
/// Columns written: `date`, `event`, `kind`, `role`, `offset`. Read back: a `date`
/// column or `start` and `end` columns (a window, one entry per day); `event` or
/// `name`; and optionally `kind`, `role`, `offset`, `intensity` and a series
/// column (the `--by` column's name, or `series`) for events of one series only.
enum CalendarDataset {
    static func dataset(_ entries: [CalendarEntry]) throws -> Dataset {
        var columns = [
            Column(name: "date", type: .date, values: .integers(entries.map(\.day))),
            Column(name: "event", strings: entries.map(\.event)),
            Column(name: "kind", strings: entries.map(\.kind.rawValue)),
            Column(name: "role", strings: entries.map(\.role.rawValue)),
            Column(name: "offset", integers: entries.map { Int64($0.offset) }),
        ]
        if entries.contains(where: { $0.intensity != 1 }) { columns.append(Column(name: "intensity", doubles: entries.map(\.intensity))) }
        if entries.contains(where: { $0.series != nil }) { columns.append(Column(name: "series", strings: entries.map(\.series))) }
        return try Dataset(columns: columns)
    }

    /// Reads an events dataset named `name`; `seriesColumn` is the sales data's `--by` column.
    /// Problems with single rows are errors naming the dataset, row and column.
    static func entries(_ data: Dataset, name: String, seriesColumn: String?) throws -> (entries: [CalendarEntry], notes: [String]) {
        let columns = Set(data.columnNames)
        let eventName = ["event", "name"].first(where: columns.contains)
        guard let eventName else { throw OpsError(Strings.eventsNeedName(name, columns: data.columnNames), hint: Strings.eventsHint) }
        let hasDate = columns.contains("date"), hasWindow = columns.contains("start") && columns.contains("end")
        guard hasDate || hasWindow else { throw OpsError(Strings.eventsNeedDate(name), hint: Strings.eventsHint) }
        let names = try data.column(eventName).stringValues()
        let starts = try days(data.column(hasDate ? "date" : "start"), dataset: name)
        let ends = try hasDate ? starts : days(data.column("end"), dataset: name)
        let kinds: [String?]? = try columns.contains("kind") ? data.column("kind").stringValues() : nil
        let roles: [String?]? = try columns.contains("role") ? data.column("role").stringValues() : nil
        let offsets: [Double]? = try columns.contains("offset") ? data.column("offset").requireNumeric(option: "offset") : nil
        let intensities: [Double]? = try columns.contains("intensity") ? data.column("intensity").requireNumeric(option: "intensity") : nil
        let seriesName = [seriesColumn, "series"].compactMap { $0 }.first(where: columns.contains)
        let series = try seriesName.map { try data.column($0).stringValues() }
        var out: [CalendarEntry] = []
        var seen = Set<String>(), duplicates = 0
        for row in 0..<data.rowCount {
            guard let event = names[row]?.trimmingWhitespace(), !event.isEmpty else {
                throw OpsError(Strings.eventRowEmpty(name, row: row + 1, column: eventName), hint: Strings.eventsHint)
            }
            let (start, end) = (starts[row], ends[row])
            guard end >= start else { throw OpsError(Strings.eventEndsBeforeStart(name, row: row + 1), hint: Strings.eventsHint) }
            guard end - start < 366 else { throw OpsError(Strings.eventTooLong(name, row: row + 1, days: Int(end - start + 1)), hint: Strings.eventsHint) }
            let kind = try kinds.map { try parse(EventKind.self, $0[row], dataset: name, row: row, column: "kind") } ?? .promotion
            let role = try roles.map { try parse(EventRole.self, $0[row], dataset: name, row: row, column: "role") }
            var intensity = 1.0
            if let intensities {
                guard intensities[row].isFinite, intensities[row] >= 0, intensities[row] <= 100 else {
                    throw OpsError(Strings.badIntensity(name, row: row + 1), hint: Strings.intensityHint)
                }
                intensity = intensities[row]
            }
            for day in start...end {
                let offset = offsets.map { $0[row].isFinite ? Int($0[row]) : 0 } ?? Int(day - start)
                let entry = CalendarEntry(
                    day: day, event: event, kind: kind, role: role ?? (hasDate ? .peak : (day == start ? .peak : .after)),
                    offset: offset, intensity: intensity, series: series?[row])
                let key = "\(day)|\(event)|\(entry.series ?? "")"
                if !seen.insert(key).inserted { duplicates += 1; continue }
                out.append(entry)
            }
        }
        var notes: [String] = []
        if duplicates > 0 { notes.append(Strings.eventDuplicates(name, count: duplicates)) }
        return (out, notes)
    }

    private static func parse<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ text: String?, dataset: String, row: Int, column: String
    ) throws -> T where T.RawValue == String {
        let trimmed = (text ?? "").trimmingWhitespace().lowercased()
        if let value = T(rawValue: trimmed) { return value }
        throw OpsError(Strings.badEventField(dataset, row: row + 1, column: column, value: text ?? ""),
                       hint: Strings.oneOf(T.allCases.map(\.rawValue)))
    }

    /// Day numbers of a date or text column, in the years the calendar covers.
    private static func days(_ column: Column, dataset: String) throws -> [Int64] {
        var out = [Int64](repeating: 0, count: column.count)
        let range = CivilDate.days(year: 1900, month: 1, day: 1)...CivilDate.days(year: 2100, month: 12, day: 31)
        let texts: [String?]? = column.type == .date ? nil : column.stringValues()
        for row in 0..<column.count {
            var day: Int64?
            if let texts {
                day = texts[row].flatMap { CivilDate.parseDate(Substring($0.trimmingWhitespace())) }
                if day == nil, let t = texts[row], let seconds = CivilDate.parseDateTime(Substring(t.trimmingWhitespace())) {
                    day = floorDiv(seconds, 86400)
                }
            } else if !column.isNull(row), case .integers(let v) = column.values {
                day = v[row]
            }
            guard let day else {
                throw OpsError(Strings.badEventDate(dataset, row: row + 1, column: column.name, value: texts?[row] ?? ""), hint: Strings.dateHint)
            }
            guard range.contains(day) else {
                throw OpsError(Strings.eventDateOutOfRange(dataset, row: row + 1, column: column.name, value: CivilDate.string(fromDays: day)),
                               hint: Strings.eventsHint)
            }
            out[row] = day
        }
        return out
    }
}
