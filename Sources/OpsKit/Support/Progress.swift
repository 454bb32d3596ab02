import Foundation

/// A snapshot of a running task's progress.
public struct ProgressState: Sendable {
    public var label: String
    public var completed: Int
    public var total: Int?
    public var detail: String?
    public var elapsed: TimeInterval
}

/// Draws progress (the REPL draws a line on stderr; scripts draw nothing).
public protocol ProgressDisplay: AnyObject {
    func show(_ state: ProgressState)
    func clear()
}

/// Reports progress of one task. Safe to call from several threads; redraws
/// at most ten times a second.
public final class ProgressReporter: @unchecked Sendable {
    private let display: ProgressDisplay?
    private let lock = NSLock()
    private var state: ProgressState
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(label: String, total: Int?, display: ProgressDisplay?) {
        self.display = display
        self.state = ProgressState(label: label, completed: 0, total: total, detail: nil, elapsed: 0)
    }

    /// Adds `count` completed units.
    public func advance(by count: Int = 1, detail: String? = nil) {
        guard display != nil else { return }
        lock.lock()
        state.completed += count
        if let detail { state.detail = detail }
        drawIfDue()
        lock.unlock()
    }

    /// Sets the completed count and optional detail (e.g. `best 784.2`).
    public func update(completed: Int, detail: String? = nil) {
        guard display != nil else { return }
        lock.lock()
        state.completed = completed
        if let detail { state.detail = detail }
        drawIfDue()
        lock.unlock()
    }

    /// Removes the progress line.
    public func finish() {
        lock.lock()
        display?.clear()
        lock.unlock()
    }

    private func drawIfDue() {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        state.elapsed = now.timeIntervalSince(start)
        display?.show(state)
    }
}
