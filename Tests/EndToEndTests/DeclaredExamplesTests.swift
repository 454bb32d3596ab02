import Foundation
import OpsKit
import OpsKitTesting
import PluginCatalog
import Testing
import Workbench

/// Every example line a bundled plugin's command declares (`static let examples`,
/// shown under its help) parses as the workbench parses it, and runs on the
/// sample workspace (`examples/load-sample.opsb`).
///
/// An example may use what another example writes (`forecast explain forecasts`
/// reads what `forecast predict` stored): the examples run in passes, each pass
/// retrying those that failed, until a pass makes no progress.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: SharedData.repositoryFile("examples/users.csv").path), "examples/ sample data absent"))
struct DeclaredExamplesTests {
    /// One declared example: the line, and the command that declares it.
    struct Example {
        let line: String
        let plugin: any Plugin.Type
        let command: any PluginCommand.Type
    }

    static var examples: [Example] {
        bundledPlugins.flatMap { plugin in
            plugin.commands.flatMap { command in command.examples.map { Example(line: $0, plugin: plugin, command: command) } }
        }
    }

    /// Examples that read the shared benchmark data run only when it is there, and so do
    /// the examples that use a dataset one of those writes (`route solve a32` after
    /// `route import ../shared/data/vrp/A-n32-k5.vrp --as a32`).
    static func runnable(_ examples: [Example]) -> [Example] {
        guard !FileManager.default.fileExists(atPath: SharedData.root.path) else { return examples }
        let tokens = examples.map { (try? LineTokenizer.tokenize($0.line)) ?? [] }
        var unavailable: Set<String> = []
        var skipped = examples.indices.filter { examples[$0].line.contains("shared/data") }
        var grew = true
        while grew {
            for index in skipped {
                if let at = tokens[index].firstIndex(of: "--as"), at + 1 < tokens[index].count {
                    unavailable.insert(tokens[index][at + 1])
                }
            }
            let next = examples.indices.filter { index in
                skipped.contains(index) || tokens[index].dropFirst(2).contains(where: unavailable.contains)
            }
            grew = next.count > skipped.count
            skipped = next
        }
        return examples.indices.filter { !skipped.contains($0) }.map { examples[$0] }
    }

    @Test func everyCommandDeclaresExamples() {
        for plugin in bundledPlugins {
            for command in plugin.commands {
                #expect(!command.examples.isEmpty, "\(plugin.name) \(command.name) declares no example")
            }
        }
    }

    @Test func everyExampleParsesAsTheWorkbenchParsesIt() throws {
        for example in Self.examples {
            let tokens = try LineTokenizer.tokenize(example.line)
            guard tokens.first == example.plugin.name else { continue }  // a line of another command (`sql`) shown beside it
            let named = tokens.count > 1 && example.plugin.commands.contains { $0.name == tokens[1] }
            let arguments = Array(tokens.dropFirst(named ? 2 : 1))
            do {
                _ = try example.command.descriptor(plugin: example.plugin.name).parse(example.command, arguments)
            } catch {
                Issue.record("\(example.line)\n\(error)")
            }
        }
    }

    @Test func everyExampleRunsOnTheSampleWorkspace() throws {
        let session = try Self.sampleSession()
        var pending = Self.runnable(Self.examples)
        var failures: [String: String] = [:]
        while !pending.isEmpty {
            var failed: [Example] = []
            for example in pending {
                let result = session.execute(example.line)
                if result.succeeded {
                    failures[example.line] = nil
                } else {
                    failed.append(example)
                    failures[example.line] = result.output
                }
            }
            if failed.count == pending.count { break }
            pending = failed
        }
        for example in pending {
            Issue.record("\(example.line)\n\(failures[example.line] ?? "")")
        }
    }

    /// A session with the sample data loaded by `examples/load-sample.opsb`, its paths made absolute.
    static func sampleSession() throws -> Session {
        let session = try Session.temporary(plugins: bundledPlugins)
        let script = try String(contentsOf: SharedData.repositoryFile("examples/load-sample.opsb"), encoding: .utf8)
        for line in script.split(separator: "\n") where line.hasPrefix("load ") {
            let tokens = try LineTokenizer.tokenize(String(line)).map { token in
                token.hasPrefix("examples/") ? SharedData.repositoryFile(token).path : token
            }
            let loaded = session.execute(tokens.map(quoted).joined(separator: " "))
            #expect(loaded.succeeded, "\(line): \(loaded.output)")
        }
        return session
    }

    private static func quoted(_ token: String) -> String {
        if !token.isEmpty, !token.contains(where: { $0 == " " || $0 == "\"" || $0 == "\\" }) { return token }
        return "\"" + token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
