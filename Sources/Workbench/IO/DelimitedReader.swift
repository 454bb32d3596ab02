import Foundation
import OpsKit

/// Reads CSV/TSV files: checks the bytes, finds the delimiter, tokenizes in
/// parallel chunks and builds the columns in parallel.
struct DelimitedReader {
    let path: String
    let options: ReadOptions

    func read(_ file: MappedFile) throws -> LoadReport {
        let bytes = try TextFileCheck.textBytes(of: file)
        let delimiter = try options.delimiter.map(Self.delimiterByte) ?? Self.defaultDelimiter(path: path, bytes: bytes)
        let tokenizer = CSVTokenizer(bytes: bytes, delimiter: delimiter)
        let parallelism = max(1, ProcessInfo.processInfo.activeProcessorCount)
        do {
            let (header, next) = try tokenizer.header()
            var warnings: [String] = []
            let (names, headerQuoted) = try headerNames(header, bytes: bytes, warnings: &warnings)
            let tables = try tokenizer.rows(from: next, columns: names.count, parallelism: parallelism)
            for key in options.types.keys where !names.contains(key) {
                throw IOMessages.unknownTypedColumn(key, columns: names)
            }
            let columns = try buildColumns(names: names, tables: tables, bytes: bytes, quotesMeanText: !headerQuoted)
            return LoadReport(dataset: try Dataset(columns: columns), warnings: warnings)
        } catch let error as CSVSyntaxError {
            throw describe(error, bytes: bytes, delimiter: delimiter, tokenizer: tokenizer)
        }
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

    /// Column names (trimmed, unnamed ones numbered, duplicates renamed with a warning)
    /// and whether every header field was quoted.
    private func headerNames(
        _ header: FieldTable, bytes: UnsafeBufferPointer<UInt8>, warnings: inout [String]
    ) throws -> ([String], Bool) {
        guard header.rows == 1 else { throw IOMessages.emptyFile(path) }
        let base = bytes.baseAddress!
        let count = header.starts.count
        var raw: [String] = []
        var allQuoted = true
        for c in 0..<count {
            let s = Int(header.starts[c])
            var e = c + 1 < count ? Int(header.starts[c + 1]) - 1 : Int(header.rowEnds[0])
            if c + 1 == count, e > s, base[e - 1] == 0x0D { e -= 1 }
            let quoted = e - s >= 2 && base[s] == 0x22
            allQuoted = allQuoted && quoted
            let (start, length) = quoted ? (s + 1, e - s - 2) : (s, e - s)
            let field = UnsafeBufferPointer(start: base + start, count: length)
            guard let text = String(validating: field, as: UTF8.self) else {
                let offset = start + ColumnBuilder.invalidUTF8Offset(base + start, length)
                throw IOMessages.badUTF8(IOMessages.at(path, TextPosition(offset: offset, in: bytes)))
            }
            raw.append(quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text)
        }
        return (Self.uniqueNames(raw, warnings: &warnings), allQuoted)
    }

    /// Trims names, names empty ones `column_N` and renames repeats `name_2`, `name_3`, … with warnings.
    static func uniqueNames(_ raw: [String], warnings: inout [String]) -> [String] {
        var taken = Set(raw.map { $0.trimmingWhitespace() })
        var seen = Set<String>()
        var names: [String] = []
        for (i, original) in raw.enumerated() {
            var name = original.trimmingWhitespace()
            if name.isEmpty {
                name = fresh("column_\(i + 1)", taken: &taken)
                warnings.append(IOMessages.unnamedColumn(i + 1, named: name))
            } else if seen.contains(name) {
                let renamed = fresh(name, taken: &taken)
                warnings.append(IOMessages.duplicateColumn(name, renamed: renamed))
                name = renamed
            }
            seen.insert(name)
            names.append(name)
        }
        return names
    }

    private static func fresh(_ base: String, taken: inout Set<String>) -> String {
        if !taken.contains(base) {
            taken.insert(base)
            return base
        }
        var k = 2
        while taken.contains("\(base)_\(k)") { k += 1 }
        taken.insert("\(base)_\(k)")
        return "\(base)_\(k)"
    }

    // MARK: Columns

    private func buildColumns(
        names: [String], tables: [FieldTable], bytes: UnsafeBufferPointer<UInt8>, quotesMeanText: Bool
    ) throws -> [Column] {
        var results = [Result<Column, Error>](repeating: .failure(CancellationError()), count: names.count)
        results.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: names.count) { c in
                let builder = ColumnBuilder(
                    base: bytes.baseAddress!, tables: tables, columns: names.count, index: c,
                    quotesMeanText: quotesMeanText)
                out[c] = Result { try builder.build(name: names[c], forced: options.types[names[c]]) }
            }
        }
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
            let value = String(decoding: UnsafeBufferPointer(start: bytes.baseAddress! + offset, count: min(length, 60)), as: UTF8.self)
            let type = options.types[column] ?? .string
            return (
                offset,
                IOMessages.valueNotOfType(
                    IOMessages.at(path, TextPosition(offset: offset, in: bytes)), value: value, column: column, type: type)
            )
        default:
            return (Int.max, failure)
        }
    }

    private func describe(
        _ error: CSVSyntaxError, bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, tokenizer: CSVTokenizer
    ) -> OpsError {
        switch error {
        case .unclosedQuote(let offset):
            return IOMessages.unclosedQuote(IOMessages.at(path, TextPosition(offset: offset, in: bytes)))
        case .textAfterQuote(let offset):
            let found = offset < bytes.count ? Self.describeByte(bytes, at: offset) : "end of file"
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
