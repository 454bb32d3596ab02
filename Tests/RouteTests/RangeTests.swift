import Foundation
import OpsKit
import Testing

@testable import Route

/// Values that used to crash `route` or run without end are now clear errors.
@Suite struct RangeTests {
    private func importError(_ text: String) -> String? {
        do {
            _ = try InstanceFile.parse(text, file: "bad.vrp")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func malformedInstanceFilesAreErrorsNamingTheLine() {
        let header = "NAME : x\nCAPACITY : 10\nNODE_COORD_SECTION\n"
        let cases = [
            (header + "1 1e308 -1e308\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\nEOF\n", "bad.vrp:4"),
            (header + "9e18 1 1\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\nEOF\n", "bad.vrp:4"),
            (header + "1.5 1 1\nDEMAND_SECTION\n1 0\nEOF\n", "bad.vrp:4"),
            (header + "1 1 1\n2 1 1\nDEMAND_SECTION\n1 0\n2 1e300\nEOF\n", "bad.vrp:8"),
            (header + "1 1 1\n2 1 1\nDEMAND_SECTION\n1 0\n2 1\nDEPOT_SECTION\n1e300\nEOF\n", "bad.vrp:10"),
            ("C1\nVEHICLE\nNUMBER CAPACITY\n1e300 200\nCUSTOMER\n0 40 50 0 0 1236 0\n", "bad.vrp:4"),
            ("C1\nVEHICLE\n25 200\nCUSTOMER\n0 40 50 0 0 1236 0\n1 1e308 50 10 0 100 10\n", "bad.vrp:6"),
            ("C1\nVEHICLE\n25 200\nCUSTOMER\n0 40 50 0 0 1236 0\n1e300 45 68 10 912 967 90\n", "bad.vrp:6"),
        ]
        for (text, location) in cases {
            let error = importError(text)
            #expect(error?.contains(location) == true, "\(text): \(error ?? "accepted")")
        }
        #expect(importError(header.replacingOccurrences(of: "10", with: "1e308") + "1 1 1\nDEMAND_SECTION\n1 0\nEOF\n") != nil)
    }

    @Test func hugeCoordinatesDemandsAndCapacitiesAreRefused() throws {
        func stops(x: Double, demand: Double = 1) throws -> InMemoryDatasets {
            InMemoryDatasets(["s": try Dataset(columns: [
                Column(name: "id", strings: ["D", "A", "B"]), Column(name: "x", doubles: [0, x, -x]),
                Column(name: "y", doubles: [0, 1, 1]), Column(name: "demand", doubles: [0, demand, 1]),
            ])])
        }
        let cases: [(InMemoryDatasets, [String], String)] = [
            (try stops(x: 1e308), ["--capacity", "10"], "coordinate"),
            (try stops(x: -1e308), ["--capacity", "10"], "coordinate"),
            (try stops(x: 1, demand: 1e300), ["--capacity", "1e12"], "demand"),
            (try stops(x: 1), ["--capacity", "1e308"], "--capacity"),
            (try stops(x: 1), ["--capacity", "1e-300"], "capacity"),
            (try stops(x: 1), ["--capacity", "10", "--iterations", "1000000000"], "--iterations"),
            (try stops(x: 1), ["--capacity", "10", "--time-limit", "1e6"], "--time-limit"),
            (try stops(x: 1), ["--capacity", "10", "--time-limit", "1e308s"], "--time-limit"),
        ]
        for (datasets, options, expected) in cases {
            #expect(throws: OpsError.self, "\(options)") {
                try RouteFixture.run(SolveCommand.self, ["s", "--depot", "D"] + options, on: datasets)
            }
            do {
                try RouteFixture.run(SolveCommand.self, ["s", "--depot", "D"] + options, on: datasets)
            } catch {
                #expect("\(error)".contains(expected), "\(options): \(error)")
            }
        }
    }
}
