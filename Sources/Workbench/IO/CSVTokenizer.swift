import Foundation

/// Field positions of a run of CSV rows: where each field starts and where
/// each row ends (its `\n`, or the end of the input). Field `c` of row `r`
/// spans `starts[r*columns+c] ..< starts[r*columns+c+1]-1`; the last field of
/// a row ends at `rowEnds[r]` (less a `\r`). Quoted fields keep their quotes.
struct FieldTable {
    var starts: [UInt32] = []
    var rowEnds: [UInt32] = []
    var rows: Int { rowEnds.count }
}

/// A CSV syntax problem at a byte offset; the reader turns it into `file:line:column`.
enum CSVSyntaxError: Error {
    case unclosedQuote(at: Int)
    case textAfterQuote(at: Int)
    case ragged(at: Int, fields: Int)
}

extension CSVSyntaxError {
    /// The same error at an offset `origin` bytes further on (a block's offsets made file offsets).
    func shifted(by origin: Int) -> CSVSyntaxError {
        switch self {
        case .unclosedQuote(let at): return .unclosedQuote(at: at + origin)
        case .textAfterQuote(let at): return .textAfterQuote(at: at + origin)
        case .ragged(let at, let fields): return .ragged(at: at + origin, fields: fields)
        }
    }
}

/// RFC 4180 tokenizer over raw bytes: quoted fields with doubled quotes and
/// embedded newlines, CRLF or LF line ends. A quote inside an unquoted field is
/// kept as text. No strings are made here; the column builders read the bytes.
///
/// The bytes may be one block of a longer input (`final` false): a row that runs
/// into the block's end is then left for the next block rather than ended there.
struct CSVTokenizer {
    let base: UnsafePointer<UInt8>
    let count: Int
    let delimiter: UInt8
    /// Whether the bytes end where the input ends.
    let final: Bool
    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, final: Bool = true) {
        self.base = bytes.baseAddress!
        self.count = bytes.count
        self.delimiter = delimiter
        self.final = final
    }

    /// The header row: field byte ranges (quotes included) and the offset after it
    /// (no row when a block ends inside the header).
    func header() throws -> (table: FieldTable, next: Int) {
        try firstRows(from: 0, columns: nil, limit: 1)
    }

    /// At most `limit` rows from `begin` and the offset after them.
    func firstRows(from begin: Int, columns: Int?, limit: Int) throws -> (table: FieldTable, next: Int) {
        var table = FieldTable()
        let next = try tokenize(from: begin, to: count, columns: columns, maxRows: limit, into: &table, final: final)
        return (table, next)
    }

    /// The complete rows from `begin`, tokenized in parallel chunks when the bytes are many,
    /// into `tables` (whose storage is reused); returns the offset after the last complete row.
    func rows(from begin: Int, columns: Int, parallelism: Int, into tables: inout [FieldTable]) throws -> Int {
        let points = parallelism > 1 && count - begin > 1 << 20 ? splitPoints(from: begin, parts: parallelism) : []
        if points.count > 2 {
            let chunks = points.count - 1
            while tables.count < chunks { tables.append(FieldTable()) }
            var ends = [Result<Int, Error>](repeating: .success(0), count: chunks)
            tables.withUnsafeMutableBufferPointer { out in
                ends.withUnsafeMutableBufferPointer { ends in
                    DispatchQueue.concurrentPerform(iterations: chunks) { k in
                        ends[k] = Result {
                            let last = k == chunks - 1
                            reserve(&out[k], from: points[k], to: points[k + 1], columns: columns)
                            let end = try tokenize(
                                from: points[k], to: points[k + 1], columns: columns, maxRows: .max, into: &out[k],
                                final: last ? final : true)
                            guard last || end == points[k + 1] else { throw CSVSyntaxError.unclosedQuote(at: end) }
                            return end
                        }
                    }
                }
            }
            if let reached = try? ends.map({ try $0.get() }) {
                tables.removeLast(tables.count - chunks)
                return reached.last!
            }
            // A split fell inside a quoted field (a stray quote fooled the scan) or the
            // input is malformed: the sequential pass gives the true rows or the first error.
        }
        if tables.isEmpty { tables.append(FieldTable()) }
        tables.removeLast(tables.count - 1)
        reserve(&tables[0], from: begin, to: count, columns: columns)
        return try tokenize(from: begin, to: count, columns: columns, maxRows: .max, into: &tables[0], final: final)
    }

    /// Row boundaries near equal fractions of the input, found by quote parity.
    private func splitPoints(from begin: Int, parts: Int) -> [Int] {
        var points = [begin]
        var position = begin
        var inQuote = false
        for k in 1..<parts {
            let target = begin + (count - begin) * k / parts
            guard target > position else { continue }
            var q = position
            while q < target, let hit = memchr(base + q, Int32(Self.quote), target - q) {
                inQuote.toggle()
                q = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
            }
            q = target
            while q < count {
                let c = base[q]
                if c == Self.quote { inQuote.toggle() } else if c == Self.newline, !inQuote { break }
                q += 1
            }
            guard q + 1 < count else { break }
            position = q + 1
            points.append(position)
        }
        points.append(count)
        return points
    }

    /// Empties `table` and reserves room for the rows of a range, estimated from its first 64 KB.
    private func reserve(_ table: inout FieldTable, from begin: Int, to end: Int, columns: Int) {
        table.starts.removeAll(keepingCapacity: true)
        table.rowEnds.removeAll(keepingCapacity: true)
        let sample = min(end - begin, 1 << 16)
        guard sample > 0 else { return }
        var lines = 1
        for i in begin..<begin + sample where base[i] == Self.newline { lines += 1 }
        let rows = Int(Double(end - begin) / Double(sample) * Double(lines) * 1.05) + 16
        table.rowEnds.reserveCapacity(rows)
        table.starts.reserveCapacity(rows * columns)
    }

    /// Tokenizes rows in `begin..<end` into `table`; returns the offset after the last row read.
    /// `columns` (when known) is the field count every row must have; blank lines are
    /// skipped unless rows have a single column (where a blank line is a null). Unless
    /// `final`, a row that `end` cuts short is dropped and the offset of its start returned.
    private func tokenize(
        from begin: Int, to end: Int, columns: Int?, maxRows: Int, into table: inout FieldTable, final: Bool
    ) throws -> Int {
        let delimiter = self.delimiter
        let base = self.base
        var p = begin
        var rows = 0
        let skipBlank = columns != 1
        while p < end, rows < maxRows {
            if skipBlank {
                if base[p] == Self.newline {
                    p += 1
                    continue
                }
                if base[p] == Self.cr, p + 1 < end, base[p + 1] == Self.newline {
                    p += 2
                    continue
                }
                if !final, base[p] == Self.cr, p + 1 == end { return p }
            }
            let rowStart = p
            let startsBefore = table.starts.count
            var fields = 0
            row: while true {
                table.starts.append(UInt32(truncatingIfNeeded: p))
                fields += 1
                if p < end, base[p] == Self.quote {
                    let opening = p
                    p += 1
                    while true {
                        guard p < end, let hit = memchr(base + p, Int32(Self.quote), end - p) else {
                            if !final { return cut(table: &table, to: startsBefore, at: rowStart) }
                            throw CSVSyntaxError.unclosedQuote(at: opening)
                        }
                        p = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base + 1
                        if p < end, base[p] == Self.quote {
                            p += 1
                            continue
                        }
                        break
                    }
                    if p >= end {
                        if !final { return cut(table: &table, to: startsBefore, at: rowStart) }
                        table.rowEnds.append(UInt32(truncatingIfNeeded: p))
                        break row
                    }
                    let c = base[p]
                    if c == delimiter {
                        p += 1
                        continue row
                    }
                    if !final, c == Self.cr, p + 1 == end { return cut(table: &table, to: startsBefore, at: rowStart) }
                    if c == Self.cr, p + 1 < end, base[p + 1] == Self.newline { p += 1 }
                    if base[p] == Self.newline {
                        table.rowEnds.append(UInt32(truncatingIfNeeded: p))
                        p += 1
                        break row
                    }
                    throw CSVSyntaxError.textAfterQuote(at: p)
                }
                while p < end {
                    let c = base[p]
                    if c == delimiter || c == Self.newline { break }
                    p += 1
                }
                if p < end, base[p] == delimiter {
                    p += 1
                    continue row
                }
                if !final, p >= end { return cut(table: &table, to: startsBefore, at: rowStart) }
                table.rowEnds.append(UInt32(truncatingIfNeeded: p))
                p += 1
                break row
            }
            if let columns, fields != columns { throw CSVSyntaxError.ragged(at: rowStart, fields: fields) }
            rows += 1
        }
        return min(p, end)
    }

    /// Drops the fields of a row the block's end cut short; returns where that row starts.
    private func cut(table: inout FieldTable, to starts: Int, at rowStart: Int) -> Int {
        table.starts.removeLast(table.starts.count - starts)
        return rowStart
    }
}
