import Foundation
import OpsKit
import Testing

@testable import Route

@Suite struct CommandTests {
    @Test func solveWritesOneRowPerVisitAndChecksValid() throws {
        let datasets = InMemoryDatasets(["plus": try RouteFixture.plusStops()])
        let output = try RouteFixture.run(
            SolveCommand.self, ["plus", "--depot", "D", "--capacity", "8", "--iterations", "2000"], on: datasets)
        let routes = try datasets.dataset(named: "routes")
        #expect(routes.columnNames == ["vehicle", "seq", "id", "arrival", "load", "distance"])
        #expect(routes.rowCount == 4)
        #expect(Set(try routes.column("id").stringValues().compactMap { $0 }) == ["A", "B", "C", "E"])
        #expect(output.contains("2 routes visit 4 stops, total distance 68.28"))
        #expect(output.contains("100%"))
        let check = try RouteFixture.run(CheckCommand.self, ["routes", "--stops", "plus", "--depot", "D", "--capacity", "8"], on: datasets)
        #expect(check.contains("'routes' is valid: total distance 68.28"))
    }

    @Test func sameSeedSameRoutes() throws {
        let datasets = InMemoryDatasets(["plus": try RouteFixture.plusStops()])
        let args = ["plus", "--depot", "D", "--capacity", "8", "--iterations", "500", "--seed", "7"]
        let first = try RouteFixture.run(SolveCommand.self, args + ["--as", "r1"], on: datasets)
        let second = try RouteFixture.run(SolveCommand.self, args + ["--as", "r2"], on: datasets)
        #expect(first.replacingOccurrences(of: "r1", with: "r2") == second)
        #expect(try datasets.dataset(named: "r1") == datasets.dataset(named: "r2"))
    }

    /// Ctrl-C during the search keeps the best routes found so far and says so.
    @Test func cancellingKeepsTheBestSoFar() throws {
        let datasets = InMemoryDatasets(["plus": try RouteFixture.plusStops()])
        let flag = CancellationFlag()
        flag.set()
        let buffer = TextBuffer()
        let context = CommandContext(
            commandLine: "route solve plus", style: .plain, defaultSeed: 1, source: datasets, sink: buffer, cancellation: flag)
        var command = try SolveCommand.parse(["plus", "--depot", "D", "--capacity", "8", "--iterations", "1000000"])
        try command.run(in: context)
        datasets.commit(context.staged)
        for line in context.confirmations { buffer.write(line + "\n") }  // printed after the commit, as the session does
        #expect(buffer.text.contains("search stopped early (Ctrl-C)"))
        #expect(buffer.text.contains("; 0 ruin-and-recreate iterations"))
        #expect(try datasets.dataset(named: "routes").rowCount == 4)
    }

