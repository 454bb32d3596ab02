import Foundation
import OpsKit

/// Why a column could not be built as the kind asked for.
enum ColumnBuildFailure: Error {
    /// The field at `offset` holds a value of another kind.
    case mismatch(offset: Int, length: Int, found: FieldParser.Kind)
    /// The field at `offset` is not valid UTF-8.
    case badUTF8(offset: Int)
}

/// A built column and what the user should be told about it.
struct BuiltColumn {
    var column: Column
    var warnings: [String] = []
    var notes: [String] = []
}

/// One block of tokenized rows: the bytes, their field tables, and the block's offset in the text.
struct FieldBlock {
    let base: UnsafePointer<UInt8>
    let tables: [FieldTable]
    let columns: Int
    let origin: Int
}

/// Builds one typed column from a CSV file's blocks of rows, a pass over the file
/// at a time: infers the type (integer, double, date, datetime, bool, else string)
/// by parsing the bytes directly. A value that does not fit the kind being built
/// widens the kind, and the column is built again from the first row in the next
/// pass; dates written day/month take the order that all of the column's values
/// allow, read month first until a value rules that out (then a pass settles it).
struct ColumnBuilder {
    let name: String
    /// The column's position in each row.
    let index: Int
    /// The type the user asked for (`--types`): no inference, a mismatch is an error.
    let forced: ColumnType?
    let rules: ValueRules
    /// The header named this column in quotes it did not need: `export`'s mark of a text column.
    let textMarked: Bool
    private static let quote = UInt8(ascii: "\"")

    /// The column, once a pass has built it.
    private(set) var built: BuiltColumn?
    /// Why the column cannot be built (the first bad field).
    private(set) var failure: ColumnBuildFailure?
    /// Whether the column needs another pass over the file.
    private(set) var needsPass = true

    private enum Phase { case inferring, building, scanningDates, waiting }
    private var kind: FieldParser.Kind?
    private var notes: [String] = []
    /// The day/month order of the column's dates, once a whole pass has seen them.
    private var settledOrder: (order: DayMonthDate.Order, ambiguous: Bool)?

    private var phase = Phase.waiting
    private var expectedRows = 0
    /// Rows read as null before the first value, while inferring.
    private var nullsBefore = 0
    /// One of those rows is not null when read as text (padding, a null token with spaces).
    private var nullIsText = false
    private var integers: [Int64] = [], doubles: [Double] = [], bools: [Bool] = [], strings: [String] = []
    private var validity: [Bool]?
    private var count = 0
    private var percent = false
    private var dates: DateReading?
    private var scan = DayMonthScan()
    /// Day/month dates are being read month first before the scan has settled the order.
    private var tentative = false
    private var interner = StringInterner()
    private var scratch: [UInt8] = []

    init(name: String, index: Int, forced: ColumnType?, rules: ValueRules, textMarked: Bool) {
        self.name = name
        self.index = index
        self.forced = forced
        self.rules = rules
        self.textMarked = textMarked
        if let forced { kind = FieldParser.Kind(forced) } else if textMarked { kind = .string }
    }

    private var asked: Bool { forced != nil }

    // MARK: Passes

    /// Starts a pass over the file (about `rows` rows) from the first row.
    mutating func beginPass(rows: Int) {
        needsPass = false
        expectedRows = rows
        (nullsBefore, nullIsText, count, percent, tentative) = (0, false, 0, false, false)
        scan = DayMonthScan()
        interner = StringInterner()
        if kind == nil {
            phase = .inferring
        } else {
            startBuilding()
        }
    }

    /// Ends the pass: builds the column, or notes that it needs another pass.
    mutating func endPass() {
        guard failure == nil, !needsPass else { return }
        switch phase {
        case .waiting:
            return
        case .scanningDates:
            settledOrder = scan.settled
            again()
        case .inferring:
            built = BuiltColumn(column: Column(
                name: name, type: .string, values: .strings([String](repeating: "", count: nullsBefore)),
                validity: [Bool](repeating: false, count: nullsBefore)))
        case .building:
            if tentative {
                settledOrder = scan.settled
                dates!.ambiguous = scan.settled.ambiguous
            }
            built = column()
            dropValues()
            phase = .waiting
        }
    }

