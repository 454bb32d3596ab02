import CLibedit
import Foundation
import OpsKit

/// What the shell's own key functions (Tab, Ctrl-R) do to the line being edited.
extension LineEditor {
    /// Tab: completes the word before the cursor, or lists the candidates.
    func complete() -> UInt8 {
        guard let info = el_wline(editor)?.pointee else { return UInt8(CC_ERROR) }
        let before = String(wide: info.buffer, count: info.buffer.distance(to: info.cursor))
        let listValue = CompletionEdit.isListValue(before, registry: registry)
        switch CompletionEdit(textBeforeCursor: before, result: completer.complete(before), listValue: listValue) {
        case .none:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let word, let text):
            el_deletestr(editor, Int32(word.unicodeScalars.count))
            guard el_winsertstr(editor, text.wideCString) == 0 else { return UInt8(CC_REFRESH_BEEP) }
            return UInt8(CC_REFRESH)
        case .list(let candidates):
            let width = Terminal.columns() ?? 80
            fputs("\n" + CompletionEdit.layout(candidates, width: width), stdout)
            fflush(stdout)
            return UInt8(CC_REDISPLAY)
        }
    }

    /// The history being used, newest line first.
    func historyLines() -> [String] {
        var lines: [String] = []
        var entry = opsbench_history_step(activeHistory, H_FIRST)
        while let wide = entry {
            lines.append(String(wide: wide, count: wcslen(wide)))
            entry = opsbench_history_step(activeHistory, H_NEXT)
        }
        return lines
    }

    /// The line being edited and the cursor's position in it (in characters).
    func currentLine() -> (text: String, cursor: Int) {
        guard let info = el_wline(editor)?.pointee else { return ("", 0) }
        let length = info.buffer.distance(to: info.lastchar)
        return (String(wide: info.buffer, count: length), info.buffer.distance(to: info.cursor))
    }

    /// Replaces the line being edited and puts the cursor at `cursor` (in characters).
    func replaceLine(with text: String, cursor: Int) {
        guard let info = el_wline(editor)?.pointee else { return }
        _ = el_cursor(editor, Int32(info.cursor.distance(to: info.lastchar)))
        el_deletestr(editor, Int32(info.buffer.distance(to: info.lastchar)))
        _ = el_winsertstr(editor, text.wideCString)
        _ = el_cursor(editor, Int32(cursor - text.unicodeScalars.count))
    }

    /// The next key typed; nil on Ctrl-C or at the end of input.
    func readKey() -> Unicode.Scalar? {
        var key: wchar_t = 0
        guard el_wgetc(editor, &key) == 1 else { return nil }
        return Unicode.Scalar(UInt32(bitPattern: key))
    }

    /// Puts a key back, for libedit to read next.
    func push(_ key: Unicode.Scalar) { el_wpush(editor, String(key).wideCString) }

    /// Remembers where the cursor is drawn now, for the next ``redraw()``.
    func noteDisplay() {
        let (text, cursor) = currentLine()
        let width = max(1, Terminal.columns() ?? 80)
        let beforeCursor = String(text.unicodeScalars.prefix(cursor))
        displayedCursorRow = (DisplayWidth.of(promptText) + DisplayWidth.of(beforeCursor)) / width
    }

    /// Redraws the prompt and the line from scratch. libedit's refresh assumes
    /// the cursor is where the prompt starts, so go there and clear below first.
    func redraw() {
        let up = displayedCursorRow > 0 ? "\u{1B}[\(displayedCursorRow)A" : ""
        fputs(up + "\r\u{1B}[J", stdout)
        opsbench_el_refresh(editor)
        noteDisplay()
    }
}
