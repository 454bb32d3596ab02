import ArgumentParser
import OpsKit

/// How `show` prints rows: an aligned table for reading, or text to paste into a document.
enum ShowFormat: String, ChoiceOption {
    case table, md, tsv

    var help: Localized {
        switch self {
        case .table: return Localized(en: "aligned columns, for reading", zh: "对齐表格，便于阅读")
        case .md: return Localized(en: "a Markdown table to paste into a document", zh: "可粘贴进文档的 Markdown 表格")
        case .tsv: return Localized(en: "tab-separated, for a spreadsheet (load reads it back)", zh: "制表符分隔，可粘贴进电子表格（load 可读回）")
        }
    }
}
