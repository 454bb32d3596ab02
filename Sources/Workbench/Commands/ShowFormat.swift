import ArgumentParser
import OpsKit

/// How `show` prints rows: an aligned table for reading, or text to paste into a document.
enum ShowFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns (Chinese characters take two), with the row count.
    case table
    /// A GitHub-style Markdown table, as `export NAME FILE.md` writes it.
    case md
    /// Tab-separated values with a header, as `export NAME FILE.tsv` writes it (`load` reads it back).
    case tsv
}
