import Foundation
import ArgumentParser

/// The file format `export` writes (`--format`, else from the extension).
public enum ExportFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case csv, tsv, xlsx, jsonl, md

    /// The format a path's extension names, `nil` for an unknown one.
    public static func inferred(from path: String) -> ExportFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "txt": return .csv
        case "tsv", "tab": return .tsv
        case "xlsx": return .xlsx
        case "jsonl", "ndjson": return .jsonl
        case "md", "markdown": return .md
        default: return nil
        }
    }
}

/// The encoding `export` writes text in (`--encoding`). UTF-8 with a BOM is the
/// `.csv` default: Excel on Chinese Windows opens it correctly, and `load` reads it back.
public enum ExportEncoding: String, CaseIterable, Sendable, ExpressibleByArgument {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case gbk

    public init?(argument: String) {
        switch argument.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-8-bom", "utf8-bom", "utf-8-sig", "utf8bom": self = .utf8BOM
        case "gbk", "gb18030", "gb2312", "cp936": self = .gbk
        default: return nil
        }
    }
}
