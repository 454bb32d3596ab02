import Foundation
import OpsKit

/// Reads small CSV files into datasets for tests, without the workbench's
/// loader (so a loader bug cannot hide in the test's own input): RFC 4180
/// quoting (`"a,b"`, doubled quotes), `\n` or `\r\n` line ends, a header row.
public enum CSVFixture {
    /// The records of a CSV text, header included.
    public static func records(_ text: String) -> [[String]] {
        var rows: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, closedQuote = false
        for c in text {
            defer { closedQuote = !quoted && c == "\"" }
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
                if closedQuote { field.append("\"") }
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                record.append(field)
                field = ""
                rows.append(record)
                record = []
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            rows.append(record)
        }
        return rows
    }

    /// The records of a CSV file, header included.
    public static func records(_ url: URL) throws -> [[String]] { records(try String(contentsOf: url, encoding: .utf8)) }

    /// A CSV file as a dataset of every column: those named in `types` typed, the others strings.
    /// Records of the wrong width are left out.
    public static func dataset(_ url: URL, types: [String: ColumnType] = [:]) throws -> Dataset {
        try dataset(url, types: types, keep: { _ in true })
    }

    /// Only the columns `only` names, typed as it says.
    public static func dataset(_ url: URL, only: [String: ColumnType]) throws -> Dataset {
        try dataset(url, types: only, keep: { only[$0] != nil })
    }

    private static func dataset(_ url: URL, types: [String: ColumnType], keep: (String) -> Bool) throws -> Dataset {
        let rows = try records(url)
        guard let header = rows.first else { return try Dataset(columns: []) }
        let body = rows.dropFirst().filter { $0.count == header.count }
        return try Dataset(columns: header.indices.filter { keep(header[$0]) }.map { i in
            column(header[i], types[header[i]] ?? .string, body.map { $0[i] })
        })
    }

    /// A dataset from columns of text cells, typed by `types` (strings otherwise), in `order`.
    public static func dataset(_ columns: [String: [String]], order: [String], types: [String: ColumnType] = [:]) throws -> Dataset {
        try Dataset(columns: order.map { column($0, types[$0] ?? .string, columns[$0] ?? []) })
    }

    /// A column of text cells read as `type`; a cell that does not parse is empty.
    public static func column(_ name: String, _ type: ColumnType, _ cells: [String]) -> Column {
        switch type {
        case .integer: return Column(name: name, integers: cells.map { Int64($0) })
        case .double: return Column(name: name, doubles: cells.map { Double($0) })
        case .date: return Column(name: name, days: cells.map { CivilDate.parseDate(Substring($0)) })
        case .datetime:
            let seconds = cells.map { CivilDate.parseDateTime(Substring($0)) }
            return Column(name: name, type: .datetime, values: .integers(seconds.map { $0 ?? 0 }), validity: seconds.map { $0 != nil })
        case .bool, .string: return Column(name: name, strings: cells)
        }
    }
}
