import Foundation
import OpsKit

@testable import Segment

/// Shared public data (`../shared/data` beside the repository), when present.
enum SharedData {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let root = repository.appendingPathComponent("../shared/data").standardized

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
}

/// A small CSV reader for tests (quoted fields with doubled quotes supported),
/// typing only the requested columns.
enum TestCSV {
    static func load(_ path: String, columns wanted: [String: ColumnType]) throws -> Dataset {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        let header = fields(lines.next()!).map(String.init)
        let picked = header.enumerated().filter { wanted[$0.element] != nil }
        var cells = [[Substring]](repeating: [], count: picked.count)
        while let line = lines.next() {
            let row = fields(line)
            for (slot, entry) in picked.enumerated() { cells[slot].append(entry.offset < row.count ? row[entry.offset] : "") }
        }
        return try Dataset(columns: picked.enumerated().map { slot, entry in
            column(entry.element, wanted[entry.element]!, cells[slot])
        })
    }

    static func dataset(_ columns: [String: [String]], order: [String], types: [String: ColumnType]) throws -> Dataset {
        try Dataset(columns: order.map { column($0, types[$0] ?? .string, columns[$0]!.map { Substring($0) }) })
    }

    private static func column(_ name: String, _ type: ColumnType, _ values: [Substring]) -> Column {
        switch type {
        case .integer: return Column(name: name, integers: values.map { Int64($0) })
        case .double: return Column(name: name, doubles: values.map { Double($0) })
        case .date: return Column(name: name, days: values.map { CivilDate.parseDate($0) })
        case .datetime:
            let seconds = values.map { CivilDate.parseDateTime($0) }
            return Column(name: name, type: .datetime, values: .integers(seconds.map { $0 ?? 0 }), validity: seconds.map { $0 != nil })
        default: return Column(name: name, strings: values.map(String.init))
        }
    }

    private static func fields(_ line: Substring) -> [Substring] {
        if !line.contains("\"") { return line.split(separator: ",", omittingEmptySubsequences: false) }
        var out = [Substring](), current = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if c == "\"" { quoted.toggle() } else if c == "," && !quoted {
                out.append(Substring(current))
                current = ""
            } else { current.append(c) }
        }
        out.append(Substring(current))
        return out
    }
}

/// Runs one command against in-memory datasets, as the session would.
final class CommandHarness {
    let datasets: InMemoryDatasets
    let buffer = TextBuffer()

    init(_ datasets: [String: Dataset]) { self.datasets = InMemoryDatasets(datasets) }

    /// Runs `command` parsed from `arguments`; commits its results on success and returns its output.
    @discardableResult
    func run<C: PluginCommand>(_ type: C.Type, _ arguments: [String]) throws -> String {
        let context = CommandContext(
            commandLine: "segment \(C.name) " + arguments.joined(separator: " "), style: .plain, defaultSeed: 42,
            source: datasets, sink: buffer)
        var command = try type.parse(arguments)
        try command.run(in: context)
        datasets.commit(context.staged)
        for line in context.confirmations { buffer.write(line + "\n") }  // printed after the commit, as the session does
        return buffer.take()
    }

    func dataset(_ name: String) throws -> Dataset { try datasets.dataset(named: name) }
}
