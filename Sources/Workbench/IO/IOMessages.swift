import Foundation
import OpsKit

/// Every user-facing message of the data layer (reading, writing, the
/// workspace store, SQL and statistics), kept in one place so that a
/// translated interface can replace them without touching logic.
enum IOMessages {
    // MARK: Opening files

    static func missingFile(_ path: String) -> OpsError {
        OpsError("no such file: \(path)", hint: "check the path; relative paths start from the current directory")
    }

    static func isDirectory(_ path: String) -> OpsError {
        OpsError("\(path) is a directory, not a data file", hint: "give the path of a .csv, .tsv or .jsonl file inside it")
    }

    static func unreadable(_ path: String, errno code: Int32) -> OpsError {
        OpsError("cannot read \(path): \(String(cString: strerror(code)))", hint: "check the file's permissions")
    }

    static func emptyFile(_ path: String) -> OpsError {
        OpsError("\(path) is empty", hint: "a CSV file needs at least a header line with the column names")
    }

    static func tooLarge(_ path: String) -> OpsError {
        OpsError("\(path) is larger than 4 GB", hint: "split the file or load a sample of it")
    }

    static func binaryFile(_ path: String, kind: String?) -> OpsError {
        let what = kind.map { "a \($0) file" } ?? "a binary file"
        let hint: String
        switch kind {
        case "gzip": hint = "decompress it first (gunzip \(path)) and load the .csv inside"
        case "zip or Excel (.xlsx)": hint = "unzip it, or save the sheet as CSV UTF-8 from Excel, then load that"
        case "UTF-16 text": hint = "save it as UTF-8 (for example iconv -f UTF-16 -t UTF-8), then load it"
        default: hint = "load reads UTF-8 text: CSV, TSV or JSON Lines"
        }
        return OpsError("\(path) looks like \(what), not CSV or JSON Lines text", hint: hint)
    }

    static func unknownFormat(_ path: String) -> OpsError {
        OpsError(
            "cannot tell the format of \(path) from its extension",
            hint: "use .csv, .tsv or .txt for delimited text and .jsonl or .ndjson for JSON Lines")
    }

    // MARK: CSV syntax

    static func at(_ path: String, _ position: TextPosition) -> String {
        "\(path):\(position.line):\(position.column)"
    }

    static func unclosedQuote(_ place: String) -> OpsError {
        OpsError(
            "\(place): quoted field is never closed",
            hint: "add the closing \" ; a quote inside a quoted field is written twice (\"\")")
    }

    static func textAfterQuote(_ place: String, found: String) -> OpsError {
        OpsError(
            "\(place): unexpected \(found) after a closing quote",
            hint: "a quote inside a quoted field is written twice (\"\"), e.g. \"12\"\" screen\"")
    }

    static func raggedRow(_ place: String, fields: Int, expected: Int, delimiter: UInt8) -> OpsError {
        let name = delimiterName(delimiter)
        return OpsError(
            "\(place): this row has \(fields) field\(fields == 1 ? "" : "s") but the header has \(expected)",
            hint: fields > expected
                ? "quote values that contain the delimiter (\(name)), or pass --delimiter if the file uses another one"
                : "fill the missing fields (an empty field is a null), or pass --delimiter if the file uses another one")
    }

    static func badUTF8(_ place: String) -> OpsError {
        OpsError(
            "\(place): invalid UTF-8 text",
            hint: "save the file as UTF-8 (for GBK files: iconv -f GBK -t UTF-8 in.csv > out.csv)")
    }

    static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case 0x2C: return "comma"
        case 0x09: return "tab"
        case 0x3B: return "semicolon"
        case 0x7C: return "|"
        default: return "'\(Character(Unicode.Scalar(byte)))'"
        }
    }

    static func badDelimiter(_ delimiter: Character) -> OpsError {
        OpsError(
            "--delimiter: '\(delimiter)' cannot separate fields",
            hint: "use a single ASCII character other than a quote or a newline, e.g. ',' ';' '|' or '\\t'")
    }

    // MARK: Types

    static func unknownTypedColumn(_ name: String, columns: [String]) -> OpsError {
        OpsError.unknownColumn(name, available: columns, option: "--types")
    }

    static func valueNotOfType(_ place: String, value: String, column: String, type: ColumnType) -> OpsError {
        OpsError(
            "\(place): '\(value)' in column '\(column)' is not \(article(type)) \(type.rawValue)",
            hint: "fix the value, or load the column with another type: --types \(column)=string")
    }

    static func duplicateColumn(_ name: String, renamed: String) -> String {
        "column name '\(name)' appears more than once; this one is renamed '\(renamed)'"
    }

    static func unnamedColumn(_ index: Int, named: String) -> String {
        "column \(index) has no name; it is called '\(named)'"
    }

    private static func article(_ type: ColumnType) -> String {
        type == .integer ? "an" : "a"
    }

    // MARK: JSON Lines

    static func badJSONLine(_ path: String, line: Int, detail: String) -> OpsError {
        OpsError("\(path):\(line): not a JSON object (\(detail))", hint: "each line of a JSON Lines file is one {...} object")
    }

    static func noRecords(_ path: String) -> OpsError {
        OpsError("\(path) holds no JSON objects", hint: "each line of a JSON Lines file is one {...} object")
    }

    // MARK: Writing

    static func cannotWrite(_ path: String, errno code: Int32) -> OpsError {
        OpsError(
            "cannot write \(path): \(String(cString: strerror(code)))",
            hint: "check that the folder exists and is writable")
    }
}
