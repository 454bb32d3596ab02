import CLibedit
import Foundation
import OpsKit
import Workbench

/// What reading one line from the terminal gave.
enum LineRead: Equatable {
    case line(String)
    /// Ctrl-C: the line was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case end
}

/// Which history Up, Down and Ctrl-R go through.
enum HistoryKind {
    /// Commands at the `opsbench>` prompt, kept in the history file.
    case commands
    /// Lines typed at a command's own prompt (`ask>`), kept for this session only.
    case input
}

/// The shell's libedit line editor: wide-character editing (Chinese is edited
/// per character), emacs bindings, history persisted to a file, Ctrl-R search
/// and Tab completion through the session's ``Completer``.
///
/// libedit calls back into C functions that cannot capture Swift context; they
/// find this object through `EL_CLIENTDATA`.
final class LineEditor {
    let editor: OpaquePointer
    private let history: OpaquePointer
    private let inputHistory: OpaquePointer
    private(set) var activeHistory: OpaquePointer
    private let historyPath: String
    let completer: Completer
    let registry: CommandRegistry
    private var prompt = LineEditor.wideBuffer("")
    /// The prompt libedit draws (the search changes it while it runs).
    var promptText = "" {
        didSet {
            prompt.deallocate()
            prompt = Self.wideBuffer(promptText)
        }
    }
    private var decoder = mbstate_t()
    /// Screen rows between the start of the prompt and the cursor, as last drawn.
    var displayedCursorRow = 0
    private var interrupted = false
    private var closed = false

    /// Maximum number of lines kept in the history file.
    static let historySize: Int32 = 1000

    /// Sets up libedit on stdin/stdout; nil if the terminal cannot be used.
    init?(session: Session, historyPath: String) {
        Self.prepareLocale()
        guard let editor = el_init("opsbench", stdin, stdout, stderr) else { return nil }
        guard let history = history_winit(), let inputHistory = history_winit() else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.inputHistory = inputHistory
        self.activeHistory = history
        self.historyPath = historyPath
        self.completer = Completer(session: session)
        self.registry = session.registry

        for list in [history, inputHistory] {
            opsbench_history_setsize(list, Self.historySize)
            opsbench_history_setunique(list, 1)
        }
        _ = opsbench_history_load(history, historyPath)

        opsbench_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        opsbench_el_set_editor(editor, "emacs")
        opsbench_el_set_history(editor, history)
        opsbench_el_set_prompt(editor, promptFunction)
        opsbench_el_set_getcfn(editor, readFunction)
        opsbench_el_add_function(editor, "opsbench-complete", "Complete the word before the cursor", completeFunction)
        opsbench_el_add_function(editor, "opsbench-search", "Search the history backwards as you type", searchFunction)
        for (key, function) in Self.bindings { opsbench_el_bind(editor, key, function) }
        _ = opsbench_el_source(editor)  // the user's ~/.editrc may override any of this
    }

    deinit { close() }

    /// Keys beyond libedit's emacs defaults (arrows, Ctrl-A/E/K are built in).
    private static let bindings: [(String, String)] = [
        ("^I", "opsbench-complete"),
        ("^R", "opsbench-search"),
        ("^W", "ed-delete-prev-word"),
        ("\\e[H", "ed-move-to-beg"), ("\\eOH", "ed-move-to-beg"), ("\\e[1~", "ed-move-to-beg"), ("\\e[7~", "ed-move-to-beg"),
        ("\\e[F", "ed-move-to-end"), ("\\eOF", "ed-move-to-end"), ("\\e[4~", "ed-move-to-end"), ("\\e[8~", "ed-move-to-end"),
        ("\\e[3~", "ed-delete-next-char"),
        ("\\e[1;5D", "ed-prev-word"), ("\\e[1;5C", "em-next-word"),
    ]

