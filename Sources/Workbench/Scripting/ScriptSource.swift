import Foundation
import OpsKit

/// The lines of a script, read as commands (joining `\` continuations) and,
/// for sub-prompts such as `ask chat`, as raw input lines.
final class ScriptSource {
    let path: String
    private let lines: [String]
    private var index = 0

    /// Reads the script at `path`; `-` is standard input, and pipes, FIFOs and
    /// `/dev/stdin` are read to their end like files.
    init(path: String) throws {
        let text = try Self.text(at: path)
        self.path = path == "-" ? SafetyMessages.standardInput : path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
    }

    /// The UTF-8 text of a script or transcript (a leading BOM dropped); `-` is standard input.
    static func text(at path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let handle = FileHandle(forReadingAtPath: path), let contents = try? handle.readToEnd() ?? Data() else {
                throw OpsError(
                    SafetyMessages.cannotReadScript(path),
                    hint: FileManager.default.fileExists(atPath: path) ? SafetyMessages.checkPermissions : SafetyMessages.noSuchFile)
            }
            data = contents
        }
        guard var text = String(data: data, encoding: .utf8) else { throw OpsError(SafetyMessages.notUTF8(path)) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
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

    /// Skips the rest of a sub-prompt's input, through the line `end` (`/exit`):
    /// what follows a failed `ask chat` is its conversation, not commands.
    func skipInput(through end: String) {
        while let line = nextInput() {
            if line.trimmingWhitespace() == end { return }
        }
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
        let absolute = path == "-" ? path : URL(fileURLWithPath: path).standardizedFileURL.path
        if session.sourceStack.contains(absolute) { throw OpsError(Strings.sourceLoop(path)) }
        let source = try ScriptSource(path: path)
        let path = source.path
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
                if let end = result.subPromptEnd, result.subInputs.last?.trimmingWhitespace() != end {
                    source.skipInput(through: end)
                }
            }
            if session.quitRequested { break }
        }
        return outcome
    }
}
