import Foundation
import OpsKit

/// Why a column could not be built as the kind asked for.
enum ColumnBuildFailure: Error {
    /// The field at `offset` holds a value of another kind.
    case mismatch(offset: Int, length: Int, found: FieldParser.Kind)
    /// The field at `offset` is not valid UTF-8.
    case badUTF8(offset: Int)
}

/// Builds one typed column from the tokenized fields of a CSV file: infers
/// the type (integer, double, date, datetime, bool, else string) by parsing
/// the bytes directly and widening on the first value that does not fit.
struct ColumnBuilder {
    let base: UnsafePointer<UInt8>
    let tables: [FieldTable]
    let columns: Int
    let index: Int
    /// Whether a quoted value means text (files that quote only some fields, as `export` writes them).
    let quotesMeanText: Bool
    private static let quote = UInt8(ascii: "\"")

    var rowCount: Int { tables.reduce(0) { $0 + $1.rows } }

    /// The column with the inferred type (or `forced`); throws `ColumnBuildFailure`.
    func build(name: String, forced: ColumnType?) throws -> Column {
        if let forced { return try build(name: name, kind: FieldParser.Kind(forced), asked: true) }
        guard var kind = firstKind() else {
            let rows = rowCount
            return Column(
                name: name, type: .string, values: .strings([String](repeating: "", count: rows)),
                validity: [Bool](repeating: false, count: rows))
        }
        while true {
            do {
                return try build(name: name, kind: kind, asked: false)
            } catch ColumnBuildFailure.mismatch(_, _, let found) where kind != .string {
                let wider = kind.merged(with: found)
                kind = wider == kind ? .string : wider
            }
        }
    }

    /// The kind of the first non-null value, `nil` when every value is null.
    private func firstKind() -> FieldParser.Kind? {
        var result: FieldParser.Kind?
        forEachField { _, p, n, quoted in
            let (q, m) = Self.trimmed(p, n)
            guard m > 0 else {
                if quoted, quotesMeanText { result = .string }
                return result == nil
            }
            result = quoted && quotesMeanText ? .string : FieldParser.classify(q, m)
            return false
        }
        return result
    }

    /// Builds the column as `kind`; a kind the user `asked` for also accepts leading zeros.
    private func build(name: String, kind: FieldParser.Kind, asked: Bool) throws -> Column {
        let rows = rowCount
        switch kind {
        case .integer, .date, .datetime:
            let parse: (UnsafePointer<UInt8>, Int) -> Int64? =
                kind == .integer
                ? { FieldParser.integer($0, $1, leadingZeros: asked) }
                : kind == .date ? FieldParser.date : FieldParser.dateTimeOrDate
            let (values, validity) = try parseFixed(kind: kind, rows: rows, placeholder: Int64(0), parse)
            return Column(name: name, type: kind.columnType, values: .integers(values), validity: validity)
        case .double:
            let (values, validity) = try parseFixed(
                kind: kind, rows: rows, placeholder: Double.nan, { FieldParser.double($0, $1, leadingZeros: asked) })
            return Column(name: name, type: .double, values: .doubles(values), validity: validity)
        case .bool:
            let (values, validity) = try parseFixed(kind: kind, rows: rows, placeholder: false, FieldParser.bool)
            return Column(name: name, type: .bool, values: .bools(values), validity: validity)
        case .string:
            let (values, validity) = try strings(rows: rows)
            return Column(name: name, type: .string, values: .strings(values), validity: validity)
        }
    }

    /// Parses every field with `parse`; empty fields are nulls.
    private func parseFixed<T>(
        kind: FieldParser.Kind, rows: Int, placeholder: T, _ parse: (UnsafePointer<UInt8>, Int) -> T?
    ) throws -> ([T], [Bool]?) {
        var validity: [Bool]?
        var failure: ColumnBuildFailure?
        let values = [T](unsafeUninitializedCapacity: rows) { buffer, initialized in
            var row = 0
            forEachField { offset, p, n, quoted in
                let (q, m) = Self.trimmed(p, n)
                if m == 0 {
                    if validity == nil { validity = [Bool](repeating: true, count: rows) }
                    validity![row] = false
                    (buffer.baseAddress! + row).initialize(to: placeholder)
                } else if !(quoted && quotesMeanText), let value = parse(q, m) {
                    (buffer.baseAddress! + row).initialize(to: value)
                } else {
                    let found: FieldParser.Kind = quoted && quotesMeanText ? .string : FieldParser.classify(q, m)
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

    /// Every field as text: unquoted empty fields are nulls, `""` is the empty string.
    private func strings(rows: Int) throws -> ([String], [Bool]?) {
        var values = [String]()
        values.reserveCapacity(rows)
        var validity: [Bool]?
        var failure: ColumnBuildFailure?
        var scratch = [UInt8]()
        var interner = StringInterner()
        forEachField { offset, p, n, quoted in
            if n == 0, !quoted {
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

    /// Byte offset of the first invalid UTF-8 sequence in `p[0..<n]`.
    static func invalidUTF8Offset(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var iterator = UnsafeBufferPointer(start: p, count: n).makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}
