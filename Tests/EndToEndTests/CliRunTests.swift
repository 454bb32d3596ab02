import Foundation
import Testing

/// `opsbench run`, `opsbench run --check` and `opsbench < script`, run as separate processes.
@Suite(.enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built: run swift build before swift test"))
struct CliRunTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    private func opsbench(_ arguments: String..., input: String = "") throws -> OpsbenchProcess {
        try OpsbenchProcess.run(arguments, input: input, in: directory)
    }

    @Test func aScriptThatSucceedsExitsZeroWithItsOutputOnStdout() throws {
        try directory.write("ok.opsb", "# a runbook\nset greeting 你好\n\nset copy ${greeting}\nset seed 7\n")
        let run = try opsbench("run", "ok.opsb")
        #expect(run.status == 0)
        #expect(run.stdout == "greeting = 你好\ncopy = 你好\nseed = 7\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func theFirstFailureStopsTheScriptWithFileAndLineOnStderr() throws {
        try directory.write("bad.opsb", "set a 1\n# comment\n\nsegmnt kmeans users\nset b 2\n")
        let run = try opsbench("run", "bad.opsb")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("bad.opsb:4: error: unknown command 'segmnt'"))
        #expect(run.stderr.contains("did you mean 'segment'?"))
        #expect(run.stdout.contains("a = 1"))
        #expect(!run.stdout.contains("b = 2"), "the command after the failure must not run")
    }

    @Test func aFailingContinuedCommandIsReportedAtTheLineItStartsOn() throws {
        try directory.write("cont.opsb", "set a \\\n  1\nset b \\\n  ${missing}\n")
        let run = try opsbench("run", "cont.opsb")
        #expect(run.status == 1)
        #expect(run.stdout.contains("a = 1"))
        #expect(run.stderr.hasPrefix("cont.opsb:3: error: unknown variable 'missing'"))
    }

    @Test func setSubstitutesVariables() throws {
        try directory.write("vars.opsb", "set report ${month}-${region}\n")
        let run = try opsbench("run", "vars.opsb", "--set", "month=2026-11", "--set", "region=华东")
        #expect(run.status == 0)
        #expect(run.stdout == "report = 2026-11-华东\n")

        let unset = try opsbench("run", "vars.opsb", "--set", "month=2026-11")
        #expect(unset.status == 1)
        #expect(unset.stderr.contains("vars.opsb:1: error: unknown variable 'region'"))
    }

    @Test func aMalformedSetIsAUsageError() throws {
        try directory.write("vars.opsb", "set a 1\n")
        let run = try opsbench("run", "vars.opsb", "--set", "month")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--set expects NAME=VALUE, got 'month'"))
        #expect(run.stdout.isEmpty)
    }

    @Test func keepGoingRunsEveryCommandAndStillFails() throws {
        try directory.write("many.opsb", "set a 1\nbogus\nset b 2\nshow nothing_here\nset c 3\n")
        let run = try opsbench("run", "many.opsb", "--keep-going")
        #expect(run.status == 1)
        #expect(run.stdout.contains("a = 1") && run.stdout.contains("b = 2") && run.stdout.contains("c = 3"))
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "two failures and a summary: \(lines)")
        #expect(lines.first?.hasPrefix("many.opsb:2: error: unknown command 'bogus'") == true)
        #expect(lines.dropFirst().first?.hasPrefix("many.opsb:4: error:") == true)
        #expect(lines.last == "2 of 5 commands failed")
    }

    @Test func aMissingScriptIsAnError() throws {
        let run = try opsbench("run", "nowhere.opsb")
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: cannot read script 'nowhere.opsb'"))
    }

    @Test func checkPassesOnAFreshRecordingAndFailsWithADiffWhenOutputChanged() throws {
        let data = try directory.write("cities.csv", "城市,订单\n北京,12\n上海,30\n")
        try directory.write(
            "session.opsb",
            "record demo.transcript\nset region 华东\nload 城市表 \(data)\nshow 城市表\nset copy ${region}\nrecord stop\n")
        let recording = try opsbench("run", "session.opsb", "--workspace", "recorded")
        #expect(recording.status == 0, "\(recording.stderr)")
        let transcript = try directory.read("demo.transcript")
        #expect(transcript.contains("#| region = 华东"))

        let check = try opsbench("run", "--check", "demo.transcript")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "demo.transcript: all 5 commands match the recording\n", "4 and the language line")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("workspace").path),
                "a check replays in a scratch workspace, not the default one")

        try directory.write("changed.transcript", transcript.replacingOccurrences(of: "#| copy = 华东", with: "#| copy = 华南"))
        let failed = try opsbench("run", "--check", "changed.transcript")
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("changed.transcript:"))
        #expect(failed.stderr.contains("the output of 'set copy ${region}' differs from the recording"))
        #expect(failed.stdout.contains("-copy = 华南"))
        #expect(failed.stdout.contains("+copy = 华东"))
        #expect(failed.stdout.hasPrefix("--- changed.transcript:"))
    }

    @Test func checkCannotKeepGoing() throws {
        let run = try opsbench("run", "--check", "--keep-going", "x.transcript")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--keep-going cannot be combined with --check"))
    }

    @Test func stdinThatIsNotATerminalIsReadAsPlainLinesWithoutPrompts() throws {
        let ok = try opsbench(input: "set a 1\nset b \\\n  二\n\n# note\nset c ${a}\n")
        #expect(ok.status == 0)
        #expect(ok.stdout == "a = 1\nb = 二\nc = 1\n")
        #expect(ok.stderr.isEmpty)

        let failing = try opsbench(input: "bogus\nset after 1\n")
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("error: unknown command 'bogus'"))
        #expect(failing.stdout.contains("after = 1"), "plain input keeps going after a failure")
    }

    @Test func quitEndsPlainInput() throws {
        let run = try opsbench(input: "set a 1\nquit\nset b 2\n")
        #expect(run.status == 0)
        #expect(run.stdout == "a = 1\n")
    }

    @Test func workspaceOptionCreatesTheDirectory() throws {
        let run = try opsbench("--workspace", "nested/ws", input: "datasets\n")
        #expect(run.status == 0)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("nested/ws").path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("workspace").path) == false)

        let defaultHome = try opsbench(input: "datasets\n")
        #expect(defaultHome.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("workspace").path))
    }

    @Test func helpAndVersion() throws {
        let help = try opsbench("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("opsbench run --check <transcript>"))
        #expect(help.stdout.contains("run"))
        let runHelp = try opsbench("run", "--help")
        #expect(runHelp.stdout.contains("--keep-going") && runHelp.stdout.contains("--set <name=value>"))
        let version = try opsbench("--version")
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}
