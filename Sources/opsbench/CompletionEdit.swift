import OpsKit
import Workbench

/// What Tab does with the completer's candidates: insert the only one (and a
/// space), extend the word to the candidates' common prefix, or list them.
enum CompletionEdit: Equatable {
    /// No candidate: beep.
    case none
    /// Replace `word` (the end of the text before the cursor) with `text`.
    case replace(word: String, text: String)
    /// Several candidates and nothing more to insert.
    case list([String])

    /// Candidates shown at most; the rest are counted.
    static let listLimit = 200

    /// - Parameter listValue: the word is part of a comma-separated list (`--features a,b`): no space after it.
    init(textBeforeCursor: String, result: Completer.Result, listValue: Bool) {
        let word = String(textBeforeCursor.suffix(result.replacing))
        let candidates = result.candidates
        guard let first = candidates.first else {
            self = .none
            return
        }
        if candidates.count == 1 {
            let ends = first.hasSuffix("/") || listValue ? "" : " "
            self = .replace(word: word, text: LineTokenizer.quote(first) + ends)
            return
        }
        let prefix = candidates.dropFirst().reduce(first) { common, next in
            String(zip(common, next).prefix { $0 == $1 }.map(\.0))
        }
        self = prefix.count > word.count ? .replace(word: word, text: prefix) : .list(candidates)
    }

    /// Whether the word before the cursor is the value of an option that takes
    /// a list of columns (`--features 浏览次数,购买金额`).
    static func isListValue(_ textBeforeCursor: String, registry: CommandRegistry) -> Bool {
        guard var tokens = try? LineTokenizer.tokenize(textBeforeCursor) else { return false }
        if let last = textBeforeCursor.last, !last.isWhitespace, !tokens.isEmpty { tokens.removeLast() }
        guard tokens.count >= 2, let option = tokens.last, option.hasPrefix("-") else { return false }
        let entry = registry.builtin(named: tokens[0]) ?? registry.plugin(named: tokens[0])?.command(named: tokens[1])
        return entry?.descriptor.argument(named: option)?.completesList ?? false
    }

    /// Candidates in columns, filled top to bottom, fitting `width` terminal columns.
    static func layout(_ candidates: [String], width: Int) -> String {
        let shown = Array(candidates.prefix(listLimit))
        let cell = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let columns = max(1, width / max(1, cell))
        let rows = (shown.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += isLast ? shown[index] : DisplayWidth.pad(shown[index], to: cell)
            }
            text += line + "\n"
        }
        if candidates.count > shown.count { text += Strings.moreCandidates(candidates.count - shown.count) + "\n" }
        return text
    }
}
