import OpsKit

/// How `load` reads a file.
public struct ReadOptions {
    /// Field delimiter; `nil` means by extension (`.tsv` → tab) or sniffed from the header line.
    public var delimiter: Character?
    /// Column types that override inference (`--types col=type`).
    public var types: [String: ColumnType]
    /// The file's encoding (`--encoding`); `nil` means detected.
    public var encoding: TextEncoding?
    /// Unquoted field values read as null (`--null`); the empty field always is.
    public var nullTokens: [String]
    /// The decimal mark of numbers (`--decimal`): `.` (thousands `,`) or `,` (thousands `.` or space).
    public var decimalComma: Bool
    /// An explicit pattern for date and datetime text (`--date-format %d.%m.%Y`).
    public var dateFormat: DatePattern?
    /// The sheet of an .xlsx workbook (`--sheet`): a name, or a 1-based number; `nil` is the first.
    public var sheet: String?
    /// The cells of the sheet to read (`--range A1:H500`); `nil` is the used area.
    public var range: CellRange?
    /// Polled in long loops (a FIFO that never sends, a huge file): true stops the read.
    public var cancelled: () -> Bool
    /// Bytes of text `load` tokenizes and converts at a time (small in tests, to cross block boundaries).
    var blockSize = 4 << 20

    /// The null tokens when `--null` is not given.
    public static let defaultNullTokens = ["NA", "N/A", "NULL", "null", "-", "无"]

    public init(
        delimiter: Character? = nil, types: [String: ColumnType] = [:], encoding: TextEncoding? = nil,
        nullTokens: [String] = ReadOptions.defaultNullTokens, decimalComma: Bool = false,
        dateFormat: DatePattern? = nil, sheet: String? = nil, range: CellRange? = nil,
        cancelled: @escaping () -> Bool = { false }
    ) {
        self.delimiter = delimiter
        self.types = types
        self.encoding = encoding
        self.nullTokens = nullTokens
        self.decimalComma = decimalComma
        self.dateFormat = dateFormat
        self.sheet = sheet
        self.range = range
        self.cancelled = cancelled
    }
}

/// A dataset read from a file, and what the user should know about it.
public struct LoadReport {
    public var dataset: Dataset
    /// For example renamed duplicate column names, or the day/month order chosen for ambiguous dates.
    public var warnings: [String]
    /// Facts about how values were read (percentages divided by 100, big integers kept as text).
    public var notes: [String] = []
    /// How the text was decoded (`nil` for .xlsx, whose XML is always Unicode).
    public var encoding: EncodingChoice?
    /// The sheet read from a workbook.
    public var sheet: String?
}
