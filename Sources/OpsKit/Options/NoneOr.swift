import ArgumentParser

/// `none`, or a value of another type: `--season auto|none|7,365`.
///
/// ```swift
/// @Option(help: ArgumentHelp(Text.seasonHelp)) var season: AutoOr<NoneOr<CommaList<Bounded<SeasonLength>>>> = .auto
/// ```
public enum NoneOr<Value: ExpressibleByArgument & Sendable>: DescribedValue, CustomStringConvertible {
    case none
    case value(Value)

    public init?(argument: String) {
        if argument.trimmingWhitespace().lowercased() == "none" {
            self = .none
        } else if let value = Value(argument: argument) {
            self = .value(value)
        } else {
            return nil
        }
    }

    /// The value, or nil for `none`.
    public var given: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    public static var valueSpec: ValueSpec {
        var spec = ValueSpecChannel.spec(of: Value.self)
        spec.acceptsNone = true
        return spec
    }

    public static var allValueStrings: [String] {
        Value.allValueStrings.isEmpty ? [] : ["none"] + Value.allValueStrings
    }

    public static var defaultCompletionKind: CompletionKind { .list(valueSpec.completionValues) }

    public var description: String {
        switch self {
        case .none: return "none"
        case .value(let value): return value.defaultValueDescription
        }
    }

    public var defaultValueDescription: String { description }
}

extension NoneOr: Equatable where Value: Equatable {}
