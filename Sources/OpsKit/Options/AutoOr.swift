import ArgumentParser

/// `auto`, or a value of another type: `--k auto|N`, `--freq auto|D|W|M`.
///
/// ```swift
/// @Option(help: ArgumentHelp(Text.kHelp)) var k: AutoOr<Bounded<ClusterCount>> = .auto
/// switch k { case .auto: sweep(); case .value(let n): fit(n.value) }
/// ```
public enum AutoOr<Value: ExpressibleByArgument & Sendable>: DescribedValue, CustomStringConvertible {
    case auto
    case value(Value)

    public init?(argument: String) {
        if argument.trimmingWhitespace().lowercased() == "auto" {
            self = .auto
        } else if let value = Value(argument: argument) {
            self = .value(value)
        } else {
            return nil
        }
    }

    /// The value, or nil for `auto`.
    public var fixed: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    public var isAuto: Bool { fixed == nil }

    public static var valueSpec: ValueSpec {
        var spec = ValueSpecChannel.spec(of: Value.self)
        spec.acceptsAuto = true
        return spec
    }

    public static var allValueStrings: [String] {
        Value.allValueStrings.isEmpty ? [] : ["auto"] + Value.allValueStrings
    }

    public static var defaultCompletionKind: CompletionKind { .list(valueSpec.completionValues) }

    public var description: String {
        switch self {
        case .auto: return "auto"
        case .value(let value): return value.defaultValueDescription
        }
    }

    public var defaultValueDescription: String { description }
}

extension AutoOr: Equatable where Value: Equatable {}
