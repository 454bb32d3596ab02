import OpsKit

/// How `load` reads a file.
public struct ReadOptions {
    /// Field delimiter; `nil` means by extension (`.tsv` → tab) or sniffed from the header line.
    public var delimiter: Character?
    /// Column types that override inference (`--types col=type`).
    public var types: [String: ColumnType]

    public init(delimiter: Character? = nil, types: [String: ColumnType] = [:]) {
        self.delimiter = delimiter
        self.types = types
    }
}

/// A dataset read from a file, and what the user should know about it.
public struct LoadReport {
    public var dataset: Dataset
    /// For example renamed duplicate column names.
    public var warnings: [String]
}
