import ArgumentParser

/// An option whose value is one of a fixed set, each with its own help:
///
/// ```swift
/// enum ScalingMethod: String, ChoiceOption {
///     case standard, minmax, robust, log1p, none
///     var help: Localized {
///         switch self {
///         case .standard: return .init(en: "subtract the mean, divide by the standard deviation", zh: "减均值、除以标准差")
///         ...
///         }
///     }
/// }
/// @Option(help: ArgumentHelp(Text.scaleHelp)) var scale: ScalingMethod = .standard
/// ```
///
/// Values match case-insensitively and through ``aliases``; help lists each
/// value with its help, completion offers them, and a mistyped value gets
/// "did you mean". The raw value is the spelling users type.
public protocol ChoiceOption: DescribedValue, CaseIterable, RawRepresentable, Hashable where RawValue == String {
    /// One line about this value, in both languages.
    var help: Localized { get }
    /// Other spellings accepted for a value (`kmeans++` for `k-means++`).
    static var aliases: [String: Self] { get }
}

extension ChoiceOption {
    public static var aliases: [String: Self] { [:] }

    public init?(argument: String) {
        let lowered = argument.trimmingWhitespace().lowercased()
        if let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) {
            self = match
        } else if let alias = Self.aliases.first(where: { $0.key.lowercased() == lowered })?.value {
            self = alias
        } else {
            return nil
        }
    }

    public static var valueSpec: ValueSpec {
        ValueSpec(
            kind: .choice,
            choices: allCases.map { value in
                ValueSpec.Choice(value.rawValue, help: value.help, aliases: aliases.filter { $0.value == value }.map(\.key).sorted())
            })
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public static var allValueDescriptions: [String: String] { ValueSpecChannel.descriptions(valueSpec) }
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    public var defaultValueDescription: String { rawValue }
}
