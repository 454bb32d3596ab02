import Foundation
import OpsKit

/// Writes datasets as files: CSV and TSV that `load` reads back exactly,
/// JSON Lines, Markdown tables and .xlsx workbooks.
public enum DatasetWriter {
    /// Writes `datasets` (name and data) to `path` in `format`; every format but
    /// .xlsx takes exactly one dataset. Atomic: the old file or the whole new one.
    public static func write(
        _ datasets: [(name: String, dataset: Dataset)], to path: String, format: ExportFormat, encoding: ExportEncoding
    ) throws {
        switch format {
        case .csv: try writeDelimited(datasets[0].dataset, to: path, delimiter: UInt8(ascii: ","), encoding: encoding)
        case .tsv: try writeDelimited(datasets[0].dataset, to: path, delimiter: 0x09, encoding: encoding)
        case .jsonl: try TextTableWriter.writeJSONLines(datasets[0].dataset, to: path)
        case .md: try TextTableWriter.writeMarkdown(datasets[0].dataset, to: path)
        case .xlsx: try XLSXWriter.write(datasets, to: path)
        }
    }

    /// Writes `dataset` as RFC 4180 CSV (UTF-8, no BOM, LF line ends), atomically.
    public static func writeCSV(_ dataset: Dataset, to path: String) throws {
        try writeDelimited(dataset, to: path, delimiter: UInt8(ascii: ","), encoding: .utf8)
    }

    /// Writes delimited text that `load` reads back exactly.
    ///
    /// Nulls are empty fields. Doubles always show a decimal point or exponent
    /// (`3.0`) so they read back as doubles; text that would read back as another
    /// type (`"123"`, `"true"`, `"1,234"`), as a null (`""`, `"NA"`) is quoted, and the
    /// header of such a text column is quoted too: `load` reads a column whose name
    /// is quoted without need as text (and `""` in it as the empty string).
    static func writeDelimited(_ dataset: Dataset, to path: String, delimiter: UInt8, encoding: ExportEncoding) throws {
        let output = try AtomicFileWriter(destination: path)
        if encoding == .gbk { output.encoder = GBKEncoder() }
        if encoding == .utf8BOM { try output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        try appendDelimited(dataset, to: output, delimiter: delimiter)
        try output.commit()
    }

    /// The delimited text of `dataset` (UTF-8, LF line ends), as `export` writes it.
    static func delimitedText(_ dataset: Dataset, delimiter: UInt8) throws -> String {
        let buffer = ByteBuffer()
        try appendDelimited(dataset, to: buffer, delimiter: delimiter)
        return buffer.text
    }

    private static func appendDelimited(_ dataset: Dataset, to output: some ByteOutput, delimiter: UInt8) throws {
        let columns = dataset.columns
        let rules = ValueRules(options: ReadOptions())
        for (c, column) in columns.enumerated() {
            if c > 0 { try output.append(delimiter) }
            let mark = column.type == .string && needsTextMark(column, rules: rules)
            try appendText(column.name, to: output, delimiter: delimiter, quote: mark ? .always : .ifNeeded, rules: rules)
        }
        try output.append(0x0A)
        for row in 0..<dataset.rowCount {
            for (c, column) in columns.enumerated() {
                if c > 0 { try output.append(delimiter) }
                if column.isNull(row) { continue }
                switch column.values {
                case .strings(let v): try appendText(v[row], to: output, delimiter: delimiter, quote: .ifTyped, rules: rules)
                case .doubles(let v): try output.append(contentsOf: doubleText(v[row]).utf8)
                case .bools(let v): try output.append(contentsOf: (v[row] ? "true" : "false").utf8)
                case .integers: try output.append(contentsOf: column.formatted(at: row).utf8)
                }
            }
            try output.append(0x0A)
        }
    }

    /// Whether a text column holds a value that would not read back as this text unmarked.
    private static func needsTextMark(_ column: Column, rules: ValueRules) -> Bool {
        guard case .strings(let values) = column.values else { return false }
        for (row, text) in values.enumerated() where !column.isNull(row) {
            if text.isEmpty || classify(text, rules: rules) != .string { return true }
        }
        return false
    }

    private static func classify(_ text: String, rules: ValueRules) -> FieldParser.Kind {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return .string }
            if rules.isNullToken(base, utf8.count) { return .integer }
            return rules.classify(base, utf8.count)
        }
    }

    /// Shortest round-trip text of a double that still reads as a double (`3.0`, `1e-05`, `NaN`).
    static func doubleText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        return value.description
    }

    private enum Quoting { case ifNeeded, ifTyped, always }

    private static func appendText(
        _ text: String, to output: some ByteOutput, delimiter: UInt8, quote: Quoting, rules: ValueRules
    ) throws {
        let needsQuotes =
            quote == .always || text.isEmpty
            || text.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.first == " " || text.last == " "
            || (quote == .ifTyped && classify(text, rules: rules) != .string)
        guard needsQuotes else { return try output.append(contentsOf: text.utf8) }
        try output.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 { try output.append(0x22) }
            try output.append(byte)
        }
        try output.append(0x22)
    }
}
