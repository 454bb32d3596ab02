import Foundation
import OpsKit

/// Reads CSV/TSV files a block of rows at a time (``TextSource``): checks the
/// bytes, finds the delimiter, tokenizes each block in parallel chunks and adds
/// its fields to the columns in parallel, so that the whole file's bytes and
/// field offsets are never held beside the columns. A column whose kind widens
/// part-way is built again in another pass over the file.
struct DelimitedReader {
    let path: String
    let options: ReadOptions

    func read() throws -> LoadReport {
        let source = try TextSource(path: path, options: options)
        let delimiter =
            try options.delimiter.map(Self.delimiterByte)
            ?? Self.defaultDelimiter(path: path, bytes: source.window(at: 0, length: 1 << 16))
        var expected = 0
        do {
            let (fields, bodyStart) = try header(source, delimiter: delimiter)
            expected = fields.count
            var warnings: [String] = []
            if options.cancelled() { throw CommandCancelled() }
            let names = try Self.uniqueNames(fields.map(\.name), warnings: &warnings, cancelled: options.cancelled)
            let quoteAll =
                try fields.allSatisfy(\.quoted)
                && firstRowsAllQuoted(source, from: bodyStart, columns: names.count, delimiter: delimiter)
            let rules = ValueRules(quotesMeanText: !quoteAll, options: options)
            let built = try buildColumns(
                names: names, source: source, from: bodyStart, delimiter: delimiter, rules: rules,
                marked: fields.map { !quoteAll && $0.quoted && !$0.neededQuotes })
            var notes: [String] = []
            for column in built {
                warnings += column.warnings
                notes += column.notes
            }
            return LoadReport(
                dataset: try Dataset(columns: built.map(\.column)), warnings: warnings, notes: notes,
                encoding: source.encoding)
        } catch let error as CSVSyntaxError {
            throw describe(error, source: source, delimiter: delimiter, expected: expected)
        }
    }

    /// The header's fields and the text offset after the header row.
    private func header(_ source: TextSource, delimiter: UInt8) throws -> ([HeaderField], Int) {
        var length = options.blockSize
        while true {
            let window = source.window(at: 0, length: length)
            let final = window.count >= source.count
            let (table, next) = try CSVTokenizer(bytes: window, delimiter: delimiter, final: final).header()
            if table.rows == 1 || final { return (try headerFields(table, bytes: window, delimiter: delimiter), next) }
            length *= 2
        }
    }

    /// Whether every field of the first rows is quoted too (a file that quotes everything).
    private func firstRowsAllQuoted(
        _ source: TextSource, from start: Int, columns: Int, delimiter: UInt8
    ) throws -> Bool {
        var length = options.blockSize
        while true {
            let window = source.window(at: start, length: length)
            guard !window.isEmpty else { return true }
            let final = start + window.count >= source.count
            let (table, _): (FieldTable, Int)
            do {
                (table, _) = try CSVTokenizer(bytes: window, delimiter: delimiter, final: final)
                    .firstRows(from: 0, columns: columns, limit: 10)
            } catch let error as CSVSyntaxError { throw error.shifted(by: start) }
            if table.rows == 10 || final {
                return table.starts.allSatisfy { Int($0) < window.count && window[Int($0)] == 0x22 }
            }
            length *= 2
        }
    }

    /// Calls `body` with each block of complete rows from `start` to the end of the text,
    /// reusing one set of field tables; stops early when `body` returns false.
    private func forEachBlock(
        _ source: TextSource, from start: Int, delimiter: UInt8, columns: Int, _ body: (FieldBlock) throws -> Bool
    ) throws {
        let parallelism = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var tables: [FieldTable] = []
        var offset = start
        var length = options.blockSize
        while offset < source.count {
            if options.cancelled() { throw CommandCancelled() }
            let window = source.window(at: offset, length: length)
            if window.isEmpty { break }
            let final = offset + window.count >= source.count
            let consumed: Int
            do {
                consumed = try CSVTokenizer(bytes: window, delimiter: delimiter, final: final)
                    .rows(from: 0, columns: columns, parallelism: parallelism, into: &tables)
            } catch let error as CSVSyntaxError { throw error.shifted(by: offset) }
            if consumed == 0, !final {
                // One row longer than the block: read a longer block.
                length *= 2
                continue
            }
            guard try body(FieldBlock(base: window.baseAddress!, tables: tables, columns: columns, origin: offset))
            else { return }
            offset += consumed
            length = options.blockSize
            if final { break }
        }
    }

