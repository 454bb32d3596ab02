import OpsKit

/// The sentences of the workshop commands: `show --format`, `chart`, `report`, `lesson`.
enum WorkshopMessages {
    // MARK: show --format

    static var showFormatHelp: Localized {
        Localized(
            en: "How to print the rows.", zh: "行的输出格式。")
    }
}
