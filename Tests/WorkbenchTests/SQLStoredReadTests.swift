import Foundation
import OpsKit
import Testing

@testable import Workbench

/// `sql` reads each dataset's stored file in place: only the columns a query
/// uses, each verified before it is served (a damaged column fails the
/// queries that read it, and only those); equality indexes over many keys
/// group and join as SQLite's own sorter would; Ctrl-C stops a scan.
@Suite("SQL over stored files")
struct SQLStoredReadTests {
    let scratch = ScratchFolder()
    var folder: URL { scratch.url.appendingPathComponent("ws") }

    static let rows = 6_000

    /// Keys with many distinct values (more than the index's first table holds), NULLs, empty text, -0.
    static func facts() throws -> Dataset {
        let n = rows
        let text: [String?] = (0..<n).map { i -> String? in
            if i % 97 == 0 { return nil }
            return i % 89 == 0 ? "" : "城市\((i * 7919) % 2_000)"
        }
        let keys: [Int64?] = (0..<n).map { i -> Int64? in
            if i % 101 == 0 { return nil }
            let key: Int64 = Int64((i * 31) % 1_500)
            return key - 700
        }
        let numbers: [Double?] = (0..<n).map { i -> Double? in
            if i % 50 == 0 { return -0.0 }
            return i % 103 == 0 ? nil : Double(i % 700) / 4
        }
        let days: [Int64?] = (0..<n).map { i -> Int64? in
            if i % 107 == 0 { return nil }
            let day: Int = 19_000 + (i * 13) % 900
            return Int64(day)
        }
        let flags: [Bool?] = (0..<n).map { i -> Bool? in i % 3 == 0 ? nil : i % 2 == 0 }
        return try Dataset(columns: [
            Column(name: "id", integers: (0..<n).map { Int64($0) }),
            Column(name: "s", strings: text),
            Column(name: "k", integers: keys),
            Column(name: "x", doubles: numbers),
            Column(name: "d", days: days),
            Column(name: "b", bools: flags),
        ])
    }

    private func rows(_ workspace: Workspace, _ sql: String) throws -> [String] {
        let result = try workspace.query(sql)
        return (0..<result.rowCount).map { row in
            result.columns.map { column in column.isNull(row) ? "NULL" : column.formatted(at: row) }.joined(separator: "|")
        }
    }

    @Test func manyKeysGroupAndJoinAsSQLiteWould() throws {
        let facts = try Self.facts()
        let workspace = try Workspace(directory: folder)
        try workspace.apply([.put(try staged("facts", facts)), .put(try staged("none", facts.head(0)))])
        for column in ["s", "k", "x", "d", "b"] {
            let grouped = "SELECT \(column), count(*), sum(id) FROM facts GROUP BY \(column)"
            let bySorter = grouped.replacingOccurrences(of: "BY \(column)", with: "BY +\(column)")
            #expect(try rows(workspace, grouped) == rows(workspace, bySorter), "\(column)")
            // Each key's rows meet each other in a self-join through the index: the sum of squared group sizes.
            let sizes = try workspace.query("SELECT count(*) AS n FROM facts WHERE \(column) IS NOT NULL GROUP BY +\(column)")
            guard case .integers(let counts) = try sizes.column("n").values else {
                Issue.record("counts are integers")
                continue
            }
            let expected = counts.reduce(0) { $0 + $1 * $1 }
            let joined = try rows(workspace, "SELECT count(*) FROM facts a JOIN facts b ON b.\(column) = a.\(column)")
            #expect(joined == ["\(expected)"], "\(column)")
        }
        #expect(try rows(workspace, "SELECT count(*) FROM facts WHERE s = ''") == ["\(Self.countEmpty)"])
        #expect(
            try rows(workspace, "SELECT count(*), min(s) FROM facts WHERE s > '城市1998'")
                == rows(workspace, "SELECT count(*), min(s) FROM facts WHERE +s > '城市1998'"))
        #expect(try rows(workspace, "SELECT count(*), sum(k) FROM none") == ["0|NULL"])
        #expect(try rows(workspace, "SELECT s, count(*) FROM none GROUP BY s").isEmpty)
    }

    /// Rows whose text is empty: multiples of 89 that are not multiples of 97.
    static var countEmpty: Int { (0..<rows).filter { $0 % 89 == 0 && $0 % 97 != 0 }.count }

    @Test func aDamagedColumnFailsOnlyTheQueriesThatReadIt() throws {
        do {
            let workspace = try Workspace(directory: folder)
            try workspace.apply([.put(try staged("facts", try Self.facts()))])
            let file = try #require(workspace.storedFile(of: "facts"))
            let path = folder.appendingPathComponent("data").appendingPathComponent(file).path
            // Flip a byte in the middle of the text of column "s", found through the file's layout.
            let at: Int = try {
                let layout = try ColumnarFile.Layout(path: path)
                let text = try #require(layout.columns[1].text)
                return UnsafeRawPointer(layout.file.base).distance(to: text.data.baseAddress!) + text.data.count / 2
            }()
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[at] ^= 0x5A
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let workspace = try Workspace(directory: folder)  // a fresh process's view
        let n = Self.rows
        #expect(try rows(workspace, "SELECT count(*), sum(id) FROM facts") == ["\(n)|\(n * (n - 1) / 2)"])
        for sql in ["SELECT count(*) FROM facts WHERE s = '城市7'", "SELECT s, count(*) FROM facts GROUP BY s", "SELECT * FROM facts"] {
            do {
                _ = try workspace.query(sql)
                Issue.record("\(sql) read a damaged column without an error")
            } catch let error as OpsError {
                #expect(error.message.contains("'facts'") && error.message.contains("damaged"), "\(error.message)")
            }
        }
        #expect(try rows(workspace, "SELECT count(*) FROM facts WHERE k = -700") == rows(workspace, "SELECT count(*) FROM facts WHERE +k = -700"))
    }

    @Test func cancellationStopsAScanOfAStoredTable() throws {
        let workspace = try Workspace(directory: folder)
        try workspace.apply([.put(try staged("facts", try Self.facts()))])
        let started = Date()
        let deadline = started.addingTimeInterval(0.2)
        // 6,000³ rows: far longer than any test may run.
        #expect(throws: CommandCancelled.self) {
            _ = try workspace.query(
                "SELECT count(*) FROM facts a, facts b, facts c WHERE a.x + b.x > c.x", isCancelled: { Date() > deadline })
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try rows(workspace, "SELECT count(*) FROM facts") == ["\(Self.rows)"])
    }
}
