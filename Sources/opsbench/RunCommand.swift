import ArgumentParser
import Foundation
import OpsKit
import Workbench

/// `opsbench run FILE [--set NAME=VALUE ...] [--keep-going]` and `opsbench run --check TRANSCRIPT`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: Strings.runAbstract, discussion: Strings.runDiscussion)

    @Argument(help: ArgumentHelp(Strings.scriptHelp, valueName: "file"), completion: .file())
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp(Strings.setHelp, valueName: "name=value"))
    var assignments: [String] = []

    @Option(name: .customLong("allow-write"), help: ArgumentHelp(Strings.allowWriteHelp, valueName: "path"), completion: .directory)
    var allowedWrites: [String] = []

    @Flag(help: ArgumentHelp(Strings.keepGoingHelp)) var keepGoing = false
    @Flag(help: ArgumentHelp(Strings.checkHelp)) var check = false
    @Option(help: ArgumentHelp(Strings.toleranceHelp, valueName: "rel=R,abs=A"))
    var tolerance: Tolerance?
    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
        for assignment in assignments where Self.variable(assignment) == nil {
            throw ValidationError(Strings.badAssignment(assignment))
        }
        if check && keepGoing { throw ValidationError(Strings.checkWithKeepGoing) }
        if tolerance != nil && !check { throw ValidationError(Strings.toleranceWithoutCheck) }
    }

    func run() throws {
        if check { try checkTranscript() } else { try runScript() }
    }

    private func runScript() throws {
        let progress = TerminalProgress.forStandardError()
        let session = try options.makeSession(output: StandardOutput(progress: progress), style: Terminal.outputStyle())
        session.progressDisplay = progress
        session.writePolicy = .sandbox(
            roots: [FileManager.default.currentDirectoryPath, session.workspace.directory.path] + allowedWrites)
        setVariables(of: session)
        let outcome: ScriptOutcome
        do {
            outcome = try ScriptRunner(session: session).run(path: file, keepGoing: keepGoing)
        } catch {
            Terminal.writeError(Strings.error(error))
            throw ExitCode.failure
        }
        for failure in outcome.failures {
            Terminal.writeError(Strings.scriptFailure(location: failure.location, message: failure.message))
        }
        guard outcome.succeeded else {
            if keepGoing { Terminal.writeError(Strings.failureCount(outcome.failures.count, commands: outcome.commands)) }
            throw ExitCode.failure
        }
    }

    /// Replays a transcript with plain output, in a fresh temporary workspace unless `--workspace` is given.
    /// Files the transcript writes go to a scratch folder (relative paths land there) and nowhere
    /// else, unless `--allow-write` names a folder.
    private func checkTranscript() throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let workspace = scratch.appendingPathComponent("workspace")
        let session = try options.makeSession(
            output: TextBuffer(), style: .plain, directory: options.workspace == nil ? workspace : nil, followsEnvironment: false)
        let files = scratch.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        session.writePolicy = .sandbox(roots: [files.path] + allowedWrites, relativeBase: files.path)
        setVariables(of: session)
        let report: TranscriptChecker.Report
        do {
            report = try TranscriptChecker(session: session, tolerance: tolerance ?? .exact).check(path: file)
        } catch {
            Terminal.writeError(Strings.error(error))
            throw ExitCode.failure
        }
        for step in report.mismatches {
            Terminal.writeError(Strings.transcriptDiffers(location: step.location, command: step.command))
            if let reason = step.reason { StandardOutput().write(reason + "\n") }
            if let diff = step.diff { StandardOutput().write(diff.hasSuffix("\n") ? diff : diff + "\n") }
        }
        guard report.allMatch else {
            StandardOutput().write(Strings.checkScore(file, matched: report.matchedCount, steps: report.steps.count))
            throw ExitCode.failure
        }
        StandardOutput().write(Strings.transcriptMatches(file, commands: report.steps.count))
    }

    private func setVariables(of session: Session) {
        for assignment in assignments {
            if let (name, value) = Self.variable(assignment) { session.variables[name] = value }
        }
    }

    /// `NAME=VALUE` split, or nil when NAME is empty or not a variable name.
    private static func variable(_ assignment: String) -> (String, String)? {
        guard let equals = assignment.firstIndex(of: "=") else { return nil }
        let name = String(assignment[..<equals])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return (name, String(assignment[assignment.index(after: equals)...]))
    }

    private static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
