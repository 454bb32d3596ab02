import Foundation
import OpsKit

/// Reads a data file into a dataset: `.csv`, `.tsv` and `.txt` as delimited
/// text, `.jsonl` and `.ndjson` as JSON Lines.
public enum DatasetReader {
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> LoadReport {
        let file = try MappedFile(path: path)
        if file.count == 0 { throw IOMessages.emptyFile(path) }
        guard file.count <= Int(UInt32.max) - 2 else { throw IOMessages.tooLarge(path) }
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "jsonl", "ndjson":
            return try JSONLinesReader(path: path, options: options).read(file)
        case "csv", "tsv", "txt", "tab", "":
            return try DelimitedReader(path: path, options: options).read(file)
        default:
            if options.delimiter != nil { return try DelimitedReader(path: path, options: options).read(file) }
            throw IOMessages.unknownFormat(path)
        }
    }
}
