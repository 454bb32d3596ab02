import Foundation
import OpsKit

/// Reads one sheet of an .xlsx workbook into a dataset: the first row (of
/// `--range`, else of the used area) names the columns, a merged header cell
/// names every column it covers, and each column takes the type its cells
/// share — numbers (integer when all are whole), dates and datetimes from
/// date styles, booleans, text; text cells follow the same rules as CSV
/// (`"2,703.29"` stored as text is still a number, NA is null).
struct XLSXReader {
    let path: String
    let options: ReadOptions

    func read() throws -> LoadReport {
        do { return try readSheet() } catch let malformed as XMLScanner.Malformed {
            throw XLSXMessages.malformedXML(path, part: options.sheet ?? "xl/", offset: malformed.offset)
        }
    }

    private func readSheet() throws -> LoadReport {
        let package = try XLSXPackage(path: path)
        let workbook = try XLSXWorkbook(package, cancelled: options.cancelled)
        let sheet = try workbook.sheet(options.sheet, path: path)
        guard let data = try package.part(sheet.part, cancelled: options.cancelled) else {
            throw XLSXMessages.damaged(path, detail: sheet.part)
        }
        let grid = try XLSXSheetReader(workbook: workbook, range: options.range, cancelled: options.cancelled).read(data)
        guard let headerRow = grid.rows.first else { throw XLSXMessages.emptySheet(sheet.name, path: path) }
        var warnings: [String] = []
        let raw = headerNames(headerRow, grid: grid)
        let names = try DelimitedReader.uniqueNames(raw, warnings: &warnings, cancelled: options.cancelled)
        for key in options.types.keys where !names.contains(key) {
            throw IOMessages.unknownTypedColumn(key, columns: names)
        }
        let rules = ValueRules(options: options)
        var notes: [String] = []
        var columns: [Column] = []
        for (c, name) in names.enumerated() {
            if options.cancelled() { throw CommandCancelled() }
            let cells = grid.rows.dropFirst().map { $0[c] }
            let place = { (r: Int) in
                "\(path) [\(sheet.name)!\(CellRange.letters(grid.firstColumn + c))\(grid.rowNumbers[r + 1] + 1)]"
            }
            var builder = XLSXColumnBuilder(name: name, cells: cells, rules: rules)
            columns.append(try builder.build(forced: options.types[name], place: place))
            notes += builder.notes
            warnings += builder.warnings
        }
        var report = LoadReport(dataset: try Dataset(columns: columns), warnings: warnings, notes: notes)
        report.sheet = sheet.name
        return report
    }

    /// The header row's text; a merged header cell names each column it spans.
    private func headerNames(_ header: [XLSXCell], grid: XLSXGrid) -> [String] {
        var names = header.map { XLSXColumnBuilder.text(of: $0) ?? "" }
        let headerRow = grid.rowNumbers[0]
        for (r0, c0, r1, c1) in grid.merges where r0 <= headerRow && headerRow <= r1 {
            let first = c0 - grid.firstColumn, last = min(c1 - grid.firstColumn, names.count - 1)
            guard first >= 0, first < last else { continue }
            for c in (first + 1)...last where names[c].isEmpty { names[c] = names[first] }
        }
        return names
    }
}

/// Types one column of sheet cells.
struct XLSXColumnBuilder {
    let name: String
    let cells: [XLSXCell]
    let rules: ValueRules
    private(set) var notes: [String] = []
    private(set) var warnings: [String] = []

    init(name: String, cells: [XLSXCell], rules: ValueRules) {
        self.name = name
        self.cells = cells
        self.rules = rules
    }

