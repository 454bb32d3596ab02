import ArgumentParser

/// A span of time typed as `500ms`, `5s`, `2m`, `1h` or a plain number of seconds.
///
/// Use it directly (`var timeout: DurationValue?`, any positive span) or with a
/// range (`Bounded<TimeLimitRange>` with `ValueRange<DurationValue>`).
public struct DurationValue: DescribedValue, RangeBound, CustomStringConvertible, Hashable {
    public let seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    public static func milliseconds(_ n: Double) -> Self { Self(seconds: n / 1000) }
    public static func minutes(_ n: Double) -> Self { Self(seconds: n * 60) }

    /// Parses `500ms`, `5s`, `2m`, `1h`, `1.5s`, `10`; nil for anything else or a span ≤ 0.
    public init?(argument: String) {
        let text = argument.trimmingWhitespace().lowercased()
        let units: [(suffix: String, scale: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var value: Double?
        for unit in units where text.hasSuffix(unit.suffix) {
            if let number = Double(text.dropLast(unit.suffix.count)) { value = number * unit.scale }
            break
        }
        if value == nil, let number = Double(text) { value = number }
        guard let value, value.isFinite, value > 0 else { return nil }
        self.seconds = value
    }

    public init?(bound text: String) { self.init(argument: text) }

    public static var kind: ValueSpec.Kind { .duration }
    public static var valueSpec: ValueSpec {
        ValueSpec(kind: .duration, range: NumericRange(lower: 0, lowerInclusive: false, upper: nil))
    }
    public var rangeValue: Double { seconds }
    public var duration: Duration { .milliseconds(Int64((seconds * 1000).rounded())) }

    /// The shortest exact spelling: `500ms`, `5s`, `2m`, `1.5h`.
    public var description: String {
        if seconds < 1 { return Self.trim(seconds * 1000) + "ms" }
        if seconds >= 3600, (seconds / 3600).rounded() == seconds / 3600 { return Self.trim(seconds / 3600) + "h" }
        if seconds >= 60, (seconds / 60).rounded() == seconds / 60 { return Self.trim(seconds / 60) + "m" }
        return Self.trim(seconds) + "s"
    }

    public var defaultValueDescription: String { description }
    public static func < (a: Self, b: Self) -> Bool { a.seconds < b.seconds }

    private static func trim(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