    private func column() -> BuiltColumn {
        switch kind! {
        case .integer:
            return BuiltColumn(column: Column(name: name, type: .integer, values: .integers(integers), validity: validity))
        case .date, .datetime:
            var built = BuiltColumn(
                column: Column(name: name, type: kind!.columnType, values: .integers(integers), validity: validity))
            if let warning = dates!.warning(column: name) { built.warnings.append(warning) }
            return built
        case .double:
            var built = BuiltColumn(column: Column(name: name, type: .double, values: .doubles(doubles), validity: validity))
            if percent { built.notes.append(IOMessages.percentagesDivided(name)) }
            return built
        case .bool:
            return BuiltColumn(column: Column(name: name, type: .bool, values: .bools(bools), validity: validity))
        case .string:
            return BuiltColumn(
                column: Column(name: name, type: .string, values: .strings(strings), validity: validity), notes: notes)
        }
    }

    private mutating func startBuilding() {
        phase = .building
        validity = nil
        switch kind! {
        case .integer: integers.reserveCapacity(expectedRows)
        case .double: doubles.reserveCapacity(expectedRows)
        case .bool: bools.reserveCapacity(expectedRows)
        case .string: strings.reserveCapacity(expectedRows)
        case .date, .datetime:
            integers.reserveCapacity(expectedRows)
            dates = DateReading(rules: rules, withTime: kind == .datetime, serials: asked)
            if let settledOrder {
                dates!.order = settledOrder.order
                dates!.ambiguous = settledOrder.ambiguous
            }
        }
    }

    /// Stops building for this pass; the next pass starts again from the first row.
    private mutating func again() {
        needsPass = true
        phase = .waiting
        dropValues()
    }

    private mutating func dropValues() {
        (integers, doubles, bools, strings, validity) = ([], [], [], [], nil)
    }

    // MARK: Fields

    /// Reads the block's fields of this column in row order.
    mutating func consume(_ block: FieldBlock) {
        guard phase != .waiting else { return }
        let columns = block.columns, index = self.index, base = block.base, origin = block.origin
        for table in block.tables {
            let stop = table.starts.withUnsafeBufferPointer { starts in
                table.rowEnds.withUnsafeBufferPointer { ends in
                    for r in 0..<ends.count {
                        let k = r * columns + index
                        let s = Int(starts[k])
                        var e: Int
                        if index + 1 < columns {
                            e = Int(starts[k + 1]) - 1
                        } else {
                            e = Int(ends[r])
                            if e > s, base[e - 1] == 0x0D { e -= 1 }
                        }
                        let quoted = e > s && base[s] == Self.quote
                        let more =
                            quoted
                            ? take(origin + s, base + s + 1, max(0, e - s - 2), true)
                            : take(origin + s, base + s, e - s, false)
                        if !more { return true }
                    }
                    return false
                }
            }
            if stop { return }
        }
    }

    /// One field (text offset, content without quotes, whether quoted); false stops the pass's reading.
    @inline(__always)
    private mutating func take(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ quoted: Bool) -> Bool {
        switch phase {
        case .building:
            return kind == .string ? takeText(offset, p, n, quoted) : takeTyped(offset, p, n, quoted)
        case .inferring:
            let (q, m) = Self.trimmed(p, n)
            if isNull(q, m, quoted: quoted) {
                if !isNull(p, n, quoted: quoted) { nullIsText = true }
                nullsBefore += 1
                return true
            }
            let first: FieldParser.Kind =
                quoted && rules.quotesMeanText && rules.isPlainTyped(q, m) ? .string : rules.classify(q, m)
            if first == .string, FieldParser.isBigInteger(q, m) { notes.append(IOMessages.bigIntegersKept(name)) }
            kind = first
            if first == .string, nullIsText {
                again()
                return false
            }
            startBuilding()
            for _ in 0..<nullsBefore { appendNull() }
            return take(offset, p, n, quoted)
        case .scanningDates:
            let (q, m) = Self.trimmed(p, n)
            if !isNull(q, m, quoted: quoted) { scan.observe(q, m) }
            return true
        case .waiting:
            return false
        }
    }

    /// Whether a field is a null: empty (a quoted `""` too, unless the column is marked text) or a null token.
    @inline(__always)
    private func isNull(_ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool) -> Bool {
        if n == 0 { return !(quoted && textMarked) }
        return !quoted && rules.isNullToken(p, n)
    }

    @inline(__always)
    private mutating func appendNull() {
        switch kind! {
        case .integer, .date, .datetime: integers.append(0)
        case .double: doubles.append(.nan)
        case .bool: bools.append(false)
        case .string: strings.append("")
        }
        if validity == nil {
            validity = [Bool](repeating: true, count: count)
            validity!.reserveCapacity(expectedRows)
        }
        validity!.append(false)
        count += 1
    }

