import Foundation

/// The physical storage of a column: one contiguous buffer per column.
public enum ColumnValues: Sendable, Equatable {
    /// `integer`, `date` (days since epoch) and `datetime` (seconds since epoch) columns.
    case integers([Int64])
    case doubles([Double])
    case strings([String])
    case bools([Bool])

    public var count: Int {
        switch self {
        case .integers(let v): return v.count
        case .doubles(let v): return v.count
        case .strings(let v): return v.count
        case .bools(let v): return v.count
        }
    }
}

/// A named, typed column with optional nulls, stored columnar.
///
/// Null slots hold a placeholder value (0, NaN, "" or false) in `values` and
/// `false` in `validity`; `validity == nil` means the column has no nulls.
public struct Column: Sendable {
    public var name: String
    public let type: ColumnType
    public let values: ColumnValues
    public let validity: [Bool]?

    /// Creates a column from raw storage. `validity`, when given, must have one entry per value.
    public init(name: String, type: ColumnType, values: ColumnValues, validity: [Bool]? = nil) {
        precondition(validity == nil || validity!.count == values.count, "validity length mismatch")
        switch (type, values) {
        case (.integer, .integers), (.date, .integers), (.datetime, .integers),
            (.double, .doubles), (.string, .strings), (.bool, .bools):
            break
        default:
            preconditionFailure("column \(name): storage does not match type \(type)")
        }
        self.name = name
        self.type = type
        self.values = values
        self.validity = validity.flatMap { $0.allSatisfy { $0 } ? nil : $0 }
    }

    public init(name: String, doubles: [Double]) {
        self.init(name: name, type: .double, values: .doubles(doubles))
    }

    /// A double column where `nil` and NaN become nulls.
    public init(name: String, doubles: [Double?]) {
        let valid = doubles.map { $0.map { !$0.isNaN } ?? false }
        self.init(name: name, type: .double, values: .doubles(doubles.map { $0 ?? .nan }), validity: valid)
    }

    public init(name: String, integers: [Int64]) {
        self.init(name: name, type: .integer, values: .integers(integers))
    }

    public init(name: String, integers: [Int64?]) {
        self.init(
            name: name, type: .integer, values: .integers(integers.map { $0 ?? 0 }),
            validity: integers.map { $0 != nil })
    }

    public init(name: String, strings: [String]) {
        self.init(name: name, type: .string, values: .strings(strings))
    }

    public init(name: String, strings: [String?]) {
        self.init(
            name: name, type: .string, values: .strings(strings.map { $0 ?? "" }),
            validity: strings.map { $0 != nil })
    }

    public init(name: String, bools: [Bool?]) {
        self.init(
            name: name, type: .bool, values: .bools(bools.map { $0 ?? false }),
            validity: bools.map { $0 != nil })
    }

    /// A date column from day numbers (days since 1970-01-01).
    public init(name: String, days: [Int64?]) {
        self.init(
            name: name, type: .date, values: .integers(days.map { $0 ?? 0 }),
            validity: days.map { $0 != nil })
    }

    public var count: Int { values.count }

    public var nullCount: Int { validity?.reduce(0) { $1 ? $0 : $0 + 1 } ?? 0 }

    @inline(__always)
    public func isNull(_ row: Int) -> Bool { validity.map { !$0[row] } ?? false }

    /// The same column under another name.
    public func renamed(_ newName: String) -> Column {
        Column(name: newName, type: type, values: values, validity: validity)
    }

    /// Numeric view of the column: integers, doubles, dates (day numbers),
    /// datetimes (seconds) and bools (0/1) as `Double`, with NaN for nulls.
    /// Returns `nil` for string columns.
    public func numericValues() -> [Double]? {
        var out: [Double]
        switch values {
        case .doubles(let v): out = v
        case .integers(let v): out = v.map(Double.init)
        case .bools(let v): out = v.map { $0 ? 1 : 0 }
        case .strings: return nil
        }
        if let validity {
            for i in out.indices where !validity[i] { out[i] = .nan }
        }
        return out
    }

    /// Numeric view that throws a clear error naming the column and a sample
    /// value when the column is not numeric.
    public func requireNumeric(option: String? = nil) throws -> [Double] {
        if let values = numericValues() { return values }
        let sample = (0..<count).first { !isNull($0) }.map { formatted(at: $0) } ?? ""
        let place = option.map(KitText.optionInParentheses) ?? ""
        throw OpsError(KitText.notNumeric(name, place: place, sample: sample), hint: KitText.notNumericHint(name))
    }

    /// Text view of every row, `nil` for nulls (numbers and dates formatted as in ``formatted(at:)``).
    public func stringValues() -> [String?] {
        if case .strings(let v) = values, validity == nil { return v }
        return (0..<count).map { isNull($0) ? nil : formatted(at: $0) }
    }

    /// The value at `row` as text, `""` for a null.
    public func formatted(at row: Int) -> String {
        if isNull(row) { return "" }
        switch values {
        case .strings(let v): return v[row]
        case .bools(let v): return v[row] ? "true" : "false"
        case .doubles(let v): return ValueFormat.double(v[row])
        case .integers(let v):
            switch type {
            case .date: return CivilDate.string(fromDays: v[row])
            case .datetime: return CivilDate.string(fromSeconds: v[row])
            default: return String(v[row])
            }
        }
    }

    /// A column holding only the given rows, in the given order.
    public func selecting(rows: [Int]) -> Column {
        let newValidity = validity.map { v in rows.map { v[$0] } }
        let newValues: ColumnValues
        switch values {
        case .integers(let v): newValues = .integers(rows.map { v[$0] })
        case .doubles(let v): newValues = .doubles(rows.map { v[$0] })
        case .strings(let v): newValues = .strings(rows.map { v[$0] })
        case .bools(let v): newValues = .bools(rows.map { v[$0] })
        }
        return Column(name: name, type: type, values: newValues, validity: newValidity)
    }
}

extension Column: Equatable {
    /// Same name, type and nulls, and equal values in every non-null row (NaN equals NaN).
    public static func == (a: Column, b: Column) -> Bool {
        guard a.name == b.name, a.type == b.type, a.count == b.count, a.validity == b.validity else { return false }
        if case .doubles(let x) = a.values, case .doubles(let y) = b.values {
            for i in x.indices where !a.isNull(i) {
                if x[i] != y[i] && !(x[i].isNaN && y[i].isNaN) { return false }
            }
            return true
        }
        if a.validity == nil { return a.values == b.values }
        return (0..<a.count).allSatisfy { a.isNull($0) || a.formatted(at: $0) == b.formatted(at: $0) }
    }
}

/// Number formatting shared by display, export and transcripts.
public enum ValueFormat {
    /// Shortest text that reads back as the same double (`1.5`, `3`, `1e-09`).
    public static func double(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A double rounded to `digits` decimals for display (`12.35`), trailing zeros kept.
    public static func fixed(_ value: Double, digits: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        var result = String(format: "%.\(digits)f", value)
        if result.hasPrefix("-"), Double(result) == 0 { result.removeFirst() }
        return result
    }
}
