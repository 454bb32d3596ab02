import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite("SQL over the workspace")
struct SQLQueryTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace.temporary()
        let users = try Dataset(columns: [
            Column(name: "用户ID", strings: ["U1", "U2", "U3"]),
            Column(name: "城市", strings: ["上海", "北京", "上海"]),
            Column(name: "vip", bools: [true, false, nil]),
        ])
        let orders = try Dataset(columns: [
            Column(name: "order_id", integers: [1, 2, 3, 4]),
            Column(name: "customer_id", strings: ["U1", "U1", "U2", "U9"]),
            Column(name: "amount", doubles: [10.5, 20, 7.25, 1]),
            Column(name: "order_date", days: [19723, 19724, 19725, nil]),
        ])
        try workspace.apply([.put(try staged("users", users)), .put(try staged("orders", orders))])
    }

    @Test func joinAcrossTwoDatasetsWithTypedResult() throws {
        let result = try workspace.query(
            """
            SELECT u."城市" AS city, COUNT(*) AS n, SUM(o.amount) AS total, MIN(o.order_date) AS first_day
            FROM orders o JOIN users u ON u."用户ID" = o.customer_id
            GROUP BY city ORDER BY city
            """)
        #expect(result.columnNames == ["city", "n", "total", "first_day"])
        #expect(try result.column("city").stringValues() == ["上海", "北京"].sorted())
        let byCity = Dictionary(uniqueKeysWithValues: zip(
            try result.column("city").stringValues().map { $0! }, try result.column("total").numericValues()!))
        #expect(byCity == ["上海": 30.5, "北京": 7.25])
        #expect(try result.column("n").type == .integer)
        #expect(try result.column("first_day").type == .date)
    }

    @Test func typesNullsAndBoolsComeBack() throws {
        let result = try workspace.query("SELECT vip, order_date, amount * 2 AS twice FROM users, orders WHERE order_id = 4")
        #expect(try result.column("vip").type == .bool)
        #expect(try result.column("vip").stringValues() == ["true", "false", nil])
        #expect(try result.column("order_date").isNull(0))
        #expect(try result.column("twice").values == .doubles([2, 2, 2]))
    }

    @Test func emptyResultKeepsDeclaredTypes() throws {
        let result = try workspace.query("SELECT order_id, amount, order_date FROM orders WHERE 0")
        #expect(result.rowCount == 0)
        #expect(result.columns.map(\.type) == [.integer, .double, .date])
    }

    @Test func errorsCarrySQLiteMessages() {
        func message(_ sql: String) -> String {
            do { _ = try workspace.query(sql); return "" } catch { return "\(error)" }
        }
        #expect(message("SELEC 1").contains("syntax error"))
        #expect(message("SELECT * FROM userz").contains("did you mean 'users'"))
        #expect(message("SELECT nope FROM users").contains("no such column: nope"))
        #expect(message("DELETE FROM users").contains("queries only"))
        #expect(message("SELECT 1; SELECT 2").contains("one statement"))
        #expect(message("  ").contains("empty"))
    }

    @Test func tablesFollowDatasetChanges() throws {
        #expect(try workspace.query("SELECT COUNT(*) AS n FROM users").column("n").values == .integers([3]))
        let more = try Dataset(columns: [Column(name: "用户ID", strings: ["A"])])
        try workspace.apply([.put(try staged("users", more))])
        #expect(try workspace.query("SELECT COUNT(*) AS n FROM users").column("n").values == .integers([1]))
        try workspace.apply([.rename(from: "users", to: "people")])
        #expect(throws: OpsError.self) { try workspace.query("SELECT * FROM users") }
        #expect(try workspace.query("SELECT * FROM \"people\"").rowCount == 1)
    }

    @Test func referencedNamesSkipStringLiterals() throws {
        let names = try SQLEngine.referencedNames(
            in: "SELECT 'orders' FROM [Users] JOIN \"x\"\"y\" WHERE a = `t`", among: ["orders", "users", "x\"y", "t"])
        #expect(names == ["users", "x\"y", "t"])
    }
}
