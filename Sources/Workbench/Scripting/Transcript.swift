import Foundation
import OpsKit

/// The transcript format: a runnable script in which each command is followed
/// by its sub-prompt inputs (`#< `), its output (`#| `) and, when it failed, `#! failed`.
enum TranscriptFormat {
    static let header = "# opsbench transcript — replay with: opsbench run --check FILE"
    static let inputPrefix = "#< "
    static let outputPrefix = "#| "
    static let failedMarker = "#! failed"

    static func render(line: String, result: CommandResult) -> String {
        var text = line + "\n"
        for input in result.subInputs { text += inputPrefix + input + "\n" }
        var output = result.output
        if output.hasSuffix("\n") { output.removeLast() }
        if !output.isEmpty || !result.output.isEmpty {
            for outputLine in output.split(separator: "\n", omittingEmptySubsequences: false) {
                text += outputLine.isEmpty ? "#|\n" : outputPrefix + outputLine + "\n"
            }
        }
        if !result.succeeded { text += failedMarker + "\n" }
        return text
    }

    /// One recorded command.
    struct Entry {
        var line: String
        var lineNumber: Int
        var inputs: [String] = []
        var output = ""
        var failed = false
    }

    static func parse(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        var outputLines: [String] = []
        func flush() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1].output = outputLines.isEmpty ? "" : outputLines.joined(separator: "\n") + "\n"
            outputLines = []
        }
        var pending: String? = nil
        var pendingNumber = 0
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if let start = pending {
                let joined = String(start.dropLast()) + " " + line.trimmingWhitespace()
                if LineTokenizer.continues(line) { pending = joined } else {
                    pending = nil
                    entries.append(Entry(line: joined, lineNumber: pendingNumber))
                }
                continue
            }
            if line.hasPrefix(inputPrefix) {
                if !entries.isEmpty { entries[entries.count - 1].inputs.append(String(line.dropFirst(inputPrefix.count))) }
            } else if line == "#|" {
                outputLines.append("")
            } else if line.hasPrefix(outputPrefix) {
                outputLines.append(String(line.dropFirst(outputPrefix.count)))
            } else if line == failedMarker {
                if !entries.isEmpty { entries[entries.count - 1].failed = true }
            } else if line.trimmingWhitespace().isEmpty || line.hasPrefix("#") {
                continue
            } else {
                flush()
                if LineTokenizer.continues(line) {
                    pending = line
                    pendingNumber = i + 1
                } else {
                    entries.append(Entry(line: line, lineNumber: i + 1))
                }
            }
        }
        flush()
        return entries
    }
}

/// Writes a transcript as commands run (`record FILE` ... `record stop`),
/// phone numbers masked in commands, sub-prompt inputs and outputs alike.
final class TranscriptRecorder {
    /// The path as the user gave it.
    let path: String
    /// The resolved path written (checked against the session's write policy).
    private let destination: String
    private var text = TranscriptFormat.header + "\n"
    private(set) var commandCount = 0

    /// Starts a transcript whose first command sets the interface language in force,
    /// so `run --check` replays it in the language it was made in.
    init(path: String, destination: String, language: Language) throws {
        self.path = path
        self.destination = destination
        let languageLine = "set lang \(language.rawValue)"
        let output = Language.with(language) { Strings.languageInForce(language, source: "set lang") } + "\n"
        text += TranscriptFormat.render(line: languageLine, result: CommandResult(output: output, succeeded: true, subInputs: []))
        try write()
    }

    func record(line: String, result: CommandResult) {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        text += PhoneMasker.masked(TranscriptFormat.render(line: trimmed, result: result))
        commandCount += 1
        try? write()
    }

    func close() throws { try write() }

    private func write() throws {
        do {
            let output = try AtomicFileWriter(destination: destination)
            try output.append(contentsOf: text.utf8)
            try output.commit()
        } catch let error as OpsError {
            throw error
        } catch {
            throw OpsError(SafetyMessages.cannotWriteTranscript(path, String(describing: error)))
        }
    }
}

/// Replays a transcript and compares each command's output with the recorded one.
public struct TranscriptChecker {
    public struct Mismatch {
        public var location: String
        public var command: String
        /// A unified diff, recorded (---) against replayed (+++).
        public var diff: String
    }

    let session: Session

    public init(session: Session) { self.session = session }

    /// Returns the first mismatch, or nil when every output matches.
    public func check(path: String) throws -> (commands: Int, mismatch: Mismatch?) {
        let text = try ScriptSource.text(at: path)
        let entries = TranscriptFormat.parse(text)
        let previousReader = session.lineReader
        defer { session.lineReader = previousReader }
        for (n, entry) in entries.enumerated() {
            var inputs = entry.inputs[...]
            session.lineReader = { _ in inputs.popFirst() }
            let result = session.execute(entry.line)
            var expected = PhoneMasker.masked(entry.output)
            var actual = PhoneMasker.masked(result.output)
            if entry.failed != !result.succeeded {
                expected += entry.failed ? TranscriptFormat.failedMarker + "\n" : ""
                actual += result.succeeded ? "" : TranscriptFormat.failedMarker + "\n"
            }
            if expected != actual {
                let diff = UnifiedDiff.make(
                    old: expected, new: actual, oldLabel: "\(path):\(entry.lineNumber) (recorded)", newLabel: "replayed")
                return (n + 1, Mismatch(location: "\(path):\(entry.lineNumber)", command: entry.line, diff: diff))
            }
        }
        return (entries.count, nil)
    }
}