    /// The number of rows from `start`, estimated from the line breaks of the next 64 KB.
    private static func estimatedRows(_ source: TextSource, from start: Int) -> Int {
        let sample = source.window(at: start, length: 1 << 16)
        guard !sample.isEmpty else { return 0 }
        let lines = 1 + sample.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return Int(Double(source.count - start) / Double(sample.count) * Double(lines) * 1.05) + 16
    }

    // MARK: Delimiter

    static func delimiterByte(_ character: Character) throws -> UInt8 {
        guard let ascii = character.asciiValue, ascii != 0x22, ascii != 0x0A, ascii != 0x0D else {
            throw IOMessages.badDelimiter(character)
        }
        return ascii
    }

    /// Tab for `.tsv`; otherwise the most frequent of `, \t ; |` outside quotes in the first line (comma if none).
    static func defaultDelimiter(path: String, bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        if path.lowercased().hasSuffix(".tsv") { return 0x09 }
        let candidates: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuote = false
        for b in bytes.prefix(1 << 16) {
            if b == 0x22 { inQuote.toggle() } else if !inQuote {
                if b == 0x0A { break }
                if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
            }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] > 0 ? candidates[best] : 0x2C
    }

    // MARK: Header

    /// A header field: its text, whether it was quoted, and whether it had to be
    /// (it holds the delimiter, a quote or a line break).
    struct HeaderField {
        var name: String
        var quoted: Bool
        var neededQuotes: Bool
    }

