import Foundation
import OpsKit
import Testing

@testable import Workbench

/// Untrusted runbooks (the write sandbox, non-regular destinations), data that
/// carries terminal escapes, phone numbers in what the session keeps, and
/// option values that used to crash or confuse.
@Suite struct SafetyTests {
    let folder: URL
    let session: Session

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        session = try Session.temporary(plugins: [ProbePlugin.self])
        session.lineReader = { _ in nil }
        try session.workspace.apply([
            .put(StagedDataset(
                name: "users",
                dataset: try Dataset(columns: [
                    Column(name: "名字", strings: ["张三\u{1B}[2J", "李四", "x\u{1B}]0;owned\u{7}"]),
                    Column(name: "n", integers: [1, 2, 3]),
                ]),
                provenance: Provenance(command: "test", inputs: [], seed: nil)))
        ])
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    private var outside: String { FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-outside-\(UUID().uuidString)").path }

    // MARK: Write sandbox

    @Test func aSandboxedSessionWritesOnlyUnderItsRoots() throws {
        session.writePolicy = .sandbox(roots: [folder.path])
        #expect(session.execute("export users \(path("inside.csv"))").succeeded)
        let target = outside + ".csv"
        let refused = session.execute("export users \(target)")
        #expect(!refused.succeeded)
        #expect(refused.output.contains("refusing to write '\(target)'"))
        #expect(refused.output.contains("--allow-write"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let escape = session.execute("export users \(path("sub/../../escape.csv"))")
        #expect(!escape.succeeded && escape.output.contains("refusing to write"))
        let record = session.execute("record \(target)")
        #expect(!record.succeeded && !FileManager.default.fileExists(atPath: target))
    }

    @Test func aLinkedFolderInsideTheSandboxDoesNotLeadOut() throws {
        let elsewhere = outside
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: elsewhere)
        session.writePolicy = .sandbox(roots: [folder.path])
        let result = session.execute("export users \(path("link/x.csv"))")
        #expect(!result.succeeded && result.output.contains("refusing to write"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/x.csv"))
    }

    @Test func aSourcedScriptInheritsTheSandbox() throws {
        let target = outside + ".csv"
        try "export users \(target)\n".write(toFile: path("inner.opsb"), atomically: true, encoding: .utf8)
        session.writePolicy = .sandbox(roots: [folder.path])
        let result = session.execute("source \(path("inner.opsb"))")
        #expect(!result.succeeded && result.output.contains("refusing to write"))
        #expect(!FileManager.default.fileExists(atPath: target))
        session.writePolicy = .unrestricted  // the REPL: the user typing
        #expect(session.execute("source \(path("inner.opsb"))").succeeded)
        try? FileManager.default.removeItem(atPath: target)
    }

    @Test func relativePathsLandInTheCheckScratchFolder() throws {
        session.writePolicy = .sandbox(roots: [folder.path], relativeBase: folder.path)
        #expect(session.execute("export users out.csv").succeeded)
        #expect(FileManager.default.fileExists(atPath: path("out.csv")))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/out.csv"))
    }

