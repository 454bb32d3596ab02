import OpsKit

/// The commands a session ran, what they printed and what they stored, for `report`.
/// A `source` line is represented by the commands its script ran; comments and blank lines are left out.
public struct SessionLog: Sendable {
    /// One command.
    public struct Entry: Sendable, Equatable {
        public var line: String
        public var output: String
        public var succeeded: Bool
        /// The datasets it stored, in order.
        public var stored: [String]
    }

    /// Output kept per command; a report shows the start of a longer one.
    static let outputLimit = 64 * 1024
    /// Commands kept; a longer session keeps its latest ones.
    static let entryLimit = 2000

    public private(set) var entries: [Entry] = []
    public var count: Int { entries.count }
    /// Commands logged so far, including any no longer kept (tells whether a command ran others).
    public private(set) var appended = 0

    mutating func append(line: String, result: CommandResult, stored: [String]) {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
        var output = result.output
        if output.utf8.count > Self.outputLimit {
            output = String(decoding: output.utf8.prefix(Self.outputLimit), as: UTF8.self) + "\n…\n"
        }
        appended += 1
        entries.append(
            Entry(line: PhoneMasker.masked(trimmed), output: PhoneMasker.masked(output), succeeded: result.succeeded, stored: stored))
        if entries.count > Self.entryLimit { entries.removeFirst(entries.count - Self.entryLimit) }
    }
}
