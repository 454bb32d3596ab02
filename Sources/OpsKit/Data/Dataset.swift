/// A table of equally long, uniquely named columns: what every command reads and writes.
public struct Dataset: Sendable, Equatable {
    public private(set) var columns: [Column]

    /// Creates a dataset; throws when column lengths differ or names repeat.
    public init(columns: [Column]) throws {
        if let first = columns.first, let bad = columns.first(where: { $0.count != first.count }) {
            throw OpsError(KitText.lengthsDiffer(bad.name, bad.count, first.name, first.count))
        }
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted {
            throw OpsError(KitText.duplicateColumn(column.name))
        }
        self.columns = columns
    }

    /// An empty dataset with no columns.
    public static let empty = try! Dataset(columns: [])

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnNames: [String] { columns.map(\.name) }

    public func index(ofColumn name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The column called `name`, or an error that lists the columns and suggests the closest one.
    public func column(_ name: String, option: String? = nil) throws -> Column {
        if let i = index(ofColumn: name) { return columns[i] }
        throw OpsError.unknownColumn(name, available: columnNames, option: option)
    }

    /// The columns called `names` (a `--columns a,b,c` list), each checked like ``column(_:option:)``.
    public func columns<Names: Sequence<String>>(_ names: Names, option: String? = nil) throws -> [Column] {
        try names.map { try column($0, option: option) }
    }

    /// A dataset holding only the given rows, in the given order.
    public func selecting(rows: [Int]) -> Dataset {
        try! Dataset(columns: columns.map { $0.selecting(rows: rows) })
    }

    /// The first `count` rows.
    public func head(_ count: Int) -> Dataset {
        count >= rowCount ? self : selecting(rows: Array(0..<count))
    }

    /// Adds or replaces a column (same length required).
    public mutating func setColumn(_ column: Column) throws {
        if !columns.isEmpty, column.count != rowCount {
            throw OpsError(KitText.columnLength(column.name, column.count, rows: rowCount))
        }
        if let i = index(ofColumn: column.name) { columns[i] = column } else { columns.append(column) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let c = slice.first, c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, c.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
