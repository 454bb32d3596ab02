/// The logical type of a dataset column.
///
/// Dates are stored as days since 1970-01-01 and datetimes as seconds since
/// 1970-01-01T00:00:00 (no time zone), both in ``ColumnValues/integers(_:)``.
public enum ColumnType: String, Codable, Sendable, CaseIterable {
    case integer, double, string, date, datetime, bool

    /// Whether values of this type are numbers (dates count as day numbers).
    public var isNumeric: Bool { self == .integer || self == .double }
}
