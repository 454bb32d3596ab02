import Foundation
import OpsKit

/// The lines of a script, read as commands (joining `\` continuations) and,
/// for sub-prompts such as `ask chat`, as raw input lines.
final class ScriptSource {
    let path: String
    private let lines: [String]
    private var index = 0

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OpsError("cannot read script '\(path)'", hint: FileManager.default.fileExists(atPath: path) ? "check its permissions" : "no such file")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw OpsError("script '\(path)' is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    init(path: String, lines: [String]) {
        self.path = path
        self.lines = lines
    }

    /// The next command with the line number it starts on; blank and comment lines are skipped.
    func nextCommand() -> (line: String, number: Int)? {
        while index < lines.count {
            let number = index + 1
            var line = lines[index]
            index += 1
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            while LineTokenizer.continues(line), index < lines.count {
                line = String(line.dropLast()) + " " + lines[index].trimmingWhitespace()
                index += 1
            }
            return (line, number)
        }
        return nil
    }

    /// The next raw line for a sub-prompt (`#< ` transcript input prefixes removed;
    /// recorded output comments skipped). `nil` at the end of the script.
    func nextInput() -> String? {
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix("#|") || line.hasPrefix("#!") { continue }
            if line.hasPrefix(TranscriptFormat.inputPrefix) { return String(line.dropFirst(TranscriptFormat.inputPrefix.count)) }
            return line
        }
        return nil
    }
}

/// What running a script gave.
public struct ScriptOutcome {
    public struct Failure {
        /// `FILE:LINE`
        public var location: String
        public var message: String
    }
    public var commands = 0
    public var failures: [Failure] = []
    public var succeeded: Bool { failures.isEmpty }
}

/// Replays a script through the session's dispatcher, as `opsbench run` and `source` do.
public struct ScriptRunner {
    let session: Session

    public init(session: Session) { self.session = session }

    /// Runs every command of the script at `path`; stops at the first failure unless `keepGoing`.
    public func run(path: String, keepGoing: Bool) throws -> ScriptOutcome {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if session.sourceStack.contains(absolute) { throw OpsError(Strings.sourceLoop(path)) }
        let source = try ScriptSource(path: path)
        session.sourceStack.append(absolute)
        let previousReader = session.lineReader
        session.lineReader = { _ in source.nextInput() }
        defer {
            session.lineReader = previousReader
            session.sourceStack.removeLast()
        }
        var outcome = ScriptOutcome()
        while let (line, number) = source.nextCommand() {
            if session.cancellation.isSet {
                outcome.failures.append(.init(location: "\(path):\(number)", message: Strings.describe(CommandCancelled())))
                break
            }
            outcome.commands += 1
            let result = session.execute(line)
            if !result.succeeded {
                let message = result.error.map { Strings.describe($0).split(separator: "\n").first.map(String.init) ?? $0.message }
                outcome.failures.append(.init(location: "\(path):\(number)", message: message ?? Strings.failed))
                if !keepGoing { break }
            }
            if session.quitRequested { break }
        }
        return outcome
    }
}