    @Test func exportAndRecordNeverReplaceANonRegularFile() throws {
        let victim = path("victim.txt")
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("symlink.csv"), withDestinationPath: victim)
        try FileManager.default.linkItem(atPath: victim, toPath: path("hardlink.csv"))
        #expect(mkfifo(path("fifo.csv"), 0o644) == 0)
        for (name, problem) in [("symlink.csv", "symbolic link"), ("hardlink.csv", "hard links"), ("fifo.csv", "not a regular file")] {
            for command in ["export users", "record"] {
                let result = session.execute("\(command) \(path(name))")
                #expect(!result.succeeded, "\(command) \(name)")
                #expect(result.output.contains(problem), "\(command) \(name): \(result.output)")
            }
        }
        #expect(!session.execute("export users /dev/null").succeeded)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect((try FileManager.default.destinationOfSymbolicLink(atPath: path("symlink.csv"))) == victim)
    }

    // MARK: Control characters

    @Test func escapeSequencesInDataNeverReachTheOutputRaw() throws {
        for command in ["show users", "describe users", "sql \"SELECT * FROM users\"", "show \"bad\u{1B}[2Jname\"", "probe echo \"a\u{1B}b\""] {
            let result = session.execute(command)
            #expect(!result.output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(command): \(result.output)")
        }
        let show = session.execute("show users").output
        #expect(show.contains("张三␛[2J") && show.contains("x␛]0;owned␇"))
        let rows = show.split(separator: "\n").dropFirst(2).prefix(3).map(String.init)
        #expect(Set(rows.map { DisplayWidth.of($0) }).count == 1, "rows of unequal width:\n\(show)")
    }

    // MARK: Privacy

    @Test func phoneNumbersAreMaskedInHistoryProvenanceAndTranscripts() throws {
        let transcript = path("t.opsb")
        #expect(session.execute("record \(transcript)").succeeded)
        #expect(session.execute("sql \"SELECT '13812345678' AS p\" --as phones").succeeded)
        #expect(session.execute("set note \"call (021) 1234 5678 or +1 415 555 0100\"").succeeded)
        #expect(session.execute("probe chat").succeeded)
        #expect(session.execute("record stop").succeeded)
        let provenance = session.workspace.entry(named: "phones")?.provenance?.command ?? ""
        #expect(provenance == "sql \"SELECT '138****5678' AS p\" --as phones")
        let history = session.execute("history").output
        #expect(history.contains("138****5678") && history.contains("021****5678") && !history.contains("13812345678"))
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        for raw in ["13812345678", "1234 5678", "415 555 0100"] { #expect(!text.contains(raw), "\(raw) in \(text)") }
        #expect(text.contains("021****5678") && text.contains("+141****0100"))
    }

    @Test func subPromptInputsAreMaskedInTranscripts() throws {
        let transcript = path("chat.opsb")
        var inputs = ["我的电话 13812345678", "/exit"][...]
        session.lineReader = { _ in inputs.popFirst() }
        #expect(session.execute("record \(transcript)").succeeded)
        #expect(session.execute("probe chat").succeeded)
        #expect(session.execute("record stop").succeeded)
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("#< 我的电话 138****5678") && !text.contains("13812345678"), "\(text)")
    }

    // MARK: Option values

    @Test func negativeAndHugeValuesOfBuiltinsAreClearErrors() throws {
        for command in ["sql \"SELECT 1\" --rows=-1", "sql \"SELECT 1\" --rows -1", "history --last=-1", "history --last -9223372036854775808", "show users --rows -5"] {
            let result = session.execute(command)
            #expect(!result.succeeded, "\(command)")
            #expect(result.output.contains("must be at least 0"), "\(command): \(result.output)")
            #expect(!result.output.lowercased().contains("missing value"), "\(command): \(result.output)")
        }
        #expect(session.execute("history --last 9223372036854775807").succeeded)
        #expect(session.execute("sql \"SELECT 1\" --rows 9223372036854775807").succeeded)
        #expect(session.execute("show users --rows 9223372036854775807").succeeded)
    }

    @Test func didYouMeanAppearsOnce() throws {
        let result = session.execute("show users --row 3")
        #expect(!result.succeeded)
        #expect(result.output.lowercased().components(separatedBy: "did you mean").count == 2, "\(result.output)")
    }

    @Test func aHugeBadValueIsNotEchoedWhole() throws {
        let value = String(repeating: "啊", count: 100_000)
        for command in ["show \(value)", "show users --rows \(value)", "probe count \(value)"] {
            let result = session.execute(command)
            #expect(!result.succeeded)
            #expect(result.output.count < 1_000, "\(result.output.count) characters")
            #expect(result.output.contains("100000"), "\(result.output.prefix(300))")
        }
    }

    // MARK: Scripts

    @Test func keepGoingDoesNotRunTheTurnsOfAFailedSubPrompt() throws {
        try "probe chat --fail\nshow nothing_here\n/exit\nset after 1\n".write(toFile: path("chat.opsb"), atomically: true, encoding: .utf8)
        let outcome = try ScriptRunner(session: session).run(path: path("chat.opsb"), keepGoing: true)
        #expect(outcome.failures.count == 1, "\(outcome.failures.map(\.message))")
        #expect(outcome.commands == 2)
        #expect(session.variables["after"] == "1")
    }
}
