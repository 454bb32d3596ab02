import OpsKit

/// A command line as kept in a dataset's provenance, read back: its command words
/// and the values of its options, so a chart can find what the command worked on
/// (`--date`, `--value`, `--features`, `--depot` ...).
struct RecordedCommand {
    let words: [String]
    private let tokens: [String]

    init?(_ line: String?) {
        guard let line, let tokens = try? LineTokenizer.tokenize(line), !tokens.isEmpty else { return nil }
        self.tokens = tokens
        words = Array(tokens.prefix { !$0.hasPrefix("-") }.prefix(2))
    }

    /// Whether the command is `first second` (`segment kmeans`).
    func `is`(_ first: String, _ second: String) -> Bool { words.count >= 2 && words[0] == first && words[1] == second }

    /// The value given to `--name` (`--name VALUE` or `--name=VALUE`), the last one when repeated.
    func option(_ name: String) -> String? {
        var found: String?
        for (i, token) in tokens.enumerated() {
            if token == name, i + 1 < tokens.count { found = tokens[i + 1] }
            if token.hasPrefix(name + "=") { found = String(token.dropFirst(name.count + 1)) }
        }
        return found
    }

    /// A comma-separated option value as a list (`--features a,b,c`).
    func list(_ name: String) -> [String] {
        (option(name) ?? "").split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The first positional argument after the command words (the dataset it read).
    var subject: String? {
        tokens.dropFirst(words.count).first { !$0.hasPrefix("-") }
    }
}

/// A chart ready to place in a page or a file: its title and its SVG document.
struct TitledChart: Equatable {
    var title: String
    var svg: String
}
