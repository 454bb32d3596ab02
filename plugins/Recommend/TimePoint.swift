import OpsKit

/// Reading and printing points on an interaction log's time axis (day numbers
/// for date columns, seconds for datetime columns, plain numbers otherwise).
enum TimePoint {
    /// `text` on the axis of a column of `type`, or nil when it is not a date or time.
    static func parse(_ text: String, type: ColumnType?) -> Double? {
        let s = Substring(text.trimmingWhitespace())
        switch type {
        case .date?: return CivilDate.parseDate(s).map(Double.init)
        case .datetime?:
            if let seconds = CivilDate.parseDateTime(s) { return Double(seconds) }
            return CivilDate.parseDate(s).map { Double($0 * 86400) }
        default: return Double(s)
        }
    }

    static func format(_ value: Double, type: ColumnType?) -> String {
        switch type {
        case .date?: return CivilDate.string(fromDays: Int64(value))
        case .datetime?: return CivilDate.string(fromSeconds: Int64(value))
        default: return ValueFormat.double(value)
        }
    }
}
