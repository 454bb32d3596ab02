import Foundation
import OpsKit

/// The process's standard streams: whether they are terminals, their width,
/// and unbuffered writes.
enum Terminal {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns of the terminal on `descriptor`, or nil when it is not one.
    static func columns(of descriptor: Int32 = STDOUT_FILENO) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// How command output should look: for a person on a terminal, plain otherwise.
    static func outputStyle() -> OutputStyle {
        guard stdoutIsTerminal else { return .plain }
        return OutputStyle(isTerminal: true, width: columns() ?? OutputStyle.plain.width)
    }

    /// Writes all of `text` to a descriptor (retrying short writes and EINTR).
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    static func writeError(_ text: String) { write(text, to: STDERR_FILENO) }
}

/// Command output to the process's stdout, written as it is produced.
///
/// It goes through the C `stdout` stream, which libedit also draws on, so the
/// two never overtake each other. A progress line on the same terminal is
/// cleared first, so output never lands after it.
final class StandardOutput: OutputSink {
    private let progress: TerminalProgress?

    init(progress: TerminalProgress? = nil) { self.progress = progress }

    func write(_ text: String) {
        progress?.clear()
        fputs(text, stdout)
        fflush(stdout)
    }
}
