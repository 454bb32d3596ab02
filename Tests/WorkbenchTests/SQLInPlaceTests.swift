import Foundation
import OpsKit
import Testing

@testable import Workbench

/// `sql` over datasets read in place: pushed-down filters, row ranges and join
/// lookups give the rows SQLite's own evaluation would; only reading is allowed;
/// Ctrl-C stops a query; names SQL cannot tell apart are refused.
@Suite("SQL read in place, guarded")
struct SQLInPlaceTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace.temporary()
        let big = Int64(1) << 53
        let facts = try Dataset(columns: [
            Column(name: "id", integers: [1, 2, nil, 4, 5, big + 1, 7]),
            Column(name: "amount", doubles: [1.5, nil, 3, .nan, 2.5, 9, -0.0]),
            Column(name: "city", strings: ["a", "b", nil, "b", "a", "c", "b"]),
        ])
        let cities = try Dataset(columns: [
            Column(name: "city", strings: ["a", "b", "d"]),
            Column(name: "region", strings: ["north", "south", "west"]),
        ])
        try workspace.apply([.put(try staged("facts", facts)), .put(try staged("cities", cities))])
    }

    private func ints(_ sql: String) throws -> [Int64?] {
        let column = try workspace.query(sql).columns[0]
        guard case .integers(let v) = column.values else { return [] }
        return v.indices.map { column.isNull($0) ? nil : v[$0] }
    }

    @Test func comparisonsWithConstantsMatchSQLSemantics() throws {
        #expect(try ints("SELECT rowid FROM facts WHERE id > 4") == [4, 5, 6])
        #expect(try ints("SELECT rowid FROM facts WHERE id = 2.0") == [1])
        #expect(try ints("SELECT rowid FROM facts WHERE id < 4.5") == [0, 1, 3])
        #expect(try ints("SELECT rowid FROM facts WHERE id = '4'") == [3])
        #expect(try ints("SELECT rowid FROM facts WHERE id > 9007199254740992") == [5])
        #expect(try ints("SELECT rowid FROM facts WHERE id != 1") == [1, 3, 4, 5, 6])
        #expect(try ints("SELECT rowid FROM facts WHERE amount >= 2.5") == [2, 4, 5])
        #expect(try ints("SELECT rowid FROM facts WHERE amount = 0") == [6])
        #expect(try ints("SELECT rowid FROM facts WHERE amount < 3 AND amount > 1") == [0, 4])
        #expect(try ints("SELECT rowid FROM facts WHERE city = 'b'") == [1, 3, 6])
        #expect(try ints("SELECT rowid FROM facts WHERE city > 'a'") == [1, 3, 5, 6])
        #expect(try ints("SELECT rowid FROM facts WHERE city = 'B' COLLATE NOCASE") == [1, 3, 6])
        #expect(try ints("SELECT rowid FROM facts WHERE city IS NULL") == [2])
        #expect(try ints("SELECT count(*) FROM facts WHERE id = NULL") == [0])
    }

    @Test func rowRangesArePushedDownExactly() throws {
        #expect(try ints("SELECT rowid FROM facts WHERE rowid BETWEEN 2 AND 4") == [2, 3, 4])
        #expect(try ints("SELECT rowid FROM facts WHERE rowid = 3.5") == [])
        #expect(try ints("SELECT rowid FROM facts WHERE rowid > 5.5") == [6])
        #expect(try ints("SELECT rowid FROM facts WHERE rowid < -3 OR rowid > 1e300") == [])
        #expect(try ints("SELECT rowid FROM facts WHERE rowid = 1 AND city = 'b'") == [1])
    }

    @Test func joinsUseLookupsAndKeepEveryMatch() throws {
        let result = try workspace.query(
            "SELECT f.rowid AS r, c.region FROM facts f JOIN cities c ON c.city = f.city ORDER BY r")
        #expect(try result.column("r").values == .integers([0, 1, 3, 4, 6]))
        #expect(try result.column("region").stringValues() == ["north", "south", "south", "north", "south"])
        let reversed = try ints("SELECT count(*) FROM cities c JOIN facts f ON f.city = c.city")
        #expect(reversed == [5])
        // The second query reuses the index built by the first: same answer.
        #expect(try ints("SELECT count(*) FROM cities c JOIN facts f ON f.city = c.city") == [5])
    }

    @Test func onlyReadingIsAllowed() {
        func message(_ sql: String) -> String {
            do { _ = try workspace.query(sql); return "" } catch { return "\(error)" }
        }
        #expect(message("ATTACH DATABASE '/tmp/opsbench-attack.db' AS evil").contains("ATTACH"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/opsbench-attack.db"))
        #expect(message("BEGIN").contains("BEGIN"))
        #expect(message("PRAGMA journal_mode = DELETE").contains("PRAGMA"))
        #expect(message("PRAGMA writable_schema = 1").contains("PRAGMA"))
        #expect(message("INSERT INTO facts VALUES (1, 2, 'x')").contains("queries only"))
        #expect(message("CREATE TABLE t(x)").contains("queries only"))
        #expect(message("DROP TABLE facts").contains("queries only"))
        #expect(message("SELECT load_extension('x')").contains("not authorized") || message("SELECT load_extension('x')").contains("sql"))
        #expect(message("PRAGMA table_info(facts)").isEmpty)
        // The table is still there and intact.
        #expect((try? ints("SELECT count(*) FROM facts")) == [7])
    }

    @Test func cancellationStopsARunawayQuery() throws {
        let started = Date()
        let deadline = started.addingTimeInterval(0.2)
        #expect(throws: CommandCancelled.self) {
            _ = try workspace.query(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
                isCancelled: { Date() > deadline })
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try ints("SELECT count(*) FROM facts") == [7])
    }

    @Test func namesThatDifferOnlyInCaseAreRefused() throws {
        let one = try Dataset(columns: [Column(name: "x", integers: [1])])
        try workspace.apply([.put(try staged("Sales", one)), .put(try staged("sales", one))])
        #expect(throws: OpsError.self) { _ = try workspace.query("SELECT * FROM sales") }
        do {
            _ = try workspace.query("SELECT * FROM SALES")
        } catch let error as OpsError {
            #expect(error.message.contains("'Sales', 'sales'"))
        }
        // Unrelated queries still run.
        #expect(try ints("SELECT count(*) FROM facts") == [7])
        let columns = try Dataset(columns: [Column(name: "Amount", integers: [1]), Column(name: "amount", integers: [2])])
        try workspace.apply([.put(try staged("twice", columns))])
        do {
            _ = try workspace.query("SELECT * FROM twice")
            Issue.record("expected an error")
        } catch let error as OpsError {
            #expect(error.message.contains("'Amount', 'amount'"))
        }
    }

    @Test func planTextRoundTrips() {
        let plan = ColumnPlan(terms: [.rowid(.greater), .lookup(column: 3), .filter(column: 1, .notEqual)])
        #expect(ColumnPlan(decoding: plan.encoded) == plan)
        #expect(ColumnPlan(decoding: "zz").terms.isEmpty)
        let ordered = ColumnPlan(terms: [.filter(column: 0, .less)], order: .init(column: 2, descending: true))
        #expect(ColumnPlan(decoding: ordered.encoded) == ordered)
        #expect(ColumnPlan(decoding: "o2,7").order == nil)
    }

    /// The scan hands SQLite one-column ORDER BY and GROUP BY done (no sorter in the
    /// plan), with the answers SQLite's own sorter gives (`+column` keeps the sorter).
    @Test func orderAndGroupByAreDoneByTheScanAsSQLiteWould() throws {
        let mixed = try Dataset(columns: [
            Column(name: "n", integers: [3, nil, -2, 3, 10, nil, 0, -2]),
            Column(name: "x", doubles: [0.5, .nan, -1, 2, nil, 0.5, -0.0, 1e300]),
            Column(name: "s", strings: ["b", "B", nil, "上海", "a", "b", "北京", "Z"]),
            // Canonically equivalent, different bytes: two values to SQLite.
            Column(name: "e", strings: ["\u{E9}", "e\u{301}", "\u{E9}", nil, "e\u{301}", "\u{E9}", "e", "e"]),
        ])
        try workspace.apply([.put(try staged("mixed", mixed))])
        func rows(_ sql: String) throws -> [String] {
            let result = try workspace.query(sql)
            return (0..<result.rowCount).map { row in
                result.columns.map { column in column.isNull(row) ? "NULL" : column.formatted(at: row) }.joined(separator: "|")
            }
        }
        func usesSorter(_ sql: String) throws -> Bool {
            try workspace.query("EXPLAIN QUERY PLAN " + sql).column("detail").stringValues()
                .contains { $0?.contains("TEMP B-TREE") == true }
        }
        for column in ["n", "x", "s", "e"] {
            for direction in ["", " DESC"] {
                let byScan = "SELECT \(column) FROM mixed ORDER BY \(column)\(direction)"
                #expect(try !usesSorter(byScan), "\(byScan)")
                #expect(try rows(byScan) == rows("SELECT \(column) FROM mixed ORDER BY +\(column)\(direction)"))
            }
            let grouped = "SELECT \(column), count(*), sum(rowid) FROM mixed GROUP BY \(column)"
            #expect(try !usesSorter(grouped), "\(grouped)")
            #expect(try rows(grouped) == rows(grouped.replacingOccurrences(of: "BY \(column)", with: "BY +\(column)")))
        }
        #expect(try rows("SELECT count(*) FROM mixed GROUP BY e") == ["1", "2", "2", "3"])
        #expect(try rows("SELECT count(*) FROM mixed m JOIN mixed n ON n.e = m.e") == ["17"])
        // Filters still apply, LIMIT stops early, rowid order is the scan's own.
        #expect(try rows("SELECT s FROM mixed WHERE n >= 0 ORDER BY s LIMIT 2") == ["a", "b"])
        #expect(try !usesSorter("SELECT n FROM mixed ORDER BY rowid"))
        #expect(try rows("SELECT rowid FROM mixed ORDER BY rowid DESC LIMIT 2") == ["7", "6"])
    }
}