    @inline(__always)
    private mutating func appended() -> Bool {
        validity?.append(true)
        count += 1
        return true
    }

    /// A field of a non-text kind; empty fields and null tokens are nulls.
    @inline(__always)
    private mutating func takeTyped(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ quoted: Bool) -> Bool {
        let (q, m) = Self.trimmed(p, n)
        if isNull(q, m, quoted: quoted) {
            appendNull()
            return true
        }
        let kind = self.kind!
        if settledOrder == nil, kind == .date || kind == .datetime {
            scan.observe(q, m)
            if tentative, !scan.monthFirst { return scanDates() }
        }
        let plain = quoted && rules.quotesMeanText && rules.isPlainTyped(q, m)
        if !plain {
            switch kind {
            case .integer:
                if let v = rules.integer(q, m, asked: asked) {
                    integers.append(v)
                    return appended()
                }
            case .double:
                if let (v, isPercent) = rules.double(q, m, asked: asked) {
                    if isPercent { percent = true }
                    doubles.append(v)
                    return appended()
                }
            case .bool:
                if let v = FieldParser.bool(q, m) {
                    bools.append(v)
                    return appended()
                }
            case .date, .datetime:
                if let v = dates!.value(q, m) {
                    integers.append(v)
                    return appended()
                }
                if dates!.needsOrder, dates!.order == nil {
                    guard scan.monthFirst else { return scanDates() }
                    dates!.order = .monthFirst
                    tentative = true
                    if let v = dates!.value(q, m) {
                        integers.append(v)
                        return appended()
                    }
                }
            case .string:
                break
            }
        }
        let found: FieldParser.Kind = plain ? .string : rules.classify(q, m)
        return mismatch(offset: offset, length: n, found: found == kind ? .string : found, q, m)
    }

    /// Day/month dates whose order the values seen so far do not settle: the rest of the
    /// pass only looks at the dates, and the next pass builds the column in the settled order.
    private mutating func scanDates() -> Bool {
        dropValues()
        phase = .scanningDates
        return true
    }

    /// A value of another kind: an error for a type the user asked for, else a wider kind for the next pass.
    private mutating func mismatch(
        offset: Int, length: Int, found: FieldParser.Kind, _ q: UnsafePointer<UInt8>, _ m: Int
    ) -> Bool {
        if asked {
            failure = .mismatch(offset: offset, length: length, found: found)
            phase = .waiting
            dropValues()
            return false
        }
        if found == .string, notes.isEmpty, m > 0, FieldParser.isBigInteger(q, m) {
            notes.append(IOMessages.bigIntegersKept(name))
        }
        let wider = kind!.merged(with: found)
        kind = wider == kind ? .string : wider
        again()
        return false
    }

    /// A field as text: unquoted empty fields are nulls, `""` is the empty string.
    @inline(__always)
    private mutating func takeText(_ offset: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ quoted: Bool) -> Bool {
        if isNull(p, n, quoted: quoted) {
            appendNull()
            return true
        }
        let text: String?
        if quoted, memchr(p, Int32(Self.quote), n) != nil {
            scratch.removeAll(keepingCapacity: true)
            var i = 0
            while i < n {
                scratch.append(p[i])
                i += p[i] == Self.quote ? 2 : 1
            }
            text = scratch.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        } else if n > 15 {
            text = interner.string(p, n) { String(validating: UnsafeBufferPointer(start: p, count: n), as: UTF8.self) }
        } else {
            text = String(validating: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        }
        guard let text else {
            failure = .badUTF8(offset: offset + (quoted ? 1 : 0) + Self.invalidUTF8Offset(p, n))
            phase = .waiting
            dropValues()
            return false
        }
        strings.append(text)
        return appended()
    }

    /// The field without surrounding spaces (numbers, dates and booleans may be padded).
    @inline(__always)
    private static func trimmed(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UnsafePointer<UInt8>, Int) {
        var start = 0, end = n
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        return (p + start, end - start)
    }

    /// Byte offset of the first invalid UTF-8 sequence in `p[0..<n]` (`n` when there is none).
    static func invalidUTF8Offset(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        EncodingDetector.firstInvalidUTF8(UnsafeBufferPointer(start: p, count: n), atEnd: true) ?? n
    }
}
