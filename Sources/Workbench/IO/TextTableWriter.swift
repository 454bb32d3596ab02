import Foundation
import OpsKit

/// Writes a dataset as JSON Lines (one object per row, `load` reads it back)
/// or as a Markdown table (for reports and chats).
enum TextTableWriter {
    /// One JSON object per row; nulls (and NaN, which JSON lacks) are `null`, dates are `"yyyy-MM-dd"` text.
    static func writeJSONLines(_ dataset: Dataset, to path: String) throws {
        let output = try AtomicFileWriter(destination: path)
        let keys = dataset.columnNames.map { jsonString($0) + ":" }
        for row in 0..<dataset.rowCount {
            try output.append(UInt8(ascii: "{"))
            for (c, column) in dataset.columns.enumerated() {
                if c > 0 { try output.append(UInt8(ascii: ",")) }
                try output.append(contentsOf: keys[c].utf8)
                try output.append(contentsOf: jsonValue(column, row).utf8)
            }
            try output.append(contentsOf: "}\n".utf8)
        }
        try output.commit()
    }

    private static func jsonValue(_ column: Column, _ row: Int) -> String {
        if column.isNull(row) { return "null" }
        switch column.values {
        case .strings(let v): return jsonString(v[row])
        case .doubles(let v): return v[row].isFinite ? DatasetWriter.doubleText(v[row]) : "null"
        case .bools(let v): return v[row] ? "true" : "false"
        case .integers: return column.type == .integer ? column.formatted(at: row) : jsonString(column.formatted(at: row))
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A GitHub-style Markdown table; `|` in values is escaped, line breaks become `<br>`, nulls are empty.
    static func writeMarkdown(_ dataset: Dataset, to path: String) throws {
        let output = try AtomicFileWriter(destination: path)
        try appendMarkdown(dataset, to: output)
        try output.commit()
    }

    /// The Markdown table `export NAME FILE.md` writes.
    static func markdown(_ dataset: Dataset) throws -> String {
        let buffer = ByteBuffer()
        try appendMarkdown(dataset, to: buffer)
        return buffer.text
    }

    private static func appendMarkdown(_ dataset: Dataset, to output: some ByteOutput) throws {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>")
                .replacingOccurrences(of: "\n", with: "<br>")
        }
        try output.append(contentsOf: ("| " + dataset.columnNames.map(cell).joined(separator: " | ") + " |\n").utf8)
        let rule = dataset.columns.map { $0.type == .integer || $0.type == .double ? "---:" : "---" }
        try output.append(contentsOf: ("| " + rule.joined(separator: " | ") + " |\n").utf8)
        for row in 0..<dataset.rowCount {
            let cells = dataset.columns.map { $0.isNull(row) ? "" : cell($0.formatted(at: row)) }
            try output.append(contentsOf: ("| " + cells.joined(separator: " | ") + " |\n").utf8)
        }
    }
}
