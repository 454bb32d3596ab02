import CSQLite
import Foundation
import OpsKit

/// Reads one column of a stored dataset in place, for SQLite's virtual-table
/// callbacks: a cell as an SQL value, pointing SQLite at the column's bytes
/// (no copy, no Swift string), what an equality index needs (hashes and
/// equality of cells), and the comparisons the table pushes down. One
/// subclass per storage kind; a cell costs an index and a virtual call.
///
/// Readers hold pointers into the bytes of a column copied out of its file
/// and verified whole (``ColumnarFile/Layout/verifiedColumn(_:)``), which
/// they keep alive.
class ColumnReader {
    /// One byte per row, 0 for NULL; nil when the column has no nulls.
    let validity: UnsafePointer<UInt8>?
    /// What owns the bytes the pointers point into.
    private var owner: ColumnarFile.VerifiedColumn?

    init(validity: UnsafePointer<UInt8>?) { self.validity = validity }

    /// The reader for a verified column.
    static func make(_ column: ColumnarFile.VerifiedColumn) -> ColumnReader {
        let reader = make(column.blocks)
        reader.owner = column
        return reader
    }

    private static func make(_ blocks: ColumnarFile.ColumnBlocks) -> ColumnReader {
        let validity = blocks.validity.map { bytes($0.data) }
        let values = blocks.values.data
        switch blocks.info.type {
        case .integer: return IntegerReader(wide: words(values), validity: validity)
        case .bool: return IntegerReader(narrow: bytes(values), validity: validity)
        case .date: return DateReader(wide: words(values), validity: validity, format: CivilDate.string(fromDays:))
        case .datetime: return DateReader(wide: words(values), validity: validity, format: CivilDate.string(fromSeconds:))
        case .double: return DoubleReader(values.baseAddress.map { $0.assumingMemoryBound(to: Double.self) } ?? empty(), validity: validity)
        case .string: return StringReader(offsets: words(values), text: bytes(blocks.text!.data), validity: validity)
        }
    }

    private static func bytes(_ data: UnsafeRawBufferPointer) -> UnsafePointer<UInt8> {
        data.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) } ?? empty()
    }

    private static func words<T>(_ data: UnsafeRawBufferPointer) -> UnsafePointer<T> {
        data.baseAddress.map { $0.assumingMemoryBound(to: T.self) } ?? empty()
    }

    /// A valid pointer for an empty block (one zeroed word, never freed).
    private static func empty<T>() -> UnsafePointer<T> {
        UnsafePointer(UnsafeMutableRawPointer(emptyWord).assumingMemoryBound(to: T.self))
    }

    private static let emptyWord: UnsafeMutablePointer<UInt64> = {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    @inline(__always) final func isNull(_ row: Int) -> Bool { validity.map { $0[row] == 0 } ?? false }

    /// Sets the SQL result of `context` to the cell at `row`.
    func result(_ context: OpaquePointer?, _ row: Int) { sqlite3_result_null(context) }

    /// Starts loading the cell at `row` into cache (for scans that jump between rows).
    func prefetch(_ row: Int) {}

    /// Whether cells that are ``same(_:_:)`` give SQLite identical values, so
    /// one row can stand for all rows of its key (not so for doubles: 0 and -0).
    var equalCellsAreIdentical: Bool { true }

    /// A hash of the (non-NULL) cell at `row`, shared by equal cells and by
    /// ``ProbeKey/hash`` of a key the cell ``matches(_:_:)``.
    func hash(_ row: Int) -> UInt64 { 0 }

    /// Whether the non-NULL cells at `a` and `b` are equal to SQLite.
    func same(_ a: Int, _ b: Int) -> Bool { false }

    /// Whether the non-NULL cell at `a` sorts before the one at `b`, as SQLite orders them.
    func precedes(_ a: Int, _ b: Int) -> Bool { false }

    /// The key an SQL value would equal in this column under SQLite's comparison
    /// rules, or nil when that cannot be decided here (the table then scans).
    /// Text keys point into `value`: use them before it changes.
    func probeKey(of value: OpaquePointer?) -> ProbeKey? { nil }

    /// Whether the non-NULL cell at `row` equals `key`.
    func matches(_ row: Int, _ key: ProbeKey) -> Bool { false }

    /// A test for `cell op value` with the value decoded once: it returns true for
    /// rows that certainly fail. Nil when nothing can be decided here: SQLite
    /// checks every constraint again on the rows the table returns.
    func failing(_ op: Comparison, _ value: OpaquePointer?) -> ((Int) -> Bool)? { nil }
}

