import ArgumentParser

/// A rectangle of spreadsheet cells (`--range A1:H500`, or `B2:` for everything
/// from B2 on). Rows and columns are 0-based inside, 1-based and lettered outside.
public struct CellRange: Sendable, Equatable, ExpressibleByArgument {
    public var firstRow: Int, firstColumn: Int
    public var lastRow: Int?, lastColumn: Int?

    public init(firstRow: Int, firstColumn: Int, lastRow: Int? = nil, lastColumn: Int? = nil) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    public init?(argument: String) {
        let parts = argument.uppercased().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let start = parts.first, let (r0, c0) = Self.cell(start) else { return nil }
        firstRow = r0
        firstColumn = c0
        if parts.count == 2, !parts[1].isEmpty {
            guard let (r1, c1) = Self.cell(parts[1]), r1 >= r0, c1 >= c0 else { return nil }
            lastRow = r1
            lastColumn = c1
        }
    }

    public func contains(row: Int, column: Int) -> Bool {
        row >= firstRow && column >= firstColumn && row <= (lastRow ?? .max) && column <= (lastColumn ?? .max)
    }

    /// The 0-based row and column of a reference like `C12`.
    static func cell<S: StringProtocol>(_ text: S) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0, digits = 0
        for b in text.utf8 {
            if b >= 65, b <= 90, digits == 0 {
                column = column * 26 + Int(b - 64)
                letters += 1
            } else if b >= 48, b <= 57, letters > 0 {
                row = row * 10 + Int(b - 48)
                digits += 1
            } else {
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row >= 1, column <= 16384, row <= 1_048_576 else { return nil }
        return (row - 1, column - 1)
    }

    /// The letters of a 0-based column (0 → A, 27 → AB).
    static func letters(_ column: Int) -> String {
        var n = column + 1
        var result = ""
        while n > 0 {
            let r = (n - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + r))) + result
            n = (n - 1) / 26
        }
        return result
    }
}
