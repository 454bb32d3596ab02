import Foundation
import OpsKit
import Testing
@testable import Workbench

/// `run --check` grades every step: a score, numbers within a tolerance, volatile steps by their figures.
@Suite struct GradedCheckTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-graded-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyStepIsGradedAndTheScoreCountsTheMatches() throws {
        let transcript = try write("t.opsb", """
            set seed 7
            #| seed = 7
            set a 1
            #| a = 2
            set b 3
            #| b = 3
            set c 4
            #| c = 5

            """)
        let report = try TranscriptChecker(session: try Session.temporary(plugins: [])).check(path: transcript)
        #expect(report.steps.count == 4)
        #expect(report.matchedCount == 2)
        #expect(report.mismatches.map(\.command) == ["set a 1", "set c 4"])
        #expect(report.mismatches.allSatisfy { $0.diff?.contains("-") == true })
        #expect(!report.allMatch)
    }

    @Test func numbersCompareWithinTheTolerance() {
        let tolerance = Tolerance(argument: "rel=0.01")!
        #expect(tolerance.accepts(recorded: "inertia 100.0 (k=3)\n", replayed: "inertia 100.5 (k=3)\n"))
        #expect(!tolerance.accepts(recorded: "inertia 100.0 (k=3)\n", replayed: "inertia 102.0 (k=3)\n"))
        #expect(!tolerance.accepts(recorded: "inertia 100.0 (k=3)\n", replayed: "inertia 100.0 (k=4)\n"), "1% of 3 is not 1")
        #expect(!tolerance.accepts(recorded: "cost 5 a\n", replayed: "cost 5 b\n"), "text between numbers must be equal")
        #expect(Tolerance(argument: "abs=0.5")!.accepts(recorded: "-3.0", replayed: "-3.4"))
        #expect(Tolerance.exact.accepts(recorded: "1.0", replayed: "1.0"))
        #expect(!Tolerance.exact.accepts(recorded: "1.0", replayed: "1.00"))
        #expect(Tolerance(argument: "rel=-1") == nil)
        #expect(Tolerance(argument: "fast") == nil)
        #expect(Tolerance(argument: "1e-6") == Tolerance(relative: 1e-6, absolute: 0))
    }

    @Test func aVolatileStepIsHeldToItsFiguresNotItsText() throws {
        let figures = TranscriptFormat.parseFigures(" distance=812.5 vehicles=6")
        #expect(figures == ["distance": 812.5, "vehicles": 6])
        let rendered = TranscriptFormat.render(
            line: "probe", result: CommandResult(output: "plan A\n", succeeded: true, subInputs: [], volatileFigures: ["distance": 812.5]))
        #expect(rendered == "probe\n#| plan A\n#~ volatile distance=812.5\n")
        let entry = try #require(TranscriptFormat.parse(rendered).first)
        #expect(entry.volatileFigures == ["distance": 812.5])
        #expect(entry.output == "plan A\n")
    }
}

/// `record` notes what a recording read; `run --check` rebuilds it first or says what is missing.
@Suite struct SelfContainedTranscriptTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-inputs-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    private func recordedAfterLoading(embed: Bool) throws -> (transcript: String, csv: String) {
        let csv = directory.appendingPathComponent("cities.csv").path
        try "城市,订单\n北京,12\n上海,30\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let transcript = directory.appendingPathComponent(embed ? "embedded.opsb" : "plain.opsb").path
        let s = try Session.temporary(plugins: [])
        #expect(s.execute("load 城市表 \(csv)").succeeded)
        #expect(s.execute("record \(transcript)\(embed ? " --embed" : "")").succeeded)
        #expect(s.execute("sql \"SELECT sum(订单) AS n FROM 城市表\"").succeeded)
        #expect(s.execute("record stop").succeeded)
        return (transcript, csv)
    }

    @Test func theRecordingNotesWhatItReadWithOriginAndChecksum() throws {
        let (transcript, _) = try recordedAfterLoading(embed: false)
        let inputs = TranscriptInputs.parse(try String(contentsOfFile: transcript, encoding: .utf8))
        #expect(inputs.map(\.name) == ["城市表"])
        #expect(inputs.first?.rows == 2)
        #expect(inputs.first?.origin?.hasPrefix("load 城市表 ") == true)
        #expect(inputs.first?.csv == nil)
    }

    @Test func aCheckRebuildsAnInputFromItsLoadLine() throws {
        let (transcript, _) = try recordedAfterLoading(embed: false)
        let report = try TranscriptChecker(session: try Session.temporary(plugins: [])).check(path: transcript)
        #expect(report.allMatch, "\(report.mismatches.first?.diff ?? "")")
    }

    @Test func aMissingInputFailsUpFrontNamingItAndItsOrigin() throws {
        let (transcript, csv) = try recordedAfterLoading(embed: false)
        try FileManager.default.removeItem(atPath: csv)
        #expect {
            try TranscriptChecker(session: try Session.temporary(plugins: [])).check(path: transcript)
        } throws: { error in
            let text = "\(error)"
            return text.contains("城市表") && text.contains("load 城市表") && text.contains("--embed")
        }
    }

    @Test func anEmbeddedInputReplaysWithoutItsFile() throws {
        let (transcript, csv) = try recordedAfterLoading(embed: true)
        try FileManager.default.removeItem(atPath: csv)
        let report = try TranscriptChecker(session: try Session.temporary(plugins: [])).check(path: transcript)
        #expect(report.allMatch, "\(report.mismatches.first?.diff ?? "")")
        #expect(report.steps.count == 2)
    }

    @Test func aChangedInputIsNotTakenForTheRecordedOne() throws {
        let (transcript, csv) = try recordedAfterLoading(embed: false)
        try "城市,订单\n北京,13\n上海,30\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(throws: OpsError.self) {
            try TranscriptChecker(session: try Session.temporary(plugins: [])).check(path: transcript)
        }
    }
}
