/// Renders rows as an aligned plain-text table whose columns line up in a
/// terminal even with Chinese text; long cells are cut with `…`.
public struct TableRenderer {
    public enum Alignment: Sendable { case left, right }

    /// Total width the table should fit in; cells are cut to share it.
    public var maxWidth: Int
    /// Longest a single cell may be, in columns.
    public var maxCellWidth: Int

    public init(maxWidth: Int = 100, maxCellWidth: Int = 40) {
        self.maxWidth = maxWidth
        self.maxCellWidth = maxCellWidth
    }

    /// A dataset's first `maxRows` rows, numbers right-aligned, then `(N rows)`.
    public func render(_ dataset: Dataset, maxRows: Int = 20) -> String {
        let shown = min(maxRows, dataset.rowCount)
        let rows = (0..<shown).map { row in dataset.columns.map { cell($0, row) } }
        let alignments = dataset.columns.map { $0.type.isNumeric ? Alignment.right : .left }
        var text = render(headers: dataset.columnNames, rows: rows, alignments: alignments)
        let rowWord = dataset.rowCount == 1 ? "row" : "rows"
        if shown < dataset.rowCount {
            text += "… \(dataset.rowCount - shown) more (\(dataset.rowCount) \(rowWord) × \(dataset.columns.count) columns)\n"
        } else {
            text += "(\(dataset.rowCount) \(rowWord))\n"
        }
        return text
    }

    private func cell(_ column: Column, _ row: Int) -> String {
        if column.isNull(row) { return "null" }
        if case .doubles(let v) = column.values {
            let value = v[row]
            if value == value.rounded(), abs(value) < 1e12 { return ValueFormat.double(value) }
            return ValueFormat.fixed(value, digits: abs(value) >= 1000 ? 2 : 4)
        }
        return column.formatted(at: row).replacingNewlines()
    }

    /// Rows of text under a header line and a rule.
    public func render(headers: [String], rows: [[String]], alignments: [Alignment]? = nil) -> String {
        let columnCount = headers.count
        var widths = headers.map { min(DisplayWidth.of($0), maxCellWidth) }
        for row in rows {
            for (i, value) in row.enumerated() where i < columnCount {
                widths[i] = max(widths[i], min(DisplayWidth.of(value), maxCellWidth))
            }
        }
        shrink(&widths)
        let aligns = alignments ?? Array(repeating: .left, count: columnCount)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columnCount {
                let value = DisplayWidth.truncate(i < cells.count ? cells[i] : "", to: widths[i])
                parts.append(DisplayWidth.pad(value, to: widths[i], rightAligned: aligns[i] == .right))
            }
            return parts.joined(separator: "  ").trailingSpacesRemoved() + "\n"
        }
        var text = line(headers)
        text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) }
        return text
    }

    /// Narrows the widest columns until the table fits `maxWidth`.
    private func shrink(_ widths: inout [Int]) {
        let separators = max(0, widths.count - 1) * 2
        while widths.reduce(0, +) + separators > maxWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 6 else { return }
            widths[widest] -= 1
        }
    }
}

extension String {
    func trailingSpacesRemoved() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    func replacingNewlines() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? "⏎" : ($0 == "\t" ? " " : $0) })
    }
}
