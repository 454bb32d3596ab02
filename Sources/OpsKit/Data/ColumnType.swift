import ArgumentParser

/// The logical type of a dataset column.
///
/// Dates are stored as days since 1970-01-01 and datetimes as seconds since
/// 1970-01-01T00:00:00 (no time zone), both in ``ColumnValues/integers(_:)``.
public enum ColumnType: String, Codable, Sendable, CaseIterable {
    case integer, double, string, date, datetime, bool

    /// Whether values of this type are numbers (dates count as day numbers).
    public var isNumeric: Bool { self == .integer || self == .double }
}

extension ColumnType: ChoiceOption {
    public var help: Localized {
        switch self {
        case .integer: return .init(en: "whole numbers", zh: "整数")
        case .double: return .init(en: "decimal numbers", zh: "小数")
        case .string: return .init(en: "text", zh: "文本")
        case .date: return .init(en: "dates such as 2026-01-31", zh: "日期，如 2026-01-31")
        case .datetime: return .init(en: "date and time such as 2026-01-31T08:00:00", zh: "日期时间，如 2026-01-31T08:00:00")
        case .bool: return .init(en: "true or false", zh: "真或假")
        }
    }
}