/// A column that was not verified: the table makes these for the columns a
/// statement does not use, and they refuse to be read rather than serve
/// bytes nobody checked.
final class UnverifiedReader: ColumnReader {
    init() { super.init(validity: nil) }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        sqlite3_result_error(context, SQLMessages.columnNotVerified, -1)
    }
}

/// A value an equality index is probed with (from an SQL value).
enum ProbeKey {
    case integer(Int64)
    case double(Double)
    case text(UnsafePointer<UInt8>, Int)

    var hash: UInt64 {
        switch self {
        case .integer(let v): return Hashing.word(UInt64(bitPattern: v))
        case .double(let v): return Hashing.word(v.bitPattern)
        case .text(let bytes, let count): return Hashing.bytes(bytes, count)
        }
    }

    /// The key of SQL text `value`, pointing at SQLite's bytes.
    static func textKey(of value: OpaquePointer?) -> ProbeKey? {
        guard sqlite3_value_type(value) == SQLITE_TEXT else { return nil }
        let count = Int(sqlite3_value_bytes(value))
        guard let bytes = sqlite3_value_text(value) else { return nil }
        return .text(bytes, count)
    }
}

/// Fast, well-mixed 64-bit hashes for the equality index (not for untrusted keys' DoS resistance:
/// a column's own values and a query's constants only).
enum Hashing {
    /// splitmix64's finaliser.
    @inline(__always) static func word(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// Bytes eight at a time, each word mixed into the running value.
    @inline(__always) static func bytes(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h = UInt64(truncatingIfNeeded: count)
        var i = 0
        while i &+ 8 <= count {
            h = word(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        if i < count {
            var tail: UInt64 = 0
            for j in i..<count { tail |= UInt64(p[j]) &<< (UInt64(j &- i) &* 8) }
            h = word(h ^ tail)
        }
        return h
    }

    /// Bytewise order (SQLite's BINARY collation), shorter first on a shared prefix.
    @inline(__always) static func order(_ a: UnsafePointer<UInt8>, _ n: Int, _ b: UnsafePointer<UInt8>, _ m: Int) -> Int {
        let shared = min(n, m)
        let c = shared == 0 ? 0 : memcmp(a, b, shared)
        return c != 0 ? Int(c) : n - m
    }
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

    /// Whether `cell op other` holds.
    @inline(__always) func holds<T: Comparable>(_ cell: T, _ other: T) -> Bool {
        holds(cell < other ? -1 : cell > other ? 1 : 0)
    }
}

/// Integer columns (Int64 words) and bools (one byte each, given to SQL as 0/1).
class IntegerReader: ColumnReader {
    private let wide: UnsafePointer<Int64>?
    private let narrow: UnsafePointer<UInt8>?

    init(wide: UnsafePointer<Int64>, validity: UnsafePointer<UInt8>?) {
        self.wide = wide
        narrow = nil
        super.init(validity: validity)
    }

    init(narrow: UnsafePointer<UInt8>, validity: UnsafePointer<UInt8>?) {
        wide = nil
        self.narrow = narrow
        super.init(validity: validity)
    }

    override func prefetch(_ row: Int) {
        if let wide { opsbench_prefetch(wide + row) } else { opsbench_prefetch(narrow! + row) }
    }

    @inline(__always) final func value(_ row: Int) -> Int64 {
        if let wide { return wide[row] }
        return narrow![row] != 0 ? 1 : 0
    }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        if isNull(row) { sqlite3_result_null(context) } else { sqlite3_result_int64(context, value(row)) }
    }

    override func hash(_ row: Int) -> UInt64 { Hashing.word(UInt64(bitPattern: value(row))) }

    override final func same(_ a: Int, _ b: Int) -> Bool { value(a) == value(b) }

    override func precedes(_ a: Int, _ b: Int) -> Bool { value(a) < value(b) }

    override func probeKey(of value: OpaquePointer?) -> ProbeKey? {
        sqlite3_value_type(value) == SQLITE_INTEGER ? .integer(sqlite3_value_int64(value)) : nil
    }

    override func matches(_ row: Int, _ key: ProbeKey) -> Bool {
        if case .integer(let v) = key { return value(row) == v }
        return false
    }

    override func failing(_ op: Comparison, _ value: OpaquePointer?) -> ((Int) -> Bool)? {
        switch sqlite3_value_type(value) {
        case SQLITE_INTEGER:
            let other = sqlite3_value_int64(value)
            return { [unowned(unsafe) self] row in self.isNull(row) || !op.holds(self.value(row), other) }
        case SQLITE_FLOAT:
            // Exact only while the integer converts to a double without rounding.
            let other = sqlite3_value_double(value)
            guard !other.isNaN else { return nil }
            return { [unowned(unsafe) self] row in
                if self.isNull(row) { return true }
                let cell = self.value(row)
                return cell.magnitude <= 1 << 53 && !op.holds(Double(cell), other)
            }
        case SQLITE_NULL: return { _ in true }
        default: return nil
        }
    }
}

/// Doubles; NaN is NULL, as in every other place opsbench hands data to SQL.
final class DoubleReader: ColumnReader {
    private let values: UnsafePointer<Double>

    init(_ values: UnsafePointer<Double>, validity: UnsafePointer<UInt8>?) {
        self.values = values
        super.init(validity: validity)
    }

    override func prefetch(_ row: Int) { opsbench_prefetch(values + row) }

    @inline(__always) private func isMissing(_ row: Int) -> Bool { isNull(row) || values[row].isNaN }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        if isMissing(row) { sqlite3_result_null(context) } else { sqlite3_result_double(context, values[row]) }
    }

    /// 0 and -0 are one key.
    @inline(__always) private func normalised(_ row: Int) -> Double { values[row] == 0 ? 0 : values[row] }

    override var equalCellsAreIdentical: Bool { false }

    override func hash(_ row: Int) -> UInt64 { Hashing.word(normalised(row).bitPattern) }

    override func same(_ a: Int, _ b: Int) -> Bool { values[a] == values[b] }

    override func precedes(_ a: Int, _ b: Int) -> Bool { values[a] < values[b] }

    override func probeKey(of value: OpaquePointer?) -> ProbeKey? {
        guard sqlite3_value_type(value) == SQLITE_FLOAT else { return nil }
        let v = sqlite3_value_double(value)
        return v.isNaN ? nil : .double(v == 0 ? 0 : v)
    }

    override func matches(_ row: Int, _ key: ProbeKey) -> Bool {
        if case .double(let v) = key { return values[row] == v }
        return false
    }

    override func failing(_ op: Comparison, _ value: OpaquePointer?) -> ((Int) -> Bool)? {
        let other: Double
        switch sqlite3_value_type(value) {
        case SQLITE_FLOAT: other = sqlite3_value_double(value)
        case SQLITE_INTEGER:
            let i = sqlite3_value_int64(value)
            guard i.magnitude <= 1 << 53 else { return nil }
            other = Double(i)
        case SQLITE_NULL: return { _ in true }
        default: return nil
        }
        guard !other.isNaN else { return nil }
        return { [unowned(unsafe) self] row in self.isMissing(row) || !op.holds(self.values[row], other) }
    }
}

/// Text columns (offsets into UTF-8 bytes), compared bytewise: SQLite's BINARY
/// collation (the table pushes nothing down under another collation).
final class StringReader: ColumnReader {
    private let offsets: UnsafePointer<UInt64>
    private let text: UnsafePointer<UInt8>

