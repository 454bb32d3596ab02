import Foundation
import OpsKit

/// The transcript format: a runnable script in which each command is followed
/// by its sub-prompt inputs (`#< `), its output (`#| `) and, when it failed, `#! failed`.
enum TranscriptFormat {
    static let header = "# opsbench transcript — replay with: opsbench run --check FILE"
    static let inputPrefix = "#< "
    static let outputPrefix = "#| "
    static let failedMarker = "#! failed"
    /// `#~ volatile cost=812.4 vehicles=6`: the output may differ on replay (a time-limited
    /// search); a check holds it to these figures instead of the text.
    static let volatilePrefix = "#~ volatile"

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
        if let figures = result.volatileFigures { text += volatilePrefix + render(figures) + "\n" }
        return text
    }

    private static func render(_ figures: [String: Double]) -> String {
        figures.keys.sorted().map { " \($0)=\(figures[$0]!)" }.joined()
    }

    static func parseFigures(_ text: Substring) -> [String: Double] {
        var figures: [String: Double] = [:]
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Double(parts[1]) { figures[String(parts[0])] = value }
        }
        return figures
    }

    /// One recorded command.
    struct Entry {
        var line: String
        var lineNumber: Int
        var inputs: [String] = []
        var output = ""
        var failed = false
        var volatileFigures: [String: Double]?
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
            } else if line.hasPrefix(volatilePrefix) {
                if !entries.isEmpty { entries[entries.count - 1].volatileFigures = parseFigures(line.dropFirst(volatilePrefix.count)) }
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

/// Writes a transcript as commands run (`record FILE [--embed]` ... `record stop`),
/// phone numbers masked in commands, sub-prompt inputs and outputs alike.
final class TranscriptRecorder {
    /// The path as the user gave it.
    let path: String
    /// The resolved path written (checked against the session's write policy).
    private let destination: String
    private var body = ""
    private var inputs = ""
    private(set) var commandCount = 0
    /// Datasets that existed when the recording started: the candidates for its inputs.
    private let preexisting: Set<String>
    private let embed: Bool
    private var lines: [String] = []

    /// Starts a transcript whose first command sets the interface language in force,
    /// so `run --check` replays it in the language it was made in.
    init(path: String, destination: String, language: Language, preexisting: Set<String> = [], embed: Bool = false) throws {
        self.path = path
        self.destination = destination
        self.preexisting = preexisting
        self.embed = embed
        let languageLine = "set lang \(language.rawValue)"
        let output = Language.with(language) { Strings.languageInForce(language, source: "set lang") } + "\n"
        body = TranscriptFormat.render(line: languageLine, result: CommandResult(output: output, succeeded: true, subInputs: []))
        try write()
    }

    func record(line: String, result: CommandResult) {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        body += PhoneMasker.masked(TranscriptFormat.render(line: trimmed, result: result))
        lines.append(trimmed)
        commandCount += 1
        try? write()
    }

    /// Notes the datasets the recording read but did not make (embedding small ones with
    /// `--embed`), then writes the transcript a last time.
    func close(workspace: Workspace) throws {
        let names = TranscriptInputs.dependencies(of: lines, among: preexisting)
        inputs = TranscriptInputs.render(try TranscriptInputs.describe(names, in: workspace, embed: embed))
        try write()
    }

    private func write() throws {
        do {
            let output = try AtomicFileWriter(destination: destination)
            try output.append(contentsOf: (TranscriptFormat.header + "\n" + inputs + body).utf8)
            try output.commit()
        } catch let error as OpsError {
            throw error
        } catch {
            throw OpsError(SafetyMessages.cannotWriteTranscript(path, String(describing: error)))
        }
    }
}
