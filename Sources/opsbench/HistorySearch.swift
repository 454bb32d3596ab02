import CLibedit
import Foundation

/// Ctrl-R: searches the history backwards as the user types, character by
/// character. libedit's own `em-inc-search-prev` looks each key up in a table
/// indexed by byte, so a Chinese character ends its search; this one does not.
///
/// Typing extends the query, Ctrl-R finds an older match, Backspace shortens
/// the query, Ctrl-G or Ctrl-C gives the original line back, and any other
/// key (Enter, arrows, Ctrl-A ...) keeps the match and does its usual job.
struct HistorySearch {
    private let editor: LineEditor
    /// Newest first.
    private let lines: [String]
    private let original: (text: String, cursor: Int)
    private var query = ""
    private var index = 0
    private var failed = false

    /// Runs a search; returns what libedit should do next.
    static func run(in editor: LineEditor) -> UInt8 {
        var search = HistorySearch(editor: editor)
        let prompt = editor.promptText
        defer { editor.promptText = prompt }
        return search.interact()
    }

    private init(editor: LineEditor) {
        self.editor = editor
        lines = editor.historyLines()
        original = editor.currentLine()
    }

    private mutating func interact() -> UInt8 {
        editor.noteDisplay()
        while true {
            editor.promptText = Strings.historySearchPrompt(query, failed: failed)
            editor.redraw()
            guard let key = editor.readKey(), key != "\u{07}" else {  // Ctrl-C, end of input, Ctrl-G
                editor.replaceLine(with: original.text, cursor: original.cursor)
                return UInt8(CC_REDISPLAY)
            }
            switch key {
            case "\u{12}":
                find(from: index + 1)
            case "\u{7F}", "\u{08}":
                if !query.isEmpty { query.removeLast() }
                find(from: 0)
            case _ where key.value >= 0x20:
                query.unicodeScalars.append(key)
                find(from: index)
            default:  // Enter, arrows, Ctrl-A ...: libedit does the key's job on the match
                editor.push(key)
                return UInt8(CC_REDISPLAY)
            }
        }
    }

    /// Shows the first line at or after `start` that contains the query (the previous match stays when none does).
    private mutating func find(from start: Int) {
        guard !query.isEmpty else {
            failed = false
            index = 0
            return editor.replaceLine(with: original.text, cursor: original.cursor)
        }
        guard let found = lines.indices.dropFirst(start).first(where: { lines[$0].contains(query) }),
            let range = lines[found].range(of: query)
        else {
            failed = true
            return
        }
        failed = false
        index = found
        editor.replaceLine(with: lines[found], cursor: lines[found][..<range.lowerBound].unicodeScalars.count)
    }
}
