import Foundation
import OpsKit
import Testing

@testable import Workbench

/// What every external plugin must do, checked on the example plugins, the spark plugin and on
/// any plugin named by `OPSBENCH_PLUGIN_CONFORMANCE=PATH[:PATH...]`.
@Suite struct PluginConformanceTests {
    static var plugins: [String] {
        let examples = ExternalPluginTests.examples
        let extra = ProcessInfo.processInfo.environment["OPSBENCH_PLUGIN_CONFORMANCE"]?.split(separator: ":").map(String.init) ?? []
        return ["hello.py", "stats.py", "spark/spark.py"].map { examples.appendingPathComponent($0).path } + extra
    }

    @Test(arguments: plugins) func handshakeAndSignature(path: String) throws {
        let connection = PluginConnection(name: path, executable: ExternalPluginStore.executable(for: path))
        defer { connection.stop() }
        let hello = try connection.start()
        #expect(hello.protocol == PluginProtocol.name)
        #expect(hello.version.major == PluginProtocol.version.major)
        #expect(!hello.plugin.name.isEmpty && DatasetNameCheck.isValid(hello.plugin.name))
        let signature = try connection.call({ SignatureRequest(id: $0) }, as: SignatureReply.self, timeout: 15)
        #expect(!signature.commands.isEmpty)
        for command in signature.commands {
            #expect(command.path.count == 2 && command.path[0] == hello.plugin.name, "path \(command.path)")
            #expect(!command.abstract.en.isEmpty, "\(command.fullName) has no abstract")
            for argument in command.arguments {
                #expect(argument.kind == .positional || argument.names.allSatisfy { $0.hasPrefix("-") })
                if let defaultValue = argument.defaultValue, let spec = argument.value {
                    #expect(throws: Never.self, "\(command.fullName) \(argument.displayName): default out of its own spec") {
                        try spec.check(defaultValue, option: argument.displayName)
                    }
                }
            }
            for example in command.examples {
                let tokens = try LineTokenizer.tokenize(example.line)
                #expect(Array(tokens.prefix(2)) == command.path, "example '\(example.line)' is not of \(command.fullName)")
                #expect(throws: Never.self, "example '\(example.line)' does not fit the declaration") {
                    _ = try ArgumentBinder(command).bind(Array(tokens.dropFirst(2)))
                }
            }
        }
    }

    @Test(arguments: plugins) func answersWhatItDoesNotKnowWithErrors(path: String) throws {
        let connection = PluginConnection(name: path, executable: ExternalPluginStore.executable(for: path))
        defer { connection.stop() }
        _ = try connection.start()
        struct Bogus: Encodable { var type = "no-such-message"; var id: Int }
        #expect(throws: OpsError.self) { _ = try connection.call({ Bogus(id: $0) }, as: SignatureReply.self, timeout: 15) }
        #expect(connection.isRunning)
        let run = { (id: Int) -> any Encodable in
            RunRequest(id: id, command: "no-such-command", arguments: BoundArguments(), datasets: [:], scratch: "/tmp", seed: 1,
                       language: "en", commandLine: "")
        }
        #expect(throws: OpsError.self) { _ = try connection.call(run, as: RunReply.self, timeout: 15) }
        // still serving after both errors
        _ = try connection.call({ SignatureRequest(id: $0) }, as: SignatureReply.self, timeout: 15)
    }

    @Test(arguments: plugins) func refusesAnotherMajorVersionOrExitsOnShutdown(path: String) throws {
        let connection = PluginConnection(name: path, executable: ExternalPluginStore.executable(for: path))
        _ = try connection.start()
        connection.stop()
        #expect(!connection.isRunning)
    }
}

/// The plugin name rule (a dataset-name-like word).
enum DatasetNameCheck {
    static func isValid(_ name: String) -> Bool { (try? DatasetName.validate(name)) != nil }
}
