import Foundation
import ArgumentParser
import OpsKit

/// How far a replayed number may be from the recorded one and still match:
/// `|a - b| <= max(absolute, relative * max(|a|, |b|))`.
public struct Tolerance: Sendable, Equatable {
    public var relative: Double
    public var absolute: Double

    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// Exact comparison.
    public static let exact = Tolerance(relative: 0, absolute: 0)
    /// What a volatile step (a time-limited search) is held to when no `--tolerance` is given.
    public static let volatileDefault = Tolerance(relative: 0.02, absolute: 0)

    /// Parses `--tolerance`: `1e-6` (relative), `rel=0.01,abs=0.5`, or `abs=0.001`.
    public init?(argument: String) {
        var relative = 0.0, absolute = 0.0
        for part in argument.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let value: Double?
            switch pieces.count {
            case 1: value = Double(pieces[0]); relative = value ?? -1
            case 2 where pieces[0] == "rel": value = Double(pieces[1]); relative = value ?? -1
            case 2 where pieces[0] == "abs": value = Double(pieces[1]); absolute = value ?? -1
            default: return nil
            }
            guard let value, value.isFinite, value >= 0, value < 1e12 else { return nil }
        }
        self.init(relative: relative, absolute: absolute)
    }

    public func accepts(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        guard a.isFinite, b.isFinite else { return false }
        return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
    }

    /// Whether two outputs are equal once every number in them is compared with this
    /// tolerance: the text between numbers must be identical, and there must be as many numbers.
    public func accepts(recorded: String, replayed: String) -> Bool {
        if recorded == replayed { return true }
        guard self != .exact else { return false }
        let a = NumberTokens(recorded), b = NumberTokens(replayed)
        guard a.text == b.text, a.numbers.count == b.numbers.count else { return false }
        return zip(a.numbers, b.numbers).allSatisfy { accepts($0, $1) }
    }
}

/// A text split into its numbers and the text around them (numbers replaced by `#`).
struct NumberTokens {
    private(set) var text = ""
    private(set) var numbers: [Double] = []

    init(_ source: String) {
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if let value = Double(current.replacingOccurrences(of: ",", with: "")) {
                numbers.append(value)
                text += "#"
            } else {
                text += current
            }
            current = ""
        }
        var previous: Character = " "
        for character in source {
            let startsNumber = character.isASCII && (character.isNumber || (character == "-" && !previous.isNumber))
            let continuesNumber = character.isASCII && (character.isNumber || character == "." || character == ","
                || character == "e" || character == "E" || ((character == "-" || character == "+") && (previous == "e" || previous == "E")))
            if current.isEmpty ? startsNumber : continuesNumber {
                current.append(character)
            } else {
                flush()
                text.append(character)
            }
            previous = character
        }
        flush()
    }
}

extension Tolerance: ExpressibleByArgument {}

extension Tolerance: CustomStringConvertible {
    /// The `--tolerance` spelling of the non-zero parts (`rel=0.01,abs=0.5`).
    public var description: String {
        var parts: [String] = []
        if relative > 0 { parts.append("rel=\(ValueFormat.double(relative))") }
        if absolute > 0 || relative == 0 { parts.append("abs=\(ValueFormat.double(absolute))") }
        return parts.joined(separator: ",")
    }
}
