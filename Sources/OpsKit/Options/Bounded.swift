import ArgumentParser

/// A number type a ``Bounded`` value can hold: `Int`, `Double` or ``DurationValue``.
public protocol RangeBound: Comparable, Sendable {
    static var kind: ValueSpec.Kind { get }
    init?(bound text: String)
    /// The value as a plain number (seconds for durations), for ranges and messages.
    var rangeValue: Double { get }
}

extension Int: RangeBound {
    public static var kind: ValueSpec.Kind { .integer }
    public init?(bound text: String) { self.init(text) }
    public var rangeValue: Double { Double(self) }
}

extension Double: RangeBound {
    public static var kind: ValueSpec.Kind { .number }
    public init?(bound text: String) {
        guard let value = Double(text), value.isFinite else { return nil }
        self = value
    }
    public var rangeValue: Double { self }
}

/// Names the allowed values of a ``Bounded`` option: `enum ClusterCount: RangeSpec { static let range = ValueRange(1...10_000) }`.
public protocol RangeSpec: Sendable {
    associatedtype Bound: RangeBound
    static var range: ValueRange<Bound> { get }
}

/// Bounds on a number, each inclusive or not, either absent.
public struct ValueRange<Bound: RangeBound>: Sendable {
    public var lower: Bound?
    public var lowerInclusive: Bool
    public var upper: Bound?
    public var upperInclusive: Bool

    public init(lower: Bound?, lowerInclusive: Bool = true, upper: Bound?, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// `low...high`, both ends allowed.
    public init(_ closed: ClosedRange<Bound>) { self.init(lower: closed.lowerBound, upper: closed.upperBound) }

    public static func atLeast(_ low: Bound) -> Self { Self(lower: low, upper: nil) }
    public static func greaterThan(_ low: Bound) -> Self { Self(lower: low, lowerInclusive: false, upper: nil) }
    /// Strictly between `low` and `high` (`0 < x < 100`).
    public static func between(exclusive low: Bound, _ high: Bound) -> Self {
        Self(lower: low, lowerInclusive: false, upper: high, upperInclusive: false)
    }

    public func contains(_ value: Bound) -> Bool { numeric.contains(value.rangeValue) }

    /// The range as data (durations in seconds).
    public var numeric: NumericRange {
        NumericRange(lower: lower?.rangeValue, lowerInclusive: lowerInclusive, upper: upper?.rangeValue, upperInclusive: upperInclusive)
    }
}

/// A number option whose allowed range is part of its type, so argument-parser
/// parses it, help and the descriptor show the range, and the workbench
/// reports `--k must be between 1 and 10000 (got -1)`:
///
/// ```swift
/// enum ClusterCount: RangeSpec { static let range = ValueRange(1...10_000) }
/// @Option(help: ArgumentHelp(Text.kHelp)) var k: Bounded<ClusterCount> = 8
/// ... k.value
/// ```
public struct Bounded<Spec: RangeSpec>: DescribedValue, Comparable, CustomStringConvertible {
    public let value: Spec.Bound

    /// A value known to be in range (defaults in declarations). Out of range is a programming error.
    public init(_ value: Spec.Bound) {
        precondition(Spec.range.contains(value), "default \(value) is outside the declared range of \(Spec.self)")
        self.value = value
    }

    /// Nil when `value` is out of range.
    public init?(checking value: Spec.Bound) {
        guard Spec.range.contains(value) else { return nil }
        self.value = value
    }

    public init?(argument: String) {
        guard let parsed = Spec.Bound(bound: argument.trimmingWhitespace()) else { return nil }
        self.init(checking: parsed)
    }

    public static var valueSpec: ValueSpec { ValueSpec(kind: Spec.Bound.kind, range: Spec.range.numeric) }
    public var description: String { "\(value)" }
    public var defaultValueDescription: String { description }
    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}

extension Bounded: ExpressibleByIntegerLiteral where Spec.Bound: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Spec.Bound.IntegerLiteralType) { self.init(Spec.Bound(integerLiteral: value)) }
}

extension Bounded: ExpressibleByFloatLiteral where Spec.Bound == Double {
    public init(floatLiteral value: Double) { self.init(value) }
}

// MARK: Ranges every plugin needs

/// Whole numbers ≥ 1 (counts, sizes, iterations).
public enum Positive: RangeSpec { public static let range = ValueRange<Int>.atLeast(1) }
/// Whole numbers ≥ 0.
public enum NonNegative: RangeSpec { public static let range = ValueRange<Int>.atLeast(0) }
/// Numbers > 0 (capacities, costs, rates).
public enum PositiveNumber: RangeSpec { public static let range = ValueRange<Double>.greaterThan(0) }
/// Numbers ≥ 0 (tolerances, weights).
public enum NonNegativeNumber: RangeSpec { public static let range = ValueRange<Double>.atLeast(0) }
/// Numbers from 0 to 1 (thresholds, fractions, blends).
public enum UnitInterval: RangeSpec { public static let range = ValueRange<Double>(0...1) }
/// Percentages strictly between 0 and 100 (interval levels).
public enum OpenPercent: RangeSpec { public static let range = ValueRange<Double>.between(exclusive: 0, 100) }

public typealias PositiveInt = Bounded<Positive>
public typealias NonNegativeInt = Bounded<NonNegative>
public typealias PositiveDouble = Bounded<PositiveNumber>
public typealias NonNegativeDouble = Bounded<NonNegativeNumber>
public typealias Fraction = Bounded<UnitInterval>
