import CSQLite
import Foundation
import OpsKit

/// Reads one column of a dataset for SQLite's virtual-table callbacks: a
/// cell as an SQL value, and the comparisons the table pushes down. One
/// subclass per storage kind, each holding its array as a `let`, so a cell
/// costs an index and a virtual call (no enum switch, no copy).
class ColumnReader {
    let validity: [Bool]?

    init(validity: [Bool]?) { self.validity = validity }

    /// The reader for `column`.
    static func make(_ column: Column) -> ColumnReader {
        switch column.values {
        case .integers(let v):
            switch column.type {
            case .date: return DateReader(v, validity: column.validity, format: CivilDate.string(fromDays:))
            case .datetime: return DateReader(v, validity: column.validity, format: CivilDate.string(fromSeconds:))
            default: return IntegerReader(v, validity: column.validity)
            }
        case .doubles(let v): return DoubleReader(v, validity: column.validity)
        case .bools(let v): return IntegerReader(v.map { $0 ? 1 : 0 }, validity: column.validity)
        case .strings(let v): return StringReader(v, validity: column.validity)
        }
    }

    @inline(__always) final func isNull(_ row: Int) -> Bool { validity.map { !$0[row] } ?? false }

    /// Sets the SQL result of `context` to the cell at `row`.
    func result(_ context: OpaquePointer?, _ row: Int) { sqlite3_result_null(context) }

    /// The equality key of the cell at `row` (nil for NULL): what an index groups by.
    func key(_ row: Int) -> IndexKey? { nil }

    /// The key an SQL value would equal in this column under SQLite's comparison rules,
    /// or nil when that cannot be decided here (the table then scans).
    func key(of value: OpaquePointer?) -> IndexKey? { nil }

    /// Whether the cell at `row` certainly fails `cell op value`. False when unsure:
    /// SQLite checks every constraint again on the rows the table returns.
    func fails(_ row: Int, _ op: Comparison, _ value: OpaquePointer?) -> Bool { false }
}

/// A key of an equality index: integers, doubles (by bit pattern of the value) or text.
enum IndexKey: Hashable {
    case integer(Int64)
    case double(Double)
    case text(BinaryText)
}

/// Text equal and hashed by its UTF-8 bytes, as under SQLite's BINARY collation
/// (String's own `==` makes canonically equivalent spellings such as "é" and
/// "e\u{301}" equal, and hashes through Unicode normalisation, which is slow).
struct BinaryText: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: BinaryText, b: BinaryText) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Bytewise order (the BINARY collation's).
    func precedes(_ other: BinaryText) -> Bool { string.utf8.lexicographicallyPrecedes(other.string.utf8) }
}

/// The comparisons pushed down to the table, from SQLite's constraint operators.
enum Comparison {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    init?(_ op: Int32) {
        switch op {
        case Int32(SQLITE_INDEX_CONSTRAINT_EQ): self = .equal
        case Int32(SQLITE_INDEX_CONSTRAINT_NE): self = .notEqual
        case Int32(SQLITE_INDEX_CONSTRAINT_LT): self = .less
        case Int32(SQLITE_INDEX_CONSTRAINT_LE): self = .lessOrEqual
        case Int32(SQLITE_INDEX_CONSTRAINT_GT): self = .greater
        case Int32(SQLITE_INDEX_CONSTRAINT_GE): self = .greaterOrEqual
        default: return nil
        }
    }

    /// Whether `order` (the cell compared with the value) satisfies the comparison.
    @inline(__always) func holds(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }
}

/// Integer, bool (as 0/1) columns.
final class IntegerReader: ColumnReader {
    let values: [Int64]

    init(_ values: [Int64], validity: [Bool]?) {
        self.values = values
        super.init(validity: validity)
    }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        if isNull(row) { sqlite3_result_null(context) } else { sqlite3_result_int64(context, values[row]) }
    }

    override func key(_ row: Int) -> IndexKey? { isNull(row) ? nil : .integer(values[row]) }

    override func key(of value: OpaquePointer?) -> IndexKey? {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(value))
        default: return nil
        }
    }

    override func fails(_ row: Int, _ op: Comparison, _ value: OpaquePointer?) -> Bool {
        if isNull(row) { return true }
        let cell = values[row]
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER:
            let other = sqlite3_value_int64(value)
            return !op.holds(cell < other ? -1 : cell > other ? 1 : 0)
        case SQLITE_FLOAT:
            // Exact only while the integer converts to a double without rounding.
            let other = sqlite3_value_double(value)
            guard cell.magnitude <= 1 << 53, !other.isNaN else { return false }
            let x = Double(cell)
            return !op.holds(x < other ? -1 : x > other ? 1 : 0)
        case SQLITE_NULL: return true
        default: return false
        }
    }
}

