import ArgumentParser

/// A range of whole numbers typed as `LOW-HIGH` (`2-10`; `2~10` too), both ends
/// within the ``RangeSpec`` and the first not above the second:
///
/// ```swift
/// enum KRangeBound: RangeSpec { static let range = ValueRange(2...100_000) }
/// @Option(name: .customLong("k-range"), help: ArgumentHelp(Text.kRangeHelp)) var kRange = IntegerRange<KRangeBound>(2...10)
/// ... kRange.range
/// ```
///
/// Its spec (kind ``ValueSpec/Kind/integerRange``) lets the workbench report a malformed,
/// reversed or out-of-range value with the option, the value and the form expected.
public struct IntegerRange<Spec: RangeSpec>: DescribedValue, CustomStringConvertible, Hashable where Spec.Bound == Int {
    public let range: ClosedRange<Int>

    /// A range known to be allowed (defaults in declarations). Outside the spec is a programming error.
    public init(_ range: ClosedRange<Int>) {
        precondition(Spec.range.contains(range.lowerBound) && Spec.range.contains(range.upperBound),
                     "default \(range) is outside the declared range of \(Spec.self)")
        self.range = range
    }

    public init?(argument: String) {
        guard let (low, high) = ValueSpec.integerRange(argument), low <= high,
              Spec.range.contains(low), Spec.range.contains(high) else { return nil }
        range = low...high
    }

    public static var valueSpec: ValueSpec { ValueSpec(kind: .integerRange, range: Spec.range.numeric) }
    public var lowerBound: Int { range.lowerBound }
    public var upperBound: Int { range.upperBound }
    public var description: String { "\(range.lowerBound)-\(range.upperBound)" }
    public var defaultValueDescription: String { description }
}
