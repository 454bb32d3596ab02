import OpsKit

/// Reads the values of one date or datetime column: the ISO forms first, then
/// `--date-format`, then day/month/year dates in the order the column's values
/// allow (settled once, on the first such value, from all of them), then —
/// when the user asked for dates — Excel serial numbers.
struct DateReading {
    let rules: ValueRules
    let withTime: Bool
    let serials: Bool
    private(set) var order: DayMonthDate.Order?
    private(set) var ambiguous = false
    private var example: String?

    init(rules: ValueRules, withTime: Bool, serials: Bool) {
        self.rules = rules
        self.withTime = withTime
        self.serials = serials
    }

    /// The day number (or seconds, `withTime`) of a value, `nil` when it is no date.
    mutating func value(_ p: UnsafePointer<UInt8>, _ n: Int, column: ColumnBuilder) -> Int64? {
        if withTime {
            if let v = FieldParser.dateTimeOrDate(p, n) { return v }
        } else if let v = FieldParser.date(p, n) {
            return v
        }
        if let pattern = rules.dateFormat, let v = pattern.parse(p, n) {
            if pattern.hasTime { return withTime ? v : nil }
            return withTime ? v * 86400 : v
        }
        if let parts = DayMonthDate.parts(p, n) {
            if order == nil { settleOrder(column, example: String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)) }
            guard let days = DayMonthDate.days(parts, order!) else { return nil }
            if let seconds = parts.seconds { return withTime ? days * 86400 + Int64(seconds) : nil }
            return withTime ? days * 86400 : days
        }
        if serials, let number = FieldParser.double(p, n) {
            return withTime ? ExcelSerial.seconds(number) : ExcelSerial.days(number)
        }
        return nil
    }

    /// Month first unless some value only makes sense day first; both fit every value → ambiguous.
    private mutating func settleOrder(_ column: ColumnBuilder, example: String) {
        var monthFirst = true, dayFirst = true
        column.forEachValue { p, n in
            if let parts = DayMonthDate.parts(p, n) {
                if DayMonthDate.days(parts, .monthFirst) == nil { monthFirst = false }
                if DayMonthDate.days(parts, .dayFirst) == nil { dayFirst = false }
            }
            return monthFirst || dayFirst
        }
        order = !monthFirst && dayFirst ? .dayFirst : .monthFirst
        ambiguous = monthFirst && dayFirst
        self.example = example
    }

    /// The warning for a column whose dates read either way.
    func warning(column: String) -> String? {
        guard ambiguous, let example else { return nil }
        return IOMessages.ambiguousDayMonth(column, example: example)
    }
}
