import Foundation
import OpsKit

/// Reads CSV/TSV files: checks the bytes, finds the delimiter, tokenizes in
/// parallel chunks and builds the columns in parallel.
struct DelimitedReader {
    let path: String
    let options: ReadOptions

    func read(_ file: FileBytes) throws -> LoadReport {
        let input = try TextInput(file, options: options)
        let bytes = input.bytes
        let delimiter = try options.delimiter.map(Self.delimiterByte) ?? Self.defaultDelimiter(path: path, bytes: bytes)
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter)
        let parallelism = max(1, ProcessInfo.processInfo.activeProcessorCount)
        do {
            let (header, next) = try tokenizer.header()
            var warnings: [String] = []
            let fields = try headerFields(header, bytes: bytes, delimiter: delimiter)
            if options.cancelled() { throw CommandCancelled() }
            let names = try Self.uniqueNames(fields.map(\.name), warnings: &warnings, cancelled: options.cancelled)
            let tables = try tokenizer.rows(from: next, columns: names.count, parallelism: parallelism)
            if options.cancelled() { throw CommandCancelled() }
            for key in options.types.keys where !names.contains(key) {
                throw IOMessages.unknownTypedColumn(key, columns: names)
            }
            let quoteAll = fields.allSatisfy(\.quoted) && Self.firstRowsAllQuoted(tables, bytes: bytes)
            let rules = ValueRules(quotesMeanText: !quoteAll, options: options)
            let marked = fields.map { !quoteAll && $0.quoted && !$0.neededQuotes }
            let built = try buildColumns(names: names, tables: tables, bytes: bytes, rules: rules, marked: marked)
            var notes: [String] = []
            for column in built {
                warnings += column.warnings
                notes += column.notes
            }
            return LoadReport(
                dataset: try Dataset(columns: built.map(\.column)), warnings: warnings, notes: notes,
                encoding: input.encoding)
        } catch let error as CSVSyntaxError {
            throw describe(error, bytes: bytes, delimiter: delimiter, tokenizer: tokenizer)
        }
    }

    /// Whether every field of the first rows is quoted too (a file that quotes everything).
    private static func firstRowsAllQuoted(_ tables: [FieldTable], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let table = tables.first(where: { $0.rows > 0 }) else { return true }
        let rows = min(table.rows, 10)
        let fields = table.starts.count / table.rows
        for k in 0..<(rows * fields) where bytes[Int(table.starts[k])] != 0x22 { return false }
        return true
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

    private func buildColumns(
        names: [String], tables: [FieldTable], bytes: UnsafeBufferPointer<UInt8>, rules: ValueRules, marked: [Bool]
    ) throws -> [BuiltColumn] {
        var results = [Result<BuiltColumn, Error>](repeating: .failure(CancellationError()), count: names.count)
        let cancelled = options.cancelled
        results.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: names.count) { c in
                if cancelled() {
                    out[c] = .failure(CommandCancelled())
                    return
                }
                let builder = ColumnBuilder(
                    base: bytes.baseAddress!, tables: tables, columns: names.count, index: c, rules: rules,
                    textMarked: marked[c])
                out[c] = Result { try builder.build(name: names[c], forced: options.types[names[c]]) }
            }
        }
        if cancelled() { throw CommandCancelled() }
        // Report the failure nearest the start of the file, whatever thread found it.
        var first: (offset: Int, error: Error)?
        for (c, result) in results.enumerated() {
            guard case .failure(let failure) = result else { continue }
            let (offset, error) = describe(failure, column: names[c], bytes: bytes)
            if first == nil || offset < first!.offset { first = (offset, error) }
        }
        if let first { throw first.error }
        return results.map { try! $0.get() }
    }

    private func describe(_ failure: Error, column: String, bytes: UnsafeBufferPointer<UInt8>) -> (Int, Error) {
        switch failure {
        case ColumnBuildFailure.badUTF8(let offset):
            return (offset, IOMessages.badUTF8(IOMessages.at(path, TextPosition(offset: offset, in: bytes))))
        case ColumnBuildFailure.mismatch(let offset, let length, _):
            let type = options.types[column] ?? .string
            return (
                offset,
                IOMessages.valueNotOfType(
                    IOMessages.at(path, TextPosition(offset: offset, in: bytes)),
                    value: Self.rawValue(bytes, at: offset, length: length), column: column, type: type)
            )
        default:
            return (Int.max, failure)
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

    private func describe(
        _ error: CSVSyntaxError, bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, tokenizer: CSVTokenizer
    ) -> OpsError {
        switch error {
        case .unclosedQuote(let offset):
            return IOMessages.unclosedQuote(IOMessages.at(path, TextPosition(offset: offset, in: bytes)))
        case .textAfterQuote(let offset):
            let found = offset < bytes.count ? Self.describeByte(bytes, at: offset) : IOMessages.endOfFile()
            return IOMessages.textAfterQuote(IOMessages.at(path, TextPosition(offset: offset, in: bytes)), found: found)
        case .ragged(let offset, let fields):
            let expected = (try? tokenizer.header().table.starts.count) ?? 0
            return IOMessages.raggedRow(
                IOMessages.at(path, TextPosition(offset: offset, in: bytes)), fields: fields, expected: expected,
                delimiter: delimiter)
        }
    }

    private static func describeByte(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        let end = min(bytes.count, offset + 4)
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        return "'\(text.first.map(String.init) ?? "")'"
    }
}