    /// libedit decodes input with the C locale's character set: use the
    /// user's locale, and UTF-8 when that is not a UTF-8 one (a bare `C`
    /// locale would edit Chinese byte by byte). Numbers keep the C format.
    private static func prepareLocale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        setlocale(LC_NUMERIC, "C")
    }

    /// Reads one line with `prompt`; Up, Down and Ctrl-R go through the history of that `kind`.
    func readLine(prompt text: String, history kind: HistoryKind = .commands) -> LineRead {
        activeHistory = kind == .commands ? history : inputHistory
        opsbench_el_set_history(editor, activeHistory)
        promptText = text
        decoder = mbstate_t()
        interrupted = false
        _ = Signals.takeInterrupt()  // a Ctrl-C that arrived while a command finished
        Signals.setMode(readingLine: true)
        defer { Signals.setMode(readingLine: false) }
        // libedit draws the prompt before it puts the terminal in raw mode; keys typed
        // in between would be echoed twice. Raw mode first closes that gap.
        opsbench_el_prep_term(editor, 1)
        var count: Int32 = 0
        guard let wide = el_wgets(editor, &count) else {
            fputs("\n", stdout)  // leave the abandoned line
            fflush(stdout)
            return interrupted ? .interrupted : .end
        }
        var line = String(wide: wide, count: Int(count))
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to a history, phone numbers masked; commands are saved to the history file at once.
    func remember(_ line: String, in kind: HistoryKind = .commands) {
        let entry = PhoneMasker.masked(line.trimmingWhitespace())
        guard !entry.isEmpty else { return }
        opsbench_history_enter(kind == .commands ? history : inputHistory, entry.wideCString)
        if kind == .commands { _ = opsbench_history_save(history, historyPath) }
    }

    /// Restores the terminal and releases libedit (idempotent).
    func close() {
        guard !closed else { return }
        closed = true
        el_end(editor)
        history_wend(history)
        history_wend(inputHistory)
        prompt.deallocate()
    }

    // MARK: Callbacks

    fileprivate static func owner(of editor: OpaquePointer?) -> LineEditor? {
        guard let editor, let data = opsbench_el_get_clientdata(editor) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    fileprivate var promptPointer: UnsafeMutablePointer<wchar_t> { prompt }

    /// A NUL-terminated wide copy of `text` that stays put while libedit reads it.
    private static func wideBuffer(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let wide = text.wideCString
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: wide.count)
        buffer.initialize(from: wide, count: wide.count)
        return buffer
    }

    /// Reads one character for libedit. A Ctrl-C ends the read with `EINTR`
    /// (libedit then returns no line); a resize or a resume redraws and goes on.
    fileprivate func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var byte: CChar = 0
        while true {
            if interrupted || Signals.takeInterrupt() { return interrupt() }
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 0 { return 0 }
            if count < 0 {
                guard errno == EINTR else { return -1 }
                if Signals.takeResize() {
                    // After a resize, or a resume (Ctrl-Z, fg) that may have left the terminal cooked.
                    opsbench_el_prep_term(editor, 0)
                    opsbench_el_prep_term(editor, 1)
                    el_resize(editor)
                    noteDisplay()  // terminals reflow the line to the new width: find where it starts
                    redraw()
                }
                continue
            }
            var wide: wchar_t = 0
            switch mbrtowc(&wide, &byte, 1, &decoder) {
            case -2:
                continue  // more bytes of this character follow
            case -1:  // not a character: reset and go on
                decoder = mbstate_t()
                character.pointee = 0xFFFD
            default:
                character.pointee = wide
            }
            return 1
        }
    }

    private func interrupt() -> Int32 {
        interrupted = true
        errno = EINTR
        return -1
    }

}

private let promptFunction: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<wchar_t>? = { editor in
    LineEditor.owner(of: editor)?.promptPointer
}

private let readFunction: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = { editor, character in
    guard let owner = LineEditor.owner(of: editor), let character else { return -1 }
    return owner.readCharacter(into: character)
}

private let searchFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
    guard let owner = LineEditor.owner(of: editor) else { return UInt8(CC_ERROR) }
    return HistorySearch.run(in: owner)
}

private let completeFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editor, _ in
    LineEditor.owner(of: editor)?.complete() ?? UInt8(CC_ERROR)
}

extension String {
    /// Decodes `count` wide characters (UTF-32 code points on Linux).
    init(wide start: UnsafePointer<wchar_t>, count: Int) {
        var scalars = String.UnicodeScalarView()
        for i in 0..<Swift.max(0, count) {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: start[i])) ?? "\u{FFFD}")
        }
        self.init(scalars)
    }

    /// The string as a NUL-terminated wide-character array.
    var wideCString: [wchar_t] { unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0] }
}
