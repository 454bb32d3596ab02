import Foundation
import OpsKit

/// Replays a transcript and grades every step against the recording.
public struct TranscriptChecker {
    /// One replayed step and how it compared.
    public struct Step {
        public var location: String
        public var command: String
        public var matched: Bool
        /// Why a volatile step did not hold (figures out of tolerance), when it did not.
        public var reason: String?
        /// A unified diff, recorded (---) against replayed (+++), for a step whose text differs.
        public var diff: String?
    }

    /// The grade: every step, in order.
    public struct Report {
        public var steps: [Step]
        public var matchedCount: Int { steps.filter(\.matched).count }
        public var allMatch: Bool { steps.allSatisfy(\.matched) }
        public var mismatches: [Step] { steps.filter { !$0.matched } }
    }

    let session: Session
    let tolerance: Tolerance

    public init(session: Session, tolerance: Tolerance = .exact) {
        self.session = session
        self.tolerance = tolerance
    }

    /// Replays every step (a difference does not stop the check) and grades each one.
    public func check(path: String) throws -> Report {
        let text = try ScriptSource.text(at: path)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try TranscriptInputs.restore(TranscriptInputs.parse(text), in: session, scratch: scratch)
        let previousReader = session.lineReader
        defer { session.lineReader = previousReader }
        var steps: [Step] = []
        for entry in TranscriptFormat.parse(text) {
            var inputs = entry.inputs[...]
            session.lineReader = { _ in inputs.popFirst() }
            let result = session.execute(entry.line)
            steps.append(grade(entry, result, path: path))
        }
        return Report(steps: steps)
    }

    private func grade(_ entry: TranscriptFormat.Entry, _ result: CommandResult, path: String) -> Step {
        let location = "\(path):\(entry.lineNumber)"
        var step = Step(location: location, command: entry.line, matched: true)
        if let recorded = entry.volatileFigures, entry.failed == !result.succeeded {
            step.reason = volatileMismatch(recorded, result.volatileFigures ?? [:])
            step.matched = step.reason == nil
            return step
        }
        var expected = PhoneMasker.masked(entry.output)
        var actual = PhoneMasker.masked(result.output)
        if entry.failed != !result.succeeded {
            expected += entry.failed ? TranscriptFormat.failedMarker + "\n" : ""
            actual += result.succeeded ? "" : TranscriptFormat.failedMarker + "\n"
        }
        guard !tolerance.accepts(recorded: expected, replayed: actual) else { return step }
        step.matched = false
        step.diff = UnifiedDiff.make(old: expected, new: actual, oldLabel: "\(location) (recorded)", newLabel: "replayed")
        return step
    }

    /// nil when every recorded figure was replayed within tolerance, else which one was not.
    private func volatileMismatch(_ recorded: [String: Double], _ replayed: [String: Double]) -> String? {
        let allowed = tolerance == .exact ? Tolerance.volatileDefault : tolerance
        for name in recorded.keys.sorted() {
            guard let value = replayed[name] else { return Strings.volatileFigureMissing(name) }
            if !allowed.accepts(recorded[name]!, value) {
                return Strings.volatileFigureDiffers(name, recorded: recorded[name]!, replayed: value, tolerance: allowed)
            }
        }
        return nil
    }
}
