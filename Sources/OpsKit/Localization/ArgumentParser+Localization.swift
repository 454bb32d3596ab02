import ArgumentParser

extension ArgumentHelp {
    /// Help for an option in both languages: `@Option(help: ArgumentHelp(Text.kHelp))`.
    /// The workbench renders the half of the interface language.
    public init(_ text: Localized, valueName: String? = nil) {
        self.init(text.encoded, valueName: valueName)
    }
}

/// `--lang zh|en` and `set lang zh|en` (also `zh_CN`, `chinese`, `中文`, `english`).
extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(identifier: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
