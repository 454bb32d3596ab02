import ArgumentParser

extension ArgumentHelp {
    /// Help for an option in both languages: `@Option(help: ArgumentHelp(Text.kHelp))`.
    /// The workbench renders the half of the interface language.
    public init(_ text: Localized, valueName: String? = nil) {
        self.init(text.encoded, valueName: valueName)
    }
}