    /// The column as `forced`, else as the narrowest type all its cells fit.
    mutating func build(forced: ColumnType?, place: (Int) -> String) throws -> Column {
        let type = forced ?? inferredType()
        var validity = [Bool](repeating: true, count: cells.count)
        var anyNull = false
        func null(_ r: Int) {
            validity[r] = false
            anyNull = true
        }
        let values: ColumnValues
        switch type {
        case .string:
            values = .strings(cells.enumerated().map { r, cell in
                guard let text = Self.text(of: cell), !isNull(cell) else {
                    null(r)
                    return ""
                }
                return text
            })
        case .double:
            var percent = false
            values = .doubles(try cells.enumerated().map { r, cell in
                if isNull(cell) { null(r); return .nan }
                switch cell {
                case .number(let v), .date(let v, _): return v
                case .text(let t):
                    guard let (v, p) = withBytes(t, { rules.double($0, $1, asked: forced != nil) }) else { break }
                    if p { percent = true }
                    return v
                default: break
                }
                throw mismatch(cell, type, place(r))
            })
            if percent { notes.append(IOMessages.percentagesDivided(name)) }
        case .integer:
            values = .integers(try cells.enumerated().map { r, cell in
                if isNull(cell) { null(r); return 0 }
                switch cell {
                case .number(let v) where v == v.rounded() && abs(v) < 9.007_199_254_740_992e15: return Int64(v)
                case .text(let t): if let v = withBytes(t, { rules.integer($0, $1, asked: forced != nil) }) { return v }
                default: break
                }
                throw mismatch(cell, type, place(r))
            })
        case .date, .datetime:
            let withTime = type == .datetime
            values = .integers(try cells.enumerated().map { r, cell in
                if isNull(cell) { null(r); return 0 }
                switch cell {
                case .date(let v, _), .number(let v):
                    if let x = withTime ? ExcelSerial.seconds(v) : ExcelSerial.days(v) { return x }
                case .text(let t):
                    if let x = withBytes(t, { p, n in
                        withTime ? FieldParser.dateTimeOrDate(p, n) ?? rules.dateFormat?.parse(p, n) : FieldParser.date(p, n) ?? rules.dateFormat?.parse(p, n)
                    }) {
                        return x
                    }
                default: break
                }
                throw mismatch(cell, type, place(r))
            })
        case .bool:
            values = .bools(try cells.enumerated().map { r, cell in
                if isNull(cell) { null(r); return false }
                switch cell {
                case .bool(let b): return b
                case .text(let t): if let b = withBytes(t, FieldParser.bool) { return b }
                default: break
                }
                throw mismatch(cell, type, place(r))
            })
        }
        return Column(name: name, type: type, values: values, validity: anyNull ? validity : nil)
    }

    /// The merged kind of every non-null cell (text cells classified like CSV fields).
    private mutating func inferredType() -> ColumnType {
        var kind: FieldParser.Kind?
        var allWhole = true
        for cell in cells where !isNull(cell) {
            let k: FieldParser.Kind
            switch cell {
            case .number(let v):
                k = .double
                if v != v.rounded() || abs(v) >= 9.007_199_254_740_992e15 { allWhole = false }
            case .date(let v, let time): k = time || v != v.rounded() ? .datetime : .date
            case .bool: k = .bool
            case .text(let t):
                k = withBytes(t, { rules.classify($0, $1) }) ?? .string
                if k == .string, withBytes(t, { FieldParser.isBigInteger($0, $1) }) == true, notes.isEmpty {
                    notes.append(IOMessages.bigIntegersKept(name))
                }
                if k == .double { allWhole = false }
            case .empty, .error: continue
            }
            kind = kind.map { $0.merged(with: k) } ?? k
            if kind == .string { return .string }
        }
        guard let kind else { return .string }
        if kind == .double, allWhole { return .integer }
        if kind == .integer { return allWhole ? .integer : .double }
        return kind.columnType
    }

    private func isNull(_ cell: XLSXCell) -> Bool {
        switch cell {
        case .empty, .error: return true
        case .text(let t): return t.isEmpty || withBytes(t, { rules.isNullToken($0, $1) }) == true
        default: return false
        }
    }

    private func mismatch(_ cell: XLSXCell, _ type: ColumnType, _ place: String) -> OpsError {
        let raw = Self.text(of: cell) ?? ""
        return IOMessages.valueNotOfType(
            place, value: raw.count > 60 ? String(raw.prefix(60)) + "…" : raw, column: name, type: type)
    }

    /// A cell shown as text: numbers in their shortest form, dates in ISO form.
    static func text(of cell: XLSXCell) -> String? {
        switch cell {
        case .empty, .error: return nil
        case .text(let t): return t
        case .bool(let b): return b ? "true" : "false"
        case .number(let v):
            return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : DatasetWriter.doubleText(v)
        case .date(let v, let time):
            if time, let s = ExcelSerial.seconds(v) { return CivilDate.string(fromSeconds: s) }
            if let d = ExcelSerial.days(v) { return CivilDate.string(fromDays: d) }
            return DatasetWriter.doubleText(v)
        }
    }

    private func withBytes<T>(_ text: String, _ body: (UnsafePointer<UInt8>, Int) -> T?) -> T? {
        var text = text
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return nil }
            let (p, n) = trimmed(base, utf8.count)
            return n > 0 ? body(p, n) : nil
        }
    }

    private func trimmed(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UnsafePointer<UInt8>, Int) {
        var start = 0, end = n
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        return (p + start, end - start)
    }
}
