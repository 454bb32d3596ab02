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

/// Builds one typed column from the tokenized fields of a CSV file: infers
/// the type (integer, double, date, datetime, bool, else string) by parsing
/// the bytes directly and widening on the first value that does not fit.
struct ColumnBuilder {
    let base: UnsafePointer<UInt8>
    let tables: [FieldTable]
    let columns: Int
    let index: Int
    let rules: ValueRules
    /// The header named this column in quotes it did not need: `export`'s mark of a text column.
    let textMarked: Bool
    private static let quote = UInt8(ascii: "\"")

    var rowCount: Int { tables.reduce(0) { $0 + $1.rows } }

    /// The column with the inferred type (or `forced`); throws `ColumnBuildFailure`.
    func build(name: String, forced: ColumnType?) throws -> BuiltColumn {
        if let forced { return try build(name: name, kind: FieldParser.Kind(forced), asked: true) }
        if textMarked { return try build(name: name, kind: .string, asked: false) }
        var notes: [String] = []
        guard var kind = firstKind(name: name, notes: &notes) else {
            let rows = rowCount
            return BuiltColumn(column: Column(
                name: name, type: .string, values: .strings([String](repeating: "", count: rows)),
                validity: [Bool](repeating: false, count: rows)))
        }
        while true {
            do {
                var built = try build(name: name, kind: kind, asked: false)
                if kind == .string, !notes.isEmpty { built.notes += notes }
                return built
            } catch ColumnBuildFailure.mismatch(let offset, let length, let found) where kind != .string {
                if found == .string, notes.isEmpty, let (p, n) = content(at: offset, length: length),
                    FieldParser.isBigInteger(p, n)
                {
                    notes.append(IOMessages.bigIntegersKept(name))
                }
                let wider = kind.merged(with: found)
                kind = wider == kind ? .string : wider
            }
        }
    }

    /// The unquoted bytes of a field reported by a mismatch.
    private func content(at offset: Int, length: Int) -> (UnsafePointer<UInt8>, Int)? {
        let p = base + offset + (base[offset] == Self.quote ? 1 : 0)
        let (q, m) = Self.trimmed(p, length)
        return m > 0 ? (q, m) : nil
    }

    /// Whether a field is a null: empty (a quoted `""` too, unless the column is marked text) or a null token.
    @inline(__always)
    private func isNull(_ p: UnsafePointer<UInt8>, _ n: Int, quoted: Bool) -> Bool {
        if n == 0 { return !(quoted && textMarked) }
        return !quoted && rules.isNullToken(p, n)
    }

    /// The kind of the first non-null value, `nil` when every value is null.
    private func firstKind(name: String, notes: inout [String]) -> FieldParser.Kind? {
        var result: FieldParser.Kind?
        forEachField { _, p, n, quoted in
            let (q, m) = Self.trimmed(p, n)
            if isNull(q, m, quoted: quoted) { return true }
            result = quoted && rules.quotesMeanText && rules.isPlainTyped(q, m) ? .string : rules.classify(q, m)
            if result == .string, FieldParser.isBigInteger(q, m) { notes.append(IOMessages.bigIntegersKept(name)) }
            return false
        }
        return result
    }