    private func headerFields(
        _ header: FieldTable, bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8
    ) throws -> [HeaderField] {
        guard header.rows == 1 else { throw IOMessages.emptyFile(path) }
        let base = bytes.baseAddress!
        let count = header.starts.count
        var fields: [HeaderField] = []
        fields.reserveCapacity(count)
        for c in 0..<count {
            let s = Int(header.starts[c])
            var e = c + 1 < count ? Int(header.starts[c + 1]) - 1 : Int(header.rowEnds[0])
            if c + 1 == count, e > s, base[e - 1] == 0x0D { e -= 1 }
            let quoted = e - s >= 2 && base[s] == 0x22
            let (start, length) = quoted ? (s + 1, e - s - 2) : (s, e - s)
            let field = UnsafeBufferPointer(start: base + start, count: length)
            guard let text = String(validating: field, as: UTF8.self) else {
                let offset = start + ColumnBuilder.invalidUTF8Offset(base + start, length)
                throw IOMessages.badUTF8(IOMessages.at(path, TextPosition(offset: offset, in: bytes)))
            }
            let needed = field.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == delimiter }
            fields.append(HeaderField(
                name: quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text, quoted: quoted,
                neededQuotes: needed || text.first == " " || text.last == " " || text.isEmpty))
        }
        return fields
    }

    /// Trims names, names empty ones `column_N` and renames repeats `name_2`, `name_3`, … with warnings.
    /// Linear in the number of columns: each base name remembers the next suffix to try.
    static func uniqueNames(_ raw: [String], warnings: inout [String]) -> [String] {
        // Without a cancellation flag nothing can throw.
        try! uniqueNames(raw, warnings: &warnings, cancelled: { false })
    }

    /// ``uniqueNames(_:warnings:)`` that stops with ``CommandCancelled`` when `cancelled()` turns true.
    static func uniqueNames(
        _ raw: [String], warnings: inout [String], cancelled: () -> Bool
    ) throws -> [String] {
        var taken = Set(raw.map { $0.trimmingWhitespace() })
        var seen = Set<String>()
        var nextSuffix: [String: Int] = [:]
        var names: [String] = []
        var renamed = 0
        for (i, original) in raw.enumerated() {
            if i & 1023 == 0, cancelled() { throw CommandCancelled() }
            var name = original.trimmingWhitespace()
            if name.isEmpty {
                name = fresh("column_\(i + 1)", taken: &taken, next: &nextSuffix)
                warnings.append(IOMessages.unnamedColumn(i + 1, named: name))
            } else if seen.contains(name) {
                let fresh = fresh(name, taken: &taken, next: &nextSuffix)
                renamed += 1
                if renamed <= 20 { warnings.append(IOMessages.duplicateColumn(name, renamed: fresh)) }
                name = fresh
            }
            seen.insert(name)
            names.append(name)
        }
        if renamed > 20 { warnings.append(IOMessages.moreDuplicates(renamed - 20)) }
        return names
    }

    private static func fresh(_ base: String, taken: inout Set<String>, next: inout [String: Int]) -> String {
        if !taken.contains(base) {
            taken.insert(base)
            return base
        }
        var k = next[base] ?? 2
        while taken.contains("\(base)_\(k)") { k += 1 }
        next[base] = k + 1
        taken.insert("\(base)_\(k)")
        return "\(base)_\(k)"
    }

    // MARK: Columns

    /// Builds every column, in passes over the text until none needs another; the first
    /// pass reads every row (so a syntax error anywhere is found), later ones only up to
    /// the earliest bad field found so far. Throws the bad field nearest the start.
    private func buildColumns(
        names: [String], source: TextSource, from start: Int, delimiter: UInt8, rules: ValueRules, marked: [Bool]
    ) throws -> [BuiltColumn] {
        var builders = names.indices.map {
            ColumnBuilder(
                name: names[$0], index: $0, forced: options.types[names[$0]], rules: rules, textMarked: marked[$0])
        }
        var rows = Self.estimatedRows(source, from: start)
        var active = Array(builders.indices)
        var firstPass = true
        var earliest = Int.max
        while !active.isEmpty {
            for c in active { builders[c].beginPass(rows: rows) }
            var seen = 0
            try forEachBlock(source, from: start, delimiter: delimiter, columns: names.count) { block in
                guard block.origin <= earliest else { return false }
                builders.withUnsafeMutableBufferPointer { builders in
                    active.withUnsafeBufferPointer { active in
                        DispatchQueue.concurrentPerform(iterations: active.count) { builders[active[$0]].consume(block) }
                    }
                }
                seen += block.tables.reduce(0) { $0 + $1.rows }
                return true
            }
            if options.cancelled() { throw CommandCancelled() }
            if firstPass {
                for key in options.types.keys where !names.contains(key) {
                    throw IOMessages.unknownTypedColumn(key, columns: names)
                }
                (rows, firstPass) = (seen, false)
            }
            for c in active {
                builders[c].endPass()
                if let failure = builders[c].failure { earliest = min(earliest, Self.offset(of: failure)) }
            }
            active = active.filter { builders[$0].needsPass && builders[$0].failure == nil }
        }
        // Report the failure nearest the start of the file, whatever column found it.
        var first: (offset: Int, error: Error)?
        for builder in builders {
            guard let failure = builder.failure else { continue }
            let offset = Self.offset(of: failure)
            if first == nil || offset < first!.offset {
                first = (offset, describe(failure, column: builder.name, source: source))
            }
        }
        if let first { throw first.error }
        return builders.map { $0.built! }
    }

    private static func offset(of failure: ColumnBuildFailure) -> Int {
        switch failure {
        case .badUTF8(let offset), .mismatch(let offset, _, _): return offset
        }
    }

    private func describe(_ failure: ColumnBuildFailure, column: String, source: TextSource) -> Error {
        switch failure {
        case .badUTF8(let offset):
            return IOMessages.badUTF8(IOMessages.at(path, source.position(of: offset)))
        case .mismatch(let offset, let length, _):
            let type = options.types[column] ?? .string
            return IOMessages.valueNotOfType(
                IOMessages.at(path, source.position(of: offset)),
                value: Self.rawValue(source.window(at: offset, length: length + 1), at: 0, length: length),
                column: column, type: type)
        }
    }

    /// The field's text as the file has it, quotes and doubled quotes undone, at most 60 characters.
    static func rawValue(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> String {
        let quoted = offset < bytes.count && bytes[offset] == 0x22
        let start = offset + (quoted ? 1 : 0)
        let end = min(bytes.count, start + length)
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        if quoted { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }

    private func describe(_ error: CSVSyntaxError, source: TextSource, delimiter: UInt8, expected: Int) -> OpsError {
        switch error {
        case .unclosedQuote(let offset):
            return IOMessages.unclosedQuote(IOMessages.at(path, source.position(of: offset)))
        case .textAfterQuote(let offset):
            let next = source.window(at: offset, length: 4)
            let found = next.isEmpty ? IOMessages.endOfFile() : Self.describeByte(next, at: 0)
            return IOMessages.textAfterQuote(IOMessages.at(path, source.position(of: offset)), found: found)
        case .ragged(let offset, let fields):
            return IOMessages.raggedRow(
                IOMessages.at(path, source.position(of: offset)), fields: fields, expected: expected,
                delimiter: delimiter)
        }
    }

    private static func describeByte(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        let end = min(bytes.count, offset + 4)
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        return "'\(text.first.map(String.init) ?? "")'"
    }
}