    @Test func checkFindsEveryKindOfProblem() throws {
        let bad = try Dataset(columns: [
            Column(name: "vehicle", integers: [1, 1, 1, 2]), Column(name: "seq", integers: [1, 2, 3, 1]),
            Column(name: "id", strings: ["A", "B", "C", "A"]),
        ])
        let datasets = InMemoryDatasets(["plus": try RouteFixture.plusStops(), "bad": bad])
        let error = #expect(throws: OpsError.self) {
            try RouteFixture.run(CheckCommand.self, ["bad", "--stops", "plus", "--depot", "D", "--capacity", "8"], on: datasets)
        }
        #expect(error?.message == "'bad' is not a valid solution: 3 problem(s)")
    }

    /// Check recomputes the cost from scratch: A→B→C→E→depot is 10 + 3√200 + 10.
    @Test func checkRecomputesCost() throws {
        let tour = try Dataset(columns: [
            Column(name: "vehicle", integers: [1, 1, 1, 1]), Column(name: "seq", integers: [4, 2, 3, 1]),
            Column(name: "id", strings: ["E", "B", "C", "A"]),
        ])
        let datasets = InMemoryDatasets(["plus": try RouteFixture.plusStops(), "tour": tour])
        let output = try RouteFixture.run(
            CheckCommand.self, ["tour", "--stops", "plus", "--depot", "D", "--capacity", "16", "--round"], on: datasets)
        // Rounded: √200 = 14.14 → 14, so 10 + 42 + 10 = 62.
        #expect(output.contains("'tour' is valid: total distance 62"))
    }

    @Test func badInputGetsClearErrors() throws {
        let stops = try RouteFixture.plusStops()
        let datasets = InMemoryDatasets(["plus": stops])
        func message(_ args: [String]) -> String? {
            do {
                try RouteFixture.run(SolveCommand.self, args + ["--iterations", "10"], on: datasets)
                return nil
            } catch let error as OpsError {
                return error.message + " | " + (error.hint ?? "")
            } catch {
                return "\(error)"
            }
        }
        #expect(message(["plus", "--depot", "D", "--capacity", "3"])?.contains("stop 'A' needs 4, more than a vehicle's capacity 3") == true)
        #expect(message(["plus", "--depot", "Q", "--capacity", "8"])?.contains("unknown depot id 'Q'") == true)
        #expect(message(["plus", "--capacity", "8"])?.contains("no depot given") == true)
        #expect(message(["plus", "--depot", "D"])?.contains("no vehicle capacity") == true)
        #expect(message(["plus", "--depot", "D", "--capacity", "8", "--vehicles", "1"])?.contains("at least 2 are needed") == true)
        #expect(message(["plus", "--depot", "D", "--capacity", "8", "--x", "nope"])?.contains("unknown column 'nope'") == true)
        #expect(message(["plus", "--depot", "D", "--capacity", "8", "--time-limit", "soon"])?.contains("--time-limit") == true)

        var duplicated = stops
        try duplicated.setColumn(Column(name: "id", strings: ["D", "A", "A", "C", "E"]))
        var missing = stops
        try missing.setColumn(Column(name: "x", doubles: [0, 10, nil, -10, 0]))
        var windows = stops
        try windows.setColumn(Column(name: "ready", doubles: [0, 0, 0, 0, 0]))
        try windows.setColumn(Column(name: "due", doubles: [100, 100, 5, 100, 100]))
        let more = InMemoryDatasets(["dup": duplicated, "nan": missing, "tw": windows])
        func error(_ args: [String]) -> String? {
            do {
                try RouteFixture.run(SolveCommand.self, args + ["--depot", "D", "--capacity", "8", "--iterations", "10"], on: more)
                return nil
            } catch let error as OpsError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(error(["dup"]) == "stop id 'A' appears more than once")
        #expect(error(["nan"]) == "stop 'B' has a missing or non-finite coordinate")
        #expect(error(["tw", "--ready", "ready", "--due", "due"])?.hasPrefix("stop 'B' cannot be reached in its time window") == true)
    }

    @Test func importRejectsSyntaxErrorsWithLine() throws {
        let text = "NAME : t\nDIMENSION : 2\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 x 3\nDEMAND_SECTION\n1 0\n2 1\nEOF\n"
        #expect(throws: OpsError(Route.Strings.syntaxError(file: "t.vrp", line: 6, problem: "'x' is not a number"))) {
            try InstanceFile.parse(text, file: "t.vrp")
        }
    }

    @Test func importThenSolveNeedsNoOptions() throws {
        let text = """
            NAME : tiny
            TYPE : CVRP
            DIMENSION : 5
            EDGE_WEIGHT_TYPE : EUC_2D
            CAPACITY : 8
            NODE_COORD_SECTION
            1 0 0
            2 10 0
            3 0 10
            4 -10 0
            5 0 -10
            DEMAND_SECTION
            1 0
            2 4
            3 4
            4 4
            5 4
            DEPOT_SECTION
            1
            -1
            EOF
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("route-tiny-\(UUID()).vrp").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let datasets = InMemoryDatasets()
        let imported = try RouteFixture.run(ImportCommand.self, [path, "--as", "tiny"], on: datasets)
        #expect(imported.contains("4 customers and depot 1, capacity 8"))
        let output = try RouteFixture.run(SolveCommand.self, ["tiny", "--iterations", "1000"], on: datasets)
        // Rounded distances: each adjacent pair joins at 10 + 14 + 10, two routes → 68.
        #expect(output.contains("total distance 68 "))
        try RouteFixture.run(CheckCommand.self, ["routes", "--stops", "tiny"], on: datasets)
    }
}
