import OpsKit

/// Reads the values of one date or datetime column: the ISO forms first, then
/// `--date-format`, then day/month/year dates in the order the column's values
/// allow (settled from all of them, see ``DayMonthScan``), then — when the user
/// asked for dates — Excel serial numbers.
struct DateReading {
    let rules: ValueRules
    let withTime: Bool
    let serials: Bool
    /// The day/month order; `nil` until the column's values settle it.
    var order: DayMonthDate.Order?
    /// Whether every day/month value reads both ways.
    var ambiguous = false
    /// A day/month value was met while `order` was `nil` (its value could not be given).
    private(set) var needsOrder = false
    private var example: String?

    init(rules: ValueRules, withTime: Bool, serials: Bool) {
        self.rules = rules
        self.withTime = withTime
        self.serials = serials
    }

    /// The day number (or seconds, `withTime`) of a value, `nil` when it is no date
    /// (or a day/month date while the order is not known: then `needsOrder`).
    mutating func value(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
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
            if example == nil { example = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
            guard let order else {
                needsOrder = true
                return nil
            }
            guard let days = DayMonthDate.days(parts, order) else { return nil }
            if let seconds = parts.seconds { return withTime ? days * 86400 + Int64(seconds) : nil }
            return withTime ? days * 86400 : days
        }
        if serials, let number = FieldParser.double(p, n) {
            return withTime ? ExcelSerial.seconds(number) : ExcelSerial.days(number)
        }
        return nil
    }

    /// The warning for a column whose dates read either way.
    func warning(column: String) -> String? {
        guard ambiguous, let example else { return nil }
        return IOMessages.ambiguousDayMonth(column, example: example)
    }
}

/// Which day/month orders every day/month value of a column allows, seen one value
/// at a time: month first unless some value only makes sense day first; both fit
/// every value → ambiguous.
struct DayMonthScan {
    private(set) var monthFirst = true
    private(set) var dayFirst = true

    /// Takes in one non-null (trimmed) value.
    @inline(__always)
    mutating func observe(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard monthFirst || dayFirst, let parts = DayMonthDate.parts(p, n) else { return }
        if DayMonthDate.days(parts, .monthFirst) == nil { monthFirst = false }
        if DayMonthDate.days(parts, .dayFirst) == nil { dayFirst = false }
    }

    /// The order the values seen allow, and whether they read either way.
    var settled: (order: DayMonthDate.Order, ambiguous: Bool) {
        (!monthFirst && dayFirst ? .dayFirst : .monthFirst, monthFirst && dayFirst)
    }
}
