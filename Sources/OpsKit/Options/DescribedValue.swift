import ArgumentParser
import Foundation

/// An option value type that says what it accepts as a ``ValueSpec``.
///
/// All types of the vocabulary conform. A type of your own conforms by giving
/// `valueSpec` and `init?(argument:)`; the spec then reaches help, completion,
/// the descriptor and the workbench's value checks, which run before the
/// value is parsed and report `--opt must be … (got …)` with a hint.
public protocol DescribedValue: ExpressibleByArgument, Sendable {
    static var valueSpec: ValueSpec { get }
}

extension DescribedValue {
    /// Publishes the spec through argument-parser's dump of the declaration
    /// (the only public description of a command's arguments).
    public static var allValueDescriptions: [String: String] { ValueSpecChannel.descriptions(valueSpec) }
}

/// How a ``ValueSpec`` travels inside argument-parser's `allValueDescriptions`:
/// under one reserved key, JSON-encoded. Readers take it out with ``spec(from:)``;
/// every other key is a real value description.
public enum ValueSpecChannel {
    public static let key = "\u{1E}opsbench-value-spec"

    public static func descriptions(_ spec: ValueSpec) -> [String: String] {
        var result: [String: String] = [:]
        for choice in spec.choices { if let help = choice.help { result[choice.value] = help.encoded } }
        if let data = try? JSONEncoder().encode(spec), let json = String(data: data, encoding: .utf8) { result[key] = json }
        return result
    }

    /// The spec in a dump's `allValueDescriptions`, if the value type published one.
    public static func spec(from descriptions: [String: String]?) -> ValueSpec? {
        guard let json = descriptions?[key], let data = json.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(ValueSpec.self, from: data)
    }

    /// The spec of any argument-parser value type: published, or inferred for `Int`, `Double` and `String`.
    public static func spec(of type: Any.Type) -> ValueSpec {
        if let described = type as? any DescribedValue.Type { return described.valueSpec }
        if type == Int.self || type == Int64.self || type == UInt64.self { return .integer }
        if type == Double.self { return .number }
        return .text
    }
}