/// Doubles; NaN is NULL, as in every other place opsbench hands data to SQL.
final class DoubleReader: ColumnReader {
    let values: [Double]

    init(_ values: [Double], validity: [Bool]?) {
        self.values = values
        super.init(validity: validity)
    }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        let v = values[row]
        if isNull(row) || v.isNaN { sqlite3_result_null(context) } else { sqlite3_result_double(context, v) }
    }

    override func key(_ row: Int) -> IndexKey? {
        let v = values[row]
        return isNull(row) || v.isNaN ? nil : .double(v == 0 ? 0 : v)
    }

    override func key(of value: OpaquePointer?) -> IndexKey? {
        switch sqlite3_value_type(value) {
        case SQLITE_FLOAT:
            let v = sqlite3_value_double(value)
            return v.isNaN ? nil : .double(v == 0 ? 0 : v)
        default: return nil
        }
    }

    override func fails(_ row: Int, _ op: Comparison, _ value: OpaquePointer?) -> Bool {
        let cell = values[row]
        if isNull(row) || cell.isNaN { return true }
        let other: Double
        switch sqlite3_value_type(value) {
        case SQLITE_FLOAT: other = sqlite3_value_double(value)
        case SQLITE_INTEGER:
            let i = sqlite3_value_int64(value)
            guard i.magnitude <= 1 << 53 else { return false }
            other = Double(i)
        case SQLITE_NULL: return true
        default: return false
        }
        guard !other.isNaN else { return false }
        return !op.holds(cell < other ? -1 : cell > other ? 1 : 0)
    }
}

/// Text columns, compared bytewise (SQLite's BINARY collation; the table pushes
/// nothing down under another collation).
final class StringReader: ColumnReader {
    let values: [String]

    init(_ values: [String], validity: [Bool]?) {
        self.values = values
        super.init(validity: validity)
    }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        if isNull(row) { return sqlite3_result_null(context) }
        var text = values[row]
        text.withUTF8 { sqlite3_result_text(context, $0.baseAddress, Int32($0.count), opsbench_sqlite_transient()) }
    }

    override func key(_ row: Int) -> IndexKey? { isNull(row) ? nil : .text(BinaryText(values[row])) }

    override func key(of value: OpaquePointer?) -> IndexKey? {
        sqlite3_value_type(value) == SQLITE_TEXT ? .text(BinaryText(Self.text(value))) : nil
    }

    override func fails(_ row: Int, _ op: Comparison, _ value: OpaquePointer?) -> Bool {
        if isNull(row) { return true }
        switch sqlite3_value_type(value) {
        case SQLITE_NULL: return true
        case SQLITE_TEXT:
            var cell = values[row]
            let count = Int(sqlite3_value_bytes(value))
            guard let other = sqlite3_value_text(value) else { return false }
            let order = cell.withUTF8 { mine -> Int in
                let shared = min(mine.count, count)
                let c = shared == 0 ? 0 : memcmp(mine.baseAddress!, other, shared)
                return c != 0 ? Int(c) : mine.count - count
            }
            return !op.holds(order)
        default: return false
        }
    }

    static func text(_ value: OpaquePointer?) -> String {
        guard let bytes = sqlite3_value_text(value) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value))), as: UTF8.self)
    }
}

/// Dates and datetimes: stored as days or seconds, given to SQL as ISO text
/// (so SQLite's date functions apply); equality keys on that text.
final class DateReader: ColumnReader {
    let values: [Int64]
    let format: (Int64) -> String

    init(_ values: [Int64], validity: [Bool]?, format: @escaping (Int64) -> String) {
        self.values = values
        self.format = format
        super.init(validity: validity)
    }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        if isNull(row) { return sqlite3_result_null(context) }
        var text = format(values[row])
        text.withUTF8 { sqlite3_result_text(context, $0.baseAddress, Int32($0.count), opsbench_sqlite_transient()) }
    }

    override func key(_ row: Int) -> IndexKey? { isNull(row) ? nil : .text(BinaryText(format(values[row]))) }

    override func key(of value: OpaquePointer?) -> IndexKey? {
        sqlite3_value_type(value) == SQLITE_TEXT ? .text(BinaryText(StringReader.text(value))) : nil
    }
}
