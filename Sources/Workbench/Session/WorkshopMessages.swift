import OpsKit

/// The sentences of the workshop commands: `show --format`, `chart`, `report`, `lesson`.
enum WorkshopMessages {
    // MARK: show --format

    static var showFormatHelp: Localized {
        Localized(
            en: "table (aligned, for reading), md (a Markdown table to paste into a document) or tsv (tab-separated, for a spreadsheet).",
            zh: "table（对齐表格，便于阅读）、md（可粘贴进文档的 Markdown 表格）或 tsv（制表符分隔，可粘贴进电子表格）。")
    }
}
