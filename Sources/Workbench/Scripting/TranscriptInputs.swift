import Foundation
import OpsKit

/// A dataset a recording read but did not make: where it came from, a content
/// checksum, and (with `record FILE --embed`) its rows, so `run --check` can rebuild it.
struct TranscriptInput: Equatable {
    var name: String
    var rows: Int
    var checksum: String
    /// The command that made it (`load users examples/users.csv`), from its provenance.
    var origin: String?
    /// The dataset as CSV, when embedded.
    var csv: String?
}

/// Finding, writing, reading and rebuilding a transcript's inputs.
///
/// In the file they are comment lines after the header, so a transcript stays a runnable script:
/// `#@ input users rows=1200 checksum=9f3a… origin=load users examples/users.csv`,
/// then for an embedded one `#@ data users`, its CSV as `#@| ` lines, and `#@ end`.
enum TranscriptInputs {
    static let inputPrefix = "#@ input "
    static let dataPrefix = "#@ data "
    static let rowPrefix = "#@| "
    static let endMarker = "#@ end"
    /// Inputs up to this size (as CSV) are embedded by `record --embed`.
    static let embedLimit = 1 << 20

    /// The names among `existing` that the recorded lines mention: a dataset is an input
    /// when a line names it as a word (a command argument, or a table in `sql`).
    static func dependencies(of lines: [String], among existing: Set<String>) -> [String] {
        var found = Set<String>()
        for line in lines {
            for word in line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
                let name = String(word)
                if existing.contains(name) { found.insert(name) }
            }
        }
        return found.sorted()
    }

    /// The inputs of a recording, read from the workspace, embedded when asked and small enough.
    static func describe(_ names: [String], in workspace: Workspace, embed: Bool) throws -> [TranscriptInput] {
        try names.map { name in
            let dataset = try workspace.dataset(named: name)
            let csv = try csvText(of: dataset)
            return TranscriptInput(
                name: name, rows: dataset.rowCount, checksum: checksum(csv),
                origin: workspace.entry(named: name)?.provenance?.command,
                csv: embed && csv.utf8.count <= embedLimit ? csv : nil)
        }
    }

    static func render(_ inputs: [TranscriptInput]) -> String {
        inputs.map { input in
            var text = inputPrefix + "\(input.name) rows=\(input.rows) checksum=\(input.checksum)"
            if let origin = input.origin { text += " origin=" + origin.replacingOccurrences(of: "\n", with: " ") }
            text += "\n"
            if let csv = input.csv {
                text += dataPrefix + input.name + "\n"
                for line in csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                    text += rowPrefix + line + "\n"
                }
                text += endMarker + "\n"
            }
            return text
        }.joined()
    }

    static func parse(_ text: String) -> [TranscriptInput] {
        var inputs: [TranscriptInput] = []
        var embedding: Int?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if let index = embedding {
                if line == endMarker { embedding = nil } else if line.hasPrefix(rowPrefix) {
                    inputs[index].csv = (inputs[index].csv ?? "") + line.dropFirst(rowPrefix.count) + "\n"
                }
            } else if line.hasPrefix(inputPrefix), let input = parseInput(line.dropFirst(inputPrefix.count)) {
                inputs.append(input)
            } else if line.hasPrefix(dataPrefix) {
                embedding = inputs.lastIndex { $0.name == line.dropFirst(dataPrefix.count) }
            }
        }
        return inputs
    }

    private static func parseInput(_ text: Substring) -> TranscriptInput? {
        let (head, origin) = text.range(of: " origin=").map { (text[..<$0.lowerBound], String(text[$0.upperBound...])) }
            ?? (text, nil)
        let words = head.split(separator: " ")
        guard let name = words.first else { return nil }
        var fields: [String: String] = [:]
        for word in words.dropFirst() {
            let pair = word.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let rows = fields["rows"].flatMap(Int.init), let checksum = fields["checksum"] else { return nil }
        return TranscriptInput(name: String(name), rows: rows, checksum: checksum, origin: origin)
    }

    /// Makes every input present with the recorded content before a replay: kept when the
    /// workspace already holds it, else loaded from its embedded rows, else rebuilt by its
    /// `load` origin when that file exists. Throws, before anything is replayed, naming each
    /// input that cannot be had and how to get it.
    static func restore(_ inputs: [TranscriptInput], in session: Session, scratch: URL) throws {
        var missing: [String] = []
        for input in inputs {
            if try matches(input, in: session.workspace) { continue }
            if let csv = input.csv {
                let file = scratch.appendingPathComponent("input-\(input.name).csv")
                try csv.write(to: file, atomically: true, encoding: .utf8)
                session.executeQuietly("load \(input.name) \(LineTokenizer.quote(file.path))")
            } else if let origin = input.origin, origin.hasPrefix("load ") {
                session.executeQuietly(origin)
            }
            if try !matches(input, in: session.workspace) { missing.append(Strings.missingInput(input)) }
        }
        guard missing.isEmpty else {
            throw OpsError(Strings.missingInputs(missing), hint: Strings.missingInputsHint)
        }
    }

    private static func matches(_ input: TranscriptInput, in workspace: Workspace) throws -> Bool {
        guard workspace.datasetNames.contains(input.name) else { return false }
        return checksum(try csvText(of: try workspace.dataset(named: input.name))) == input.checksum
    }

    /// The dataset as the CSV `export` writes (the form a checksum and an embedding use).
    static func csvText(of dataset: Dataset) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-input-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try DatasetWriter.writeCSV(dataset, to: file.path)
        return try String(contentsOf: file, encoding: .utf8)
    }

    /// 64-bit FNV-1a of the text, as 16 hex digits: a content fingerprint, not a security hash.
    static func checksum(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
