import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite struct ScriptingTests {
    let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-scripting-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func session() throws -> Session {
        let session = try Session.temporary(plugins: [ProbePlugin.self])
        try session.workspace.apply([
            .put(StagedDataset(
                name: "users", dataset: try Dataset(columns: [Column(name: "a", integers: [1, 2])]),
                provenance: Provenance(command: "test", inputs: [], seed: nil)))
        ])
        return session
    }

    @Test func scriptStopsAtTheFirstFailureWithFileAndLine() throws {
        let path = try write("s.opsb", "# comment\nprobe count users\n\nprobe count nothing\nprobe count users --as later\n")
        let s = try session()
        let outcome = try ScriptRunner(session: s).run(path: path, keepGoing: false)
        #expect(outcome.failures.map(\.location) == ["\(path):4"])
        #expect(outcome.failures[0].message.contains("unknown dataset 'nothing'"))
        #expect(!s.workspace.datasetNames.contains("later"))
        let kept = try ScriptRunner(session: s).run(path: path, keepGoing: true)
        #expect(kept.commands == 3 && kept.failures.count == 1)
        #expect(s.workspace.datasetNames.contains("later"))
    }

    @Test func continuationAndVariables() throws {
        let path = try write("v.opsb", "probe count \\\n  ${data} \\\n  --as ${out}\n")
        let s = try session()
        s.variables = ["data": "users", "out": "result_1"]
        #expect(try ScriptRunner(session: s).run(path: path, keepGoing: false).succeeded)
        #expect(s.workspace.datasetNames.contains("result_1"))
    }

    @Test func subPromptReadsTheFollowingScriptLines() throws {
        let path = try write("chat.opsb", "probe chat\n你好\nabc\n/exit\nprobe echo done\n")
        let s = try session()
        let buffer = TextBuffer()
        s.output = buffer
        #expect(try ScriptRunner(session: s).run(path: path, keepGoing: false).succeeded)
        #expect(buffer.text == "好你\ncba\ndone\n")
    }

    @Test func sourceRunsNestedScriptsAndRefusesLoops() throws {
        let inner = try write("inner.opsb", "probe echo inner\n")
        let loop = try write("loop.opsb", "source \(directory.path)/loop.opsb\n")
        let s = try session()
        let result = s.execute("source \(inner)")
        #expect(result.succeeded && result.output == "inner\n")
        let looped = s.execute("source \(loop)")
        #expect(!looped.succeeded)
        #expect(looped.output.contains("already being run"))
    }

    @Test func recordedTranscriptReplaysAndDetectsChanges() throws {
        let transcript = directory.appendingPathComponent("t.opsb").path
        let s = try session()
        #expect(s.execute("record \(transcript)").succeeded)
        s.execute("probe count users --as n")
        s.execute("probe chat")  // reads from the line reader
        s.execute("probe count missing")
        s.execute("show users")
        #expect(s.execute("record stop").output.contains("recorded 4 commands"))
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("probe count users --as n\n#| 2 rows\n"))
        #expect(text.contains("#! failed"))
        #expect(!text.contains("record stop"))

        let replay = try session()
        let report = try TranscriptChecker(session: replay).check(path: transcript)
        #expect(report.steps.count == 5, "the four recorded commands after the transcript's own `set lang` line")
        #expect(report.allMatch)

        let tampered = try write("tampered.opsb", text.replacingOccurrences(of: "#| 2 rows", with: "#| 5 rows"))
        let found = try TranscriptChecker(session: try session()).check(path: tampered).mismatches.first
        let diff = try #require(found?.diff)
        #expect(diff.contains("-5 rows\n+2 rows"))
        #expect(found?.location == "\(tampered):5", "after the header, the input line for users and the language line")
    }

    @Test func aTranscriptReplaysInTheLanguageItWasRecordedIn() throws {
        let transcript = directory.appendingPathComponent("zh.opsb").path
        let s = try session()
        s.execute("set lang zh")
        #expect(s.execute("record \(transcript)").succeeded)
        #expect(s.execute("nosuchcommand").output.contains("未知命令"))
        s.execute("record stop")
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("set lang zh\n"))

        let replay = try session()
        replay.setLanguage(.en, source: "test")
        let report = try TranscriptChecker(session: replay).check(path: transcript)
        #expect(report.steps.count == 2)
        #expect(report.allMatch, "\(report.mismatches.first?.diff ?? "")")
        #expect(replay.language == .zh)
    }

    @Test func transcriptKeepsSubPromptInputs() throws {
        let transcript = directory.appendingPathComponent("chat.opsb").path
        let s = try session()
        var inputs = ["hello", "/exit"][...]
        s.lineReader = { _ in inputs.popFirst() }
        s.execute("record \(transcript)")
        s.execute("probe chat")
        s.execute("record stop")
        let text = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(text.contains("probe chat\n#< hello\n#< /exit\n#| olleh\n"))
        #expect(try TranscriptChecker(session: try session()).check(path: transcript).allMatch)
        #expect(try ScriptRunner(session: try session()).run(path: transcript, keepGoing: false).succeeded)
    }

    @Test func unifiedDiffShowsContext() {
        let diff = UnifiedDiff.make(old: "a\nb\nc\n", new: "a\nB\nc\n", oldLabel: "old", newLabel: "new")
        #expect(diff == "--- old\n+++ new\n@@\n a\n-b\n+B\n c\n \n")
    }
}
