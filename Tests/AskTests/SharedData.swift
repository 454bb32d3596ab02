import Foundation
import OpsKit

/// Locates `../shared/data` from the repository root (tests skip when it is absent).
enum SharedData {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/data/ask").standardizedFileURL

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    /// Slow quality tests (full Banking77/CLINC150 training) run only when asked:
    /// `OPSBENCH_SLOW_TESTS=1 swift test -c release --filter AskTests`.
    static var slowTestsEnabled: Bool { ProcessInfo.processInfo.environment["OPSBENCH_SLOW_TESTS"] == "1" }

    /// Rows of a two-column CSV with a header (RFC 4180 quoting).
    static func csvPairs(_ path: String) throws -> [(String, String)] {
        try csvRows(root.appendingPathComponent(path)).dropFirst().filter { $0.count >= 2 }.map { ($0[0], $0[1]) }
    }

    /// A CSV file as a dataset of string columns (header = names).
    static func csvDataset(_ url: URL) throws -> Dataset {
        let rows = try csvRows(url)
        let header = rows[0]
        let body = rows.dropFirst().filter { $0.count == header.count }
        return try Dataset(columns: header.enumerated().map { i, name in Column(name: name, strings: body.map { $0[i] }) })
    }

    /// Records of a CSV file (RFC 4180 quoting), header included.
    static func csvRows(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [[String]] = [], field = "", record: [String] = [], quoted = false
        var closedQuote = false
        for c in text {
            defer { closedQuote = !quoted && c == "\"" }
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
                if closedQuote { field.append("\"") }
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r\n" {
                record.append(field); field = ""
                rows.append(record); record = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); rows.append(record) }
        return rows
    }

    /// CLINC150 `data_full.json`: split name → [(text, intent)].
    static func clinc() throws -> [String: [(String, String)]] {
        let data = try Data(contentsOf: root.appendingPathComponent("clinc150/data_full.json"))
        let raw = try JSONDecoder().decode([String: [[String]]].self, from: data)
        return raw.mapValues { $0.map { ($0[0], $0[1]) } }
    }
}
