import Foundation
import OpsKit

/// Reads a data file into a dataset: `.csv`, `.tsv` and `.txt` as delimited
/// text, `.jsonl` and `.ndjson` as JSON Lines, `.xlsx` as an Excel workbook.
public enum DatasetReader {
    /// The largest input `load` takes (field offsets are 32-bit).
    static let sizeLimit = Int(UInt32.max) - 2

    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> LoadReport {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "xlsx" || ext == "xlsm" { return try XLSXReader(path: path, options: options).read() }
        switch ext {
        case "jsonl", "ndjson":
            let file = try FileBytes(path: path, limit: sizeLimit, cancelled: options.cancelled)
            if file.count == 0 { throw IOMessages.emptyFile(path) }
            return try JSONLinesReader(path: path, options: options).read(file)
        case "csv", "tsv", "txt", "tab", "":
            return try DelimitedReader(path: path, options: options).read()
        default:
            if options.delimiter != nil { return try DelimitedReader(path: path, options: options).read() }
            // A missing, unreadable or empty file is said so before its format.
            if try FileBytes(path: path, limit: sizeLimit, cancelled: options.cancelled).count == 0 {
                throw IOMessages.emptyFile(path)
            }
            throw IOMessages.unknownFormat(path)
        }
    }
}
