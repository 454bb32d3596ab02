import Foundation
import Testing

/// `opsbench run` of untrusted scripts, run as a separate process: scripts from
/// pipes, the write sandbox of `run` and `run --check`, a failed `ask chat`
/// under `--keep-going`, and phone numbers in the history file.
@Suite(.enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built: run swift build before swift test"))
struct RunSafetyTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    private func opsbench(_ arguments: String..., input: String = "") throws -> OpsbenchProcess {
        try OpsbenchProcess.run(arguments, input: input, in: directory)
    }

    @Test func scriptsAreReadFromStandardInputAndPipes() throws {
        for file in ["-", "/dev/stdin"] {
            let run = try opsbench("run", file, "--workspace", "ws", input: "set a 1\nset b ${a}2\nshow nothing\n")
            #expect(run.status == 1, "\(file): \(run.stderr)")
            #expect(run.stdout.hasPrefix("a = 1\nb = 12\nerror: unknown dataset 'nothing'"), "\(file)")
            #expect(!run.stderr.contains("cannot read script"), "\(file): \(run.stderr)")
            #expect(run.stderr.contains(":3: error: unknown dataset 'nothing'"), "\(file): \(run.stderr)")
        }
    }

    @Test func aScriptMayNotWriteOutsideTheCurrentDirectoryAndTheWorkspace() throws {
        let elsewhere = try TemporaryDirectory()
        let target = elsewhere.url.appendingPathComponent("bashrc.csv").path
        try directory.write("users.csv", "id,n\n1,2\n")
        try directory.write("handout.opsb", "load users users.csv\nexport users \(target)\n")
        let refused = try opsbench("run", "handout.opsb", "--workspace", "ws")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("handout.opsb:2: error: refusing to write '\(target)'"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))

        let allowed = try opsbench("run", "handout.opsb", "--workspace", "ws", "--allow-write", elsewhere.path)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(FileManager.default.fileExists(atPath: target))

        try directory.write("local.opsb", "load users users.csv\nexport users out/../here.csv\n")
        #expect(try opsbench("run", "local.opsb", "--workspace", "ws").status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("here.csv").path))
    }

    @Test func checkWritesNothingOutsideItsScratchFolder() throws {
        try directory.write("users.csv", "id,n\n1,2\n")
        try directory.write("session.opsb", "load users users.csv\nexport users copy.csv\nrecord inner.opsb\nrecord stop\n")
        let recorded = try opsbench("run", "session.opsb", "--workspace", "ws")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("copy.csv"))
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent("inner.opsb"))
        // a transcript of the same session, replayed with --check
        try directory.write("t.opsb", "load users users.csv\n#| loaded users: 1 rows × 2 columns from users.csv\nexport users copy.csv\n#| exported users: 1 rows to copy.csv\n")
        let check = try opsbench("run", "--check", "t.opsb")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("copy.csv").path))
        let elsewhere = try TemporaryDirectory()
        try directory.write("abs.opsb", "load users users.csv\n#| loaded users: 1 rows × 2 columns from users.csv\nexport users \(elsewhere.path)/x.csv\n")
        let absolute = try opsbench("run", "--check", "abs.opsb")
        #expect(absolute.status == 1)
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path + "/x.csv"))
    }

    @Test func keepGoingSkipsTheTurnsOfAFailedAskChat() throws {
        try directory.write("chat.opsb", "ask chat --kb no_such_kb\nshow users\ndrop everything\n/exit\nset after 1\n")
        let run = try opsbench("run", "--keep-going", "chat.opsb", "--workspace", "ws")
        #expect(run.status == 1)
        #expect(run.stderr.contains("1 of 2 commands failed"), "\(run.stderr)")
        #expect(!run.stderr.contains("chat.opsb:2"), "\(run.stderr)")
        #expect(run.stdout.contains("after = 1"))
    }
}
