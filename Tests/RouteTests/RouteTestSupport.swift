import Foundation
import OpsKit

@testable import Route

/// Helpers shared by the route tests.
enum RouteFixture {
    /// `../shared/data/vrp` next to the repository, when present.
    static let vrpData: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/vrp")
    static var hasVRPData: Bool { FileManager.default.fileExists(atPath: vrpData.appendingPathComponent("A-n32-k5.vrp").path) }

    /// Depot at the origin and four customers on the axes (hand-worked savings below).
    static func plusStops() throws -> Dataset {
        try Dataset(columns: [
            Column(name: "id", strings: ["D", "A", "B", "C", "E"]),
            Column(name: "x", doubles: [0, 10, 0, -10, 0]),
            Column(name: "y", doubles: [0, 0, 10, 0, -10]),
            Column(name: "demand", doubles: [0, 4, 4, 4, 4]),
        ])
    }

    /// Runs a plugin command line against `datasets`; returns the output.
    @discardableResult
    static func run<C: PluginCommand>(_ type: C.Type, _ arguments: [String], on datasets: InMemoryDatasets, seed: UInt64 = 42) throws -> String {
        let buffer = TextBuffer()
        let context = CommandContext(
            commandLine: "route " + arguments.joined(separator: " "), style: .plain, defaultSeed: seed,
            source: datasets, sink: buffer)
        var command = try type.parseChecked(arguments, plugin: "route")
        try command.run(in: context)
        datasets.commit(context.staged)
        for line in context.confirmations { buffer.write(line + "\n") }  // printed after the commit, as the session does
        return buffer.text
    }
}
