import Foundation
import OpsKit

/// Writes datasets as files that `load` reads back exactly.
public enum DatasetWriter {
    /// Writes `dataset` as RFC 4180 CSV (UTF-8, no BOM, LF line ends), atomically.
    ///
    /// Nulls are empty fields. Doubles always show a decimal point or exponent
    /// (`3.0`) so they read back as doubles; text that would read back as another
    /// type (`"123"`, `"true"`, `"2024-01-01"`) or as a null (`""`) is quoted, and
    /// `load` treats a quoted value as text in a file whose header is not all quoted.
    public static func writeCSV(_ dataset: Dataset, to path: String) throws {
        let output = try AtomicFileWriter(destination: path)
        for (c, name) in dataset.columnNames.enumerated() {
            if c > 0 { try output.append(UInt8(ascii: ",")) }
            try appendText(name, to: output, quoteIfTyped: false)
        }
        try output.append(0x0A)
        let columns = dataset.columns
        for row in 0..<dataset.rowCount {
            for (c, column) in columns.enumerated() {
                if c > 0 { try output.append(UInt8(ascii: ",")) }
                if column.isNull(row) { continue }
                switch column.values {
                case .strings(let v): try appendText(v[row], to: output, quoteIfTyped: true)
                case .doubles(let v): try output.append(contentsOf: doubleText(v[row]).utf8)
                case .bools(let v): try output.append(contentsOf: (v[row] ? "true" : "false").utf8)
                case .integers: try output.append(contentsOf: column.formatted(at: row).utf8)
                }
            }
            try output.append(0x0A)
        }
        try output.commit()
    }

    /// Shortest round-trip text of a double that still reads as a double (`3.0`, `1e-05`, `NaN`).
    static func doubleText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        return value.description
    }

    private static func appendText(_ text: String, to output: AtomicFileWriter, quoteIfTyped: Bool) throws {
        let needsQuotes =
            text.isEmpty
            || text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.first == " " || text.last == " "
            || (quoteIfTyped && FieldParser.classify(text) != .string)
        guard needsQuotes else { return try output.append(contentsOf: text.utf8) }
        try output.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 { try output.append(0x22) }
            try output.append(byte)
        }
        try output.append(0x22)
    }
}
