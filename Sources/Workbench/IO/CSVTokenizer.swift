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

/// RFC 4180 tokenizer over raw bytes: quoted fields with doubled quotes and
/// embedded newlines, CRLF or LF line ends. A quote inside an unquoted field is
/// kept as text. No strings are made here; the column builders read the bytes.
struct CSVTokenizer {
    let base: UnsafePointer<UInt8>
    let count: Int
    let delimiter: UInt8
    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.base = bytes.baseAddress!
        self.count = bytes.count
        self.delimiter = delimiter
    }

    /// The header row: field byte ranges (quotes included) and the offset after it.
    func header() throws -> (table: FieldTable, next: Int) {
        var table = FieldTable()
        let next = try tokenize(from: 0, to: count, columns: nil, maxRows: 1, into: &table)
        return (table, next)
    }

    /// All rows after the header, tokenized in parallel chunks when the input is large.
    func rows(from begin: Int, columns: Int, parallelism: Int) throws -> [FieldTable] {
        let points = parallelism > 1 && count - begin > 4 << 20 ? splitPoints(from: begin, parts: parallelism) : []
        if points.count > 2 {
            let chunks = points.count - 1
            var results = [Result<FieldTable, Error>](repeating: .success(FieldTable()), count: chunks)
            results.withUnsafeMutableBufferPointer { out in
                DispatchQueue.concurrentPerform(iterations: chunks) { k in
                    out[k] = Result {
                        var table = FieldTable()
                        reserve(&table, from: points[k], to: points[k + 1], columns: columns)
                        let end = try tokenize(
                            from: points[k], to: points[k + 1], columns: columns, maxRows: .max, into: &table)
                        guard end == points[k + 1] else { throw CSVSyntaxError.unclosedQuote(at: end) }
                        return table
                    }
                }
            }
            if let tables = try? results.map({ try $0.get() }) { return tables }
            // A split fell inside a quoted field (a stray quote fooled the scan) or the
            // input is malformed: the sequential pass gives the true rows or the first error.
        }
        var table = FieldTable()
        reserve(&table, from: begin, to: count, columns: columns)
        _ = try tokenize(from: begin, to: count, columns: columns, maxRows: .max, into: &table)
        return [table]
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

    /// Reserves room for the rows of a range, estimated from its first 64 KB.
    private func reserve(_ table: inout FieldTable, from begin: Int, to end: Int, columns: Int) {
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
    /// skipped unless rows have a single column (where a blank line is a null).
    private func tokenize(
        from begin: Int, to end: Int, columns: Int?, maxRows: Int, into table: inout FieldTable
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
            }
            let rowStart = p
            var fields = 0
            row: while true {
                table.starts.append(UInt32(truncatingIfNeeded: p))
                fields += 1
                if p < end, base[p] == Self.quote {
                    let opening = p
                    p += 1
                    while true {
                        guard p < end, let hit = memchr(base + p, Int32(Self.quote), end - p) else {
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
                        table.rowEnds.append(UInt32(truncatingIfNeeded: p))
                        break row
                    }
                    let c = base[p]
                    if c == delimiter {
                        p += 1
                        continue row
                    }
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
                table.rowEnds.append(UInt32(truncatingIfNeeded: p))
                p += 1
                break row
            }
            if let columns, fields != columns { throw CSVSyntaxError.ragged(at: rowStart, fields: fields) }
            rows += 1
        }
        return min(p, end)
    }
}
