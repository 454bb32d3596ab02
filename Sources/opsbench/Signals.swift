import Glibc
import OpsKit
import Synchronization

/// Signals of the interactive shell. The handlers only store atomics (which
/// is async-signal-safe); the line editor and the loop act on what they stored.
///
/// - SIGINT (Ctrl-C) sets ``CancellationFlag/global`` so a running command stops
///   at its next cancellation check, and marks the line being edited as interrupted.
/// - SIGWINCH and SIGCONT mark the display for a resize and redraw.
/// - SIGTERM, SIGHUP and SIGQUIT put the terminal back as it was at start-up
///   (`tcsetattr` is async-signal-safe) and then end the process as they would have.
///
/// While a line is read the handlers are installed without `SA_RESTART`, so the
/// editor's blocking `read` returns `EINTR` and can react at once; while a command
/// runs they restart system calls, so the command's own I/O is not disturbed.
enum Signals {
    private static let interrupted = Atomic<Bool>(false)
    private static let resized = Atomic<Bool>(false)
    private static let savedTerminal = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    private static let terminalSaved = Atomic<Bool>(false)

    /// Installs the handlers (in the "command running" mode).
    static func install() {
        // Initialise the globals the handlers touch before a handler can run.
        CancellationFlag.global.reset()
        interrupted.store(false, ordering: .relaxed)
        resized.store(false, ordering: .relaxed)
        terminalSaved.store(tcgetattr(STDIN_FILENO, savedTerminal) == 0, ordering: .relaxed)
        setMode(readingLine: false)
        for signal in [SIGTERM, SIGHUP, SIGQUIT] {
            install(signal, readingLine: false) { signal in
                if Signals.terminalSaved.load(ordering: .relaxed) { tcsetattr(STDIN_FILENO, TCSANOW, Signals.savedTerminal) }
                var action = sigaction()  // the default action, delivered once this handler returns
                sigemptyset(&action.sa_mask)
                sigaction(signal, &action, nil)
                raise(signal)
            }
        }
    }

    /// Switches between interrupting a blocked read (editing a line) and restarting system calls (running a command).
    static func setMode(readingLine: Bool) {
        install(SIGINT, readingLine: readingLine) { _ in
            Signals.interrupted.store(true, ordering: .relaxed)
            CancellationFlag.global.set()
        }
        install(SIGWINCH, readingLine: readingLine) { _ in Signals.resized.store(true, ordering: .relaxed) }
        install(SIGCONT, readingLine: readingLine) { _ in Signals.resized.store(true, ordering: .relaxed) }
    }

    /// Whether Ctrl-C was pressed since the last call (clears the mark).
    static func takeInterrupt() -> Bool { interrupted.exchange(false, ordering: .relaxed) }

    /// Whether the terminal was resized or the process continued since the last call (clears the mark).
    static func takeResize() -> Bool { resized.exchange(false, ordering: .relaxed) }

    private static func install(_ signal: Int32, readingLine: Bool, handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = readingLine ? 0 : Int32(SA_RESTART)
        sigaction(signal, &action, nil)
    }
}
