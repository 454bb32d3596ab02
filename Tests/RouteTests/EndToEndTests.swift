import Foundation
import OpsKit
import Testing
import Workbench

@testable import Route

/// The route commands as a user runs them in a session, on the bundled sample stops.
@Suite struct RouteEndToEndTests {
    static let stopsCSV = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/stops.csv").path
    static let windows = "--depot D0 --capacity 100 --ready ready --due due --service service"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: stopsCSV)))
    func solvesAndChecksTheSampleStops() throws {
        let session = try Session.temporary(plugins: [RoutePlugin.self])
        #expect(session.execute("load route_stops \(Self.stopsCSV)").succeeded)
        let solve = session.execute("route solve route_stops \(Self.windows) --iterations 3000 --seed 1 --as route_plan")
        #expect(solve.succeeded, "\(solve.output)")
        #expect(solve.output.contains("visit 60 stops"))
        #expect(solve.output.contains("@"))
        let again = session.execute("route solve route_stops \(Self.windows) --iterations 3000 --seed 1 --as route_plan")
        #expect(again.output == solve.output + "replaced route_plan (v1 → v2; the previous version: restore route_plan@1)\n")
        let check = session.execute("route check route_plan --stops route_stops \(Self.windows)")
        #expect(check.succeeded, "\(check.output)")
        #expect(check.output.contains("'route_plan' is valid"))
        let plan = try session.workspace.dataset(named: "route_plan")
        #expect(plan.rowCount == 60)
        #expect(plan.columnNames == ["vehicle", "seq", "id", "arrival", "load", "distance"])
        #expect(try plan.column("load").numericValues()!.allSatisfy { $0 <= 100 })
        let sql = session.execute(#"sql "SELECT count(DISTINCT id) AS visited FROM route_plan" --as route_visited"#)
        #expect(sql.succeeded)
        #expect(try session.workspace.dataset(named: "route_visited").column("visited").numericValues() == [60])
    }

    @Test func errorsLeaveTheWorkspaceAlone() throws {
        let session = try Session.temporary(plugins: [RoutePlugin.self])
        let result = session.execute("route solve nowhere --depot D0 --capacity 100")
        #expect(!result.succeeded)
        #expect(result.output.contains("unknown dataset 'nowhere'"))
        let help = session.execute("help route solve")
        #expect(help.output.contains("route solve stops --depot D0 --capacity 100"))
    }
}
