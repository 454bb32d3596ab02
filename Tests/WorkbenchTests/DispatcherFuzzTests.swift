import Foundation
import OpsKit
import Testing

@testable import Workbench

/// Feeds thousands of random and mutated lines to the dispatcher: nothing may
/// crash, every failure must be a clear `error:` message, and the workspace
/// must hold only datasets that commands meant to create.
@Suite struct DispatcherFuzzTests {
    static let seeds = [
        "probe count users --as n", "show users --rows 3 --columns a", "describe users", "schema users",
        #"probe "问题" x"#, "set seed 9", "help probe count", "rename users u2", "drop n", "datasets",
        "load x /nonexistent.csv", "sql \"SELECT 1\"", "export users /nonexistent-dir/x.csv", "history",
    ]
    static let alphabet: [Character] = Array("abc -\"'\\#${}=,购买金额😀\t") + ["\u{0}", "\u{7}"]

    @Test func randomAndMutatedLinesNeverCrash() throws {
        let session = try Session.temporary(plugins: [ProbePlugin.self])
        session.lineReader = { _ in nil }
        try session.workspace.apply([
            .put(StagedDataset(
                name: "users", dataset: try Dataset(columns: [Column(name: "a", integers: [1, 2, 3])]),
                provenance: Provenance(command: "t", inputs: [], seed: nil)))
        ])
        var random = SeededGenerator(seed: 2026)
        for _ in 0..<3000 {
            var line = Array(Self.seeds[random.nextIndex(Self.seeds.count)])
            for _ in 0..<random.nextIndex(4) {
                let position = line.isEmpty ? 0 : random.nextIndex(line.count + 1)
                switch random.nextIndex(3) {
                case 0: line.insert(Self.alphabet[random.nextIndex(Self.alphabet.count)], at: position)
                case 1: if position < line.count { line.remove(at: position) }
                default: if position < line.count { line[position] = Self.alphabet[random.nextIndex(Self.alphabet.count)] }
                }
            }
            let result = session.execute(String(line))
            if !result.succeeded {
                #expect(result.output.hasPrefix("error:") || result.output.contains("\nerror:") || result.output.hasPrefix("cancelled"),
                        "unclear failure for \(String(line)): \(result.output)")
            }
            if session.quitRequested { break }
        }
        for name in session.workspace.datasetNames {
            _ = try session.workspace.dataset(named: name)
        }
    }
}
