import Foundation
import OpsKit
import Workbench

/// Where the shell's command lines come from: the line editor or plain stdin.
protocol CommandLineSource: AnyObject {
    /// The next command (lines ending in `\` joined with the following ones), or nil at end of input.
    func nextCommand() -> String?
    /// One line for a command's sub-prompt (`ask> `); nil ends the conversation.
    func readInput(prompt: String) -> String?
}

/// Joins a line ending in `\` with the next one, as scripts do.
func joinContinuation(_ line: String, _ next: String) -> String {
    String(line.dropLast()) + " " + next.trimmingWhitespace()
}

/// Commands typed at a terminal, edited with libedit.
final class EditorLineSource: CommandLineSource {
    private let editor: LineEditor

    init(editor: LineEditor) { self.editor = editor }

    func nextCommand() -> String? {
        while true {
            switch editor.readLine(prompt: Strings.prompt) {
            case .end: return nil
            case .interrupted: continue
            case .line(let first):
                guard let command = continued(first) else { continue }
                editor.remember(command)
                return command
            }
        }
    }

    /// Reads continuation lines; nil when Ctrl-C discards the whole command.
    private func continued(_ first: String) -> String? {
        var line = first
        while LineTokenizer.continues(line) {
            switch editor.readLine(prompt: Strings.continuationPrompt) {
            case .line(let next): line = joinContinuation(line, next)
            case .interrupted: return nil
            case .end: return String(line.dropLast())
            }
        }
        return line
    }

    func readInput(prompt: String) -> String? {
        guard case .line(let line) = editor.readLine(prompt: prompt, history: .input) else { return nil }
        editor.remember(line, in: .input)
        return line
    }
}

/// Commands read from stdin when it is not a terminal (`opsbench < script`): no prompts.
final class PlainLineSource: CommandLineSource {
    func nextCommand() -> String? {
        guard var line = Swift.readLine() else { return nil }
        while LineTokenizer.continues(line) {
            guard let next = Swift.readLine() else { return String(line.dropLast()) }
            line = joinContinuation(line, next)
        }
        return line
    }

    func readInput(prompt: String) -> String? { Swift.readLine() }
}

/// The read-run loop shared by the interactive shell and `opsbench < script`.
struct Shell {
    let session: Session
    let source: CommandLineSource
    /// Re-read the terminal's width before each command (it may have been resized).
    let followsTerminal: Bool

    /// Runs commands until the input ends or `quit`; returns whether every command succeeded.
    func run() -> Bool {
        session.lineReader = { [source] prompt in source.readInput(prompt: prompt) }
        var allSucceeded = true
        while !session.quitRequested, let line = source.nextCommand() {
            if followsTerminal { session.style = Terminal.outputStyle() }
            if !session.execute(line).succeeded { allSucceeded = false }
            Language.current = session.language  // `set lang` also switches the shell's own messages
        }
        return allSucceeded
    }
}
