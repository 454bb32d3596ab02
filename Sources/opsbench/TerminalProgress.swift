import Foundation
import OpsKit

/// Draws a command's progress as one line on stderr, redrawn in place:
/// `label  1,200/5,000  24%  0:03  400/s  detail`. Used only when stderr is a terminal.
final class TerminalProgress: ProgressDisplay, @unchecked Sendable {
    private let lock = NSLock()
    private var visible = false

    /// A progress display when stderr is a terminal; nil otherwise (progress stays silent).
    static func forStandardError() -> TerminalProgress? { Terminal.stderrIsTerminal ? TerminalProgress() : nil }

    func show(_ state: ProgressState) {
        let width = (Terminal.columns(of: STDERR_FILENO) ?? 80) - 1
        let line = DisplayWidth.truncate(Self.format(state), to: max(10, width))
        lock.withLock {
            Terminal.writeError("\r\u{1B}[K" + line)
            visible = true
        }
    }

    /// Removes the line (output written next starts on a clean line; the next update draws it again).
    func clear() {
        lock.withLock {
            guard visible else { return }
            Terminal.writeError("\r\u{1B}[K")
            visible = false
        }
    }

    /// The text of a progress line.
    static func format(_ state: ProgressState) -> String {
        var parts = [state.label]
        if let total = state.total, total > 0 {
            parts.append("\(count(state.completed))/\(count(total))")
            parts.append("\(min(100, state.completed * 100 / total))%")
        } else {
            parts.append(count(state.completed))
        }
        parts.append(duration(state.elapsed))
        if state.elapsed > 0 { parts.append(rate(Double(state.completed) / state.elapsed)) }
        if let detail = state.detail, !detail.isEmpty { parts.append(detail) }
        return parts.joined(separator: "  ")
    }

    /// 1234567 → "1,234,567".
    private static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Seconds as "4.2s", "1:05" or "1:02:05".
    private static func duration(_ seconds: TimeInterval) -> String {
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let total = Int(seconds)
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// Units per second as "850/s", "12.5k/s", "3.1M/s".
    private static func rate(_ perSecond: Double) -> String {
        switch perSecond {
        case 1_000_000...: return String(format: "%.1fM/s", perSecond / 1_000_000)
        case 10_000...: return String(format: "%.0fk/s", perSecond / 1000)
        case 1000...: return String(format: "%.1fk/s", perSecond / 1000)
        case 10...: return String(format: "%.0f/s", perSecond)
        default: return String(format: "%.1f/s", perSecond)
        }
    }
}
