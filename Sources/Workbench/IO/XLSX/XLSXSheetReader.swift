import Foundation
import OpsKit

/// One cell of a worksheet as Excel typed it.
enum XLSXCell {
    case empty
    case number(Double)
    /// A number shown through a date style: its serial, and whether the style shows a time.
    case date(Double, time: Bool)
    case text(String)
    case bool(Bool)
    /// An error value such as `#DIV/0!` (read as null).
    case error(String)
}

/// The cells of a worksheet inside a range: rows that hold at least one value
/// (empty and trailing rows are left out), each padded to the widest row,
/// plus the sheet's merged areas.
struct XLSXGrid {
    /// `rows[r][c]`; `rowNumbers[r]` is the sheet's 0-based row of `rows[r]`.
    var rows: [[XLSXCell]] = []
    var rowNumbers: [Int] = []
    var firstColumn = 0
    var width = 0
    /// Merged areas as (first row, first column, last row, last column), 0-based sheet coordinates.
    var merges: [(Int, Int, Int, Int)] = []
}

/// Reads a worksheet part (`xl/worksheets/sheet1.xml`) into an ``XLSXGrid``.
struct XLSXSheetReader {
    let workbook: XLSXWorkbook
    let range: CellRange?
    let cancelled: () -> Bool

    /// The largest sheet Excel makes.
    static let maxRows = 1_048_576

    func read(_ data: Data) throws -> XLSXGrid {
        try data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            var grid = XLSXGrid()
            var row: [(Int, XLSXCell)] = []
            var rowNumber = -1
            var minColumn = Int.max, maxColumn = -1
            // The cell being read.
            var column = -1
            var cellType: UInt8 = UInt8(ascii: "n")
            var style = 0
            var value = ""
            var inValue = false, inInline = false, inText = false
            var phonetic = 0
            var pendingRows: [[(Int, XLSXCell)]] = []
            func finishRow() {
                guard !row.isEmpty else { return }
                for (c, _) in row {
                    minColumn = min(minColumn, c)
                    maxColumn = max(maxColumn, c)
                }
                grid.rowNumbers.append(rowNumber)
                pendingRows.append(row)
                row = []
            }
            while let event = try scanner.next() {
                switch event {
                case .start(let name, let attributes, let empty):
                    if scanner.matches(name, "c") {
                        column = scanner.attribute("r", in: attributes).flatMap { Self.column(of: $0, scanner) } ?? column + 1
                        cellType = scanner.attribute("t", in: attributes).map { scanner.bytes[$0.lowerBound] } ?? UInt8(ascii: "n")
                        if let t = scanner.attribute("t", in: attributes), t.count >= 2, scanner.bytes[t.lowerBound] == UInt8(ascii: "s"),
                            scanner.bytes[t.lowerBound + 1] == UInt8(ascii: "t")
                        {
                            cellType = UInt8(ascii: "S")  // "str": a formula's text result
                        }
                        style = scanner.attribute("s", in: attributes).flatMap { Int(scanner.text($0)) } ?? 0
                        value = ""
                    } else if scanner.matches(name, "v") {
                        inValue = !empty
                    } else if scanner.matches(name, "is") {
                        inInline = !empty
                    } else if scanner.matches(name, "t"), inInline {
                        inText = !empty
                    } else if scanner.matches(name, "rPh") {
                        phonetic += empty ? 0 : 1
                    } else if scanner.matches(name, "row") {
                        finishRow()
                        rowNumber = scanner.attribute("r", in: attributes).flatMap { Int(scanner.text($0)) }.map { $0 - 1 }
                            ?? rowNumber + 1
                        guard rowNumber < Self.maxRows else { throw XLSXMessages.tooManyRows(rowNumber + 1) }
                        column = -1
                        if rowNumber & 4095 == 0, cancelled() { throw CommandCancelled() }
                    } else if scanner.matches(name, "mergeCell"), let ref = scanner.string("ref", in: attributes) {
                        let parts = ref.split(separator: ":")
                        if parts.count == 2, let a = CellRange.cell(parts[0]), let b = CellRange.cell(parts[1]) {
                            grid.merges.append((a.row, a.column, b.row, b.column))
                        }
                    }
                case .end(let name):
                    if scanner.matches(name, "c") {
                        if range?.contains(row: rowNumber, column: column) ?? true, let cell = cell(cellType, style, value),
                            !(isEmpty(cell))
                        {
                            row.append((column, cell))
                        }
                    } else if scanner.matches(name, "v") {
                        inValue = false
                    } else if scanner.matches(name, "is") {
                        inInline = false
                    } else if scanner.matches(name, "t") {
                        inText = false
                    } else if scanner.matches(name, "rPh") {
                        phonetic -= 1
                    } else if scanner.matches(name, "sheetData") {
                        finishRow()
                    }
                case .text(let r):
                    if inValue || inText && phonetic == 0 { value += scanner.text(r) }
                case .cdata(let r):
                    if inValue || inText && phonetic == 0 { value += String(decoding: scanner.bytes[r], as: UTF8.self) }
                }
            }
            finishRow()
            guard maxColumn >= 0 else { return grid }
            grid.firstColumn = minColumn
            grid.width = maxColumn - minColumn + 1
            grid.rows = pendingRows.map { cells in
                var dense = [XLSXCell](repeating: .empty, count: grid.width)
                for (c, cell) in cells { dense[c - minColumn] = cell }
                return dense
            }
            return grid
        }
    }

    private func isEmpty(_ cell: XLSXCell) -> Bool {
        if case .empty = cell { return true }
        if case .text(let s) = cell, s.isEmpty { return true }
        return false
    }

    /// The typed cell for a `t` attribute, a style index and the text of `<v>` or `<is>`.
    private func cell(_ type: UInt8, _ style: Int, _ value: String) -> XLSXCell? {
        switch type {
        case UInt8(ascii: "s"):
            guard let index = Int(value), index >= 0, index < workbook.sharedStrings.count else { return .empty }
            return .text(workbook.sharedStrings[index])
        case UInt8(ascii: "i"), UInt8(ascii: "S"): return .text(value)
        case UInt8(ascii: "b"): return value.isEmpty ? .empty : .bool(value == "1" || value == "true")
        case UInt8(ascii: "e"): return .error(value)
        case UInt8(ascii: "d"): return value.isEmpty ? .empty : .text(value)  // ISO 8601 date cell
        default:
            guard !value.isEmpty, let number = Double(value) else { return value.isEmpty ? .empty : .text(value) }
            let numberStyle = style < workbook.styles.count ? workbook.styles[style] : .number
            switch numberStyle {
            case .number: return .number(number)
            case .date: return .date(number + (workbook.date1904 ? 1462 : 0), time: false)
            case .datetime: return .date(number + (workbook.date1904 ? 1462 : 0), time: true)
            }
        }
    }

    /// The 0-based column of a cell reference like `AB12`.
    private static func column(of range: Range<Int>, _ scanner: XMLScanner) -> Int? {
        var column = 0
        var letters = 0
        for i in range {
            let b = scanner.bytes[i]
            guard b >= 65, b <= 90 else { break }
            column = column * 26 + Int(b - 64)
            letters += 1
        }
        return letters > 0 && letters <= 3 ? column - 1 : nil
    }
}