    /// Builds the column as `kind`; a kind the user `asked` for also accepts leading
    /// zeros, and a date kind then also accepts Excel serial numbers.
    private func build(name: String, kind: FieldParser.Kind, asked: Bool) throws -> BuiltColumn {
        let rows = rowCount
        let rules = self.rules
        var built: BuiltColumn
        switch kind {
        case .integer:
            let (values, validity) = try parseFixed(kind: kind, rows: rows, placeholder: Int64(0)) {
                rules.integer($0, $1, asked: asked)
            }
            built = BuiltColumn(column: Column(name: name, type: .integer, values: .integers(values), validity: validity))
        case .date, .datetime:
            var dates = DateReading(rules: rules, withTime: kind == .datetime, serials: asked)
            let (values, validity) = try parseFixed(kind: kind, rows: rows, placeholder: Int64(0)) { p, n in
                dates.value(p, n, column: self)
            }
            built = BuiltColumn(
                column: Column(name: name, type: kind.columnType, values: .integers(values), validity: validity))
            if let warning = dates.warning(column: name) { built.warnings.append(warning) }
        case .double:
            var percent = false
            let (values, validity) = try parseFixed(kind: kind, rows: rows, placeholder: Double.nan) { p, n in
                guard let (value, isPercent) = rules.double(p, n, asked: asked) else { return nil }
                if isPercent { percent = true }
                return value
            }
            built = BuiltColumn(column: Column(name: name, type: .double, values: .doubles(values), validity: validity))
            if percent { built.notes.append(IOMessages.percentagesDivided(name)) }
        case .bool:
            let (values, validity) = try parseFixed(kind: kind, rows: rows, placeholder: false, FieldParser.bool)
            built = BuiltColumn(column: Column(name: name, type: .bool, values: .bools(values), validity: validity))
        case .string:
            let (values, validity) = try strings(rows: rows)
            built = BuiltColumn(column: Column(name: name, type: .string, values: .strings(values), validity: validity))
        }
        return built
    }

    /// Parses every field with `parse`; empty fields and null tokens are nulls.
    private func parseFixed<T>(
        kind: FieldParser.Kind, rows: Int, placeholder: T, _ parse: (UnsafePointer<UInt8>, Int) -> T?
    ) throws -> ([T], [Bool]?) {
        var validity: [Bool]?
        var failure: ColumnBuildFailure?
        let values = [T](unsafeUninitializedCapacity: rows) { buffer, initialized in
            var row = 0
            forEachField { offset, p, n, quoted in
                let (q, m) = Self.trimmed(p, n)
                if isNull(q, m, quoted: quoted) {
                    if validity == nil { validity = [Bool](repeating: true, count: rows) }
                    validity![row] = false
                    (buffer.baseAddress! + row).initialize(to: placeholder)
                } else if !(quoted && rules.quotesMeanText && rules.isPlainTyped(q, m)),
                    let value = parse(q, m)
                {
                    (buffer.baseAddress! + row).initialize(to: value)
                } else {
                    let found: FieldParser.Kind =
                        quoted && rules.quotesMeanText && rules.isPlainTyped(q, m) ? .string : rules.classify(q, m)
                    failure = .mismatch(offset: offset, length: n, found: found == kind ? .string : found)
                    return false
                }
                row += 1
                return true
            }
            initialized = row
        }
        if let failure { throw failure }
        return (values, validity)
    }

    /// Every field's unquoted, trimmed bytes (for the date-order scan).
    func forEachValue(_ body: (UnsafePointer<UInt8>, Int) -> Bool) {
        forEachField { _, p, n, quoted in
            let (q, m) = Self.trimmed(p, n)
            if isNull(q, m, quoted: quoted) { return true }
            return body(q, m)
        }
    }

    /// Every field as text: unquoted empty fields are nulls, `""` is the empty string.
    private func strings(rows: Int) throws -> ([String], [Bool]?) {
        var values = [String]()
        values.reserveCapacity(rows)
        var validity: [Bool]?
        var failure: ColumnBuildFailure?
        var scratch = [UInt8]()
        var interner = StringInterner()
        forEachField { offset, p, n, quoted in
            if isNull(p, n, quoted: quoted) {
                if validity == nil { validity = [Bool](repeating: true, count: rows) }
                validity![values.count] = false
                values.append("")
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
                return false
            }
            values.append(text)
            return true
        }
        if let failure { throw failure }
        return (values, validity)
    }

    /// Calls `body(offset, contentStart, contentLength, quoted)` for every field of
    /// the column in row order (quotes stripped, escapes kept); stops when it returns false.
    @inline(__always)
    private func forEachField(_ body: (Int, UnsafePointer<UInt8>, Int, Bool) -> Bool) {
        let columns = self.columns, index = self.index, base = self.base
        for table in tables {
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
                        let ok =
                            quoted ? body(s, base + s + 1, max(0, e - s - 2), true) : body(s, base + s, e - s, false)
                        if !ok { return true }
                    }
                    return false
                }
            }
            if stop { return }
        }
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