    init(offsets: UnsafePointer<UInt64>, text: UnsafePointer<UInt8>, validity: UnsafePointer<UInt8>?) {
        self.offsets = offsets
        self.text = text
        super.init(validity: validity)
    }

    override func prefetch(_ row: Int) { opsbench_prefetch(offsets + row) }

    @inline(__always) private func start(_ row: Int) -> Int { Int(truncatingIfNeeded: offsets[row]) }

    @inline(__always) private func count(_ row: Int) -> Int { Int(truncatingIfNeeded: offsets[row &+ 1] &- offsets[row]) }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        if isNull(row) { return sqlite3_result_null(context) }
        // SQLITE_STATIC (nil): the bytes live as long as the table, which outlives the statement.
        UnsafeRawPointer(text + start(row)).withMemoryRebound(to: CChar.self, capacity: 1) {
            sqlite3_result_text(context, $0, Int32(count(row)), nil)
        }
    }

    override func hash(_ row: Int) -> UInt64 { Hashing.bytes(text + start(row), count(row)) }

    override func same(_ a: Int, _ b: Int) -> Bool {
        let n = count(a)
        return n == count(b) && (n == 0 || memcmp(text + start(a), text + start(b), n) == 0)
    }

    override func precedes(_ a: Int, _ b: Int) -> Bool {
        Hashing.order(text + start(a), count(a), text + start(b), count(b)) < 0
    }

