import Foundation

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
    /// Nulls show as `nullText`.
    /// `totalRows` is the size of the whole dataset when `dataset` holds only its first rows.
    public func render(_ dataset: Dataset, maxRows: Int = 20, nullText: String = "null", totalRows: Int? = nil) -> String {
        let shown = min(maxRows, dataset.rowCount)
        let total = totalRows ?? dataset.rowCount
        let digits = dataset.columns.map { decimals(of: $0, rows: shown) }
        let rows = (0..<shown).map { row in
            dataset.columns.indices.map { cell(dataset.columns[$0], row, digits: digits[$0], nullText: nullText) }
        }
        let alignments = dataset.columns.map { $0.type.isNumeric ? Alignment.right : .left }
        var text = render(headers: dataset.columnNames, rows: rows, alignments: alignments)
        if shown < total {
            text += KitText.moreRows(total - shown, total: total, columns: dataset.columns.count) + "\n"
        } else {
            text += KitText.rowCount(total) + "\n"
        }
        return text
    }

    private func cell(_ column: Column, _ row: Int, digits: Int, nullText: String) -> String {
        if column.isNull(row) { return nullText }
        if case .doubles(let v) = column.values, v[row].isFinite, abs(v[row]) < 1e15 {
            return ValueFormat.fixed(v[row], digits: digits)
        }
        return column.formatted(at: row)
    }

    /// Decimals shown for a double column: as many as the shown values need, at most 4
    /// (2 when the values are large), the same for every row so the points line up.
    private func decimals(of column: Column, rows: Int) -> Int {
        guard case .doubles(let values) = column.values else { return 0 }
        var needed = 0
        var largest = 0.0
        for row in 0..<rows where !column.isNull(row) && values[row].isFinite {
            let value = values[row]
            largest = max(largest, abs(value))
            while needed < 4 {
                let scale = pow(10.0, Double(needed))
                if abs((value * scale).rounded() - value * scale) < 1e-9 * max(1, abs(value * scale)) { break }
                needed += 1
            }
        }
        return largest >= 1000 ? min(needed, 2) : needed
    }

    /// Rows of text under a header line and a rule. A table wider than
    /// `maxWidth` is split into blocks of columns, each repeating the first column.
    /// Control characters in headers and cells are shown as visible symbols (``VisibleText``).
    public func render(headers rawHeaders: [String], rows rawRows: [[String]], alignments: [Alignment]? = nil) -> String {
        let headers = rawHeaders.map { VisibleText.escaped($0) }
        let rows = rawRows.map { $0.map { VisibleText.escaped($0) } }
        let aligns = alignments ?? Array(repeating: .left, count: headers.count)
        var widths = headers.map { min(DisplayWidth.of($0), maxCellWidth) }
        for row in rows {
            for (i, value) in row.enumerated() where i < headers.count {
                widths[i] = max(widths[i], min(DisplayWidth.of(value), maxCellWidth))
            }
        }
        return columnBlocks(widths).map { block in
            renderBlock(block, headers: headers, rows: rows, widths: widths, alignments: aligns)
        }.joined(separator: "\n")
    }

    /// Groups column indices so that each group fits `maxWidth`; later groups start with column 0.
    private func columnBlocks(_ widths: [Int]) -> [[Int]] {
        guard widths.reduce(0, +) + max(0, widths.count - 1) * 2 > maxWidth, widths.count > 1 else {
            return [Array(widths.indices)]
        }
        var blocks: [[Int]] = []
        var current = [0]
        var used = widths[0]
        for i in 1..<widths.count {
            if used + 2 + widths[i] > maxWidth, current.count > 1 {
                blocks.append(current)
                current = [0]
                used = widths[0]
            }
            current.append(i)
            used += 2 + widths[i]
        }
        blocks.append(current)
        return blocks
    }

    private func renderBlock(
        _ block: [Int], headers: [String], rows: [[String]], widths allWidths: [Int], alignments: [Alignment]
    ) -> String {
        var widths = block.map { allWidths[$0] }
        shrink(&widths)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (k, i) in block.enumerated() {
                let value = DisplayWidth.truncate(i < cells.count ? cells[i] : "", to: widths[k])
                parts.append(DisplayWidth.pad(value, to: widths[k], rightAligned: alignments[i] == .right))
            }
            return parts.joined(separator: "  ").trailingSpacesRemoved() + "\n"
        }
        var text = line(headers)
        text += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) }
        return text
    }

    /// Narrows the widest columns until the block fits `maxWidth`.
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
}