    override func probeKey(of value: OpaquePointer?) -> ProbeKey? { ProbeKey.textKey(of: value) }

    override func matches(_ row: Int, _ key: ProbeKey) -> Bool {
        guard case .text(let bytes, let n) = key else { return false }
        return n == count(row) && (n == 0 || memcmp(text + start(row), bytes, n) == 0)
    }

    override func failing(_ op: Comparison, _ value: OpaquePointer?) -> ((Int) -> Bool)? {
        switch sqlite3_value_type(value) {
        case SQLITE_NULL: return { _ in true }
        case SQLITE_TEXT:
            // The caller keeps `value` (a copy) alive while the test is used.
            guard let key = ProbeKey.textKey(of: value), case .text(let bytes, let n) = key else { return nil }
            return { [unowned(unsafe) self] row in
                self.isNull(row) || !op.holds(Hashing.order(self.text + self.start(row), self.count(row), bytes, n))
            }
        default: return nil
        }
    }
}

/// Dates and datetimes: stored as days or seconds, given to SQL as ISO text
/// (so SQLite's date functions apply); equality and order are those of that text.
final class DateReader: IntegerReader {
    private let format: (Int64) -> String

    init(wide: UnsafePointer<Int64>, validity: UnsafePointer<UInt8>?, format: @escaping (Int64) -> String) {
        self.format = format
        super.init(wide: wide, validity: validity)
    }

    override func result(_ context: OpaquePointer?, _ row: Int) {
        if isNull(row) { return sqlite3_result_null(context) }
        var text = format(value(row))
        text.withUTF8 { sqlite3_result_text(context, $0.baseAddress, Int32($0.count), opsbench_sqlite_transient()) }
    }

    /// Calls `body` with the UTF-8 bytes of the cell's text.
    private func withText<T>(_ row: Int, _ body: (UnsafePointer<UInt8>, Int) -> T) -> T {
        var text = format(value(row))
        return text.withUTF8 { body($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }

    // `same` is the integers': the formats are one-to-one.
    override func hash(_ row: Int) -> UInt64 { withText(row) { Hashing.bytes($0, $1) } }

    override func precedes(_ a: Int, _ b: Int) -> Bool {
        withText(a) { x, n in withText(b) { y, m in Hashing.order(x, n, y, m) < 0 } }
    }

    override func probeKey(of value: OpaquePointer?) -> ProbeKey? { ProbeKey.textKey(of: value) }

    override func matches(_ row: Int, _ key: ProbeKey) -> Bool {
        guard case .text(let bytes, let n) = key else { return false }
        return withText(row) { x, count in count == n && (n == 0 || memcmp(x, bytes, n) == 0) }
    }

    override func failing(_ op: Comparison, _ value: OpaquePointer?) -> ((Int) -> Bool)? { nil }
}
