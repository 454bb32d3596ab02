import Foundation
import OpsKit

/// What a workbook says about its sheets and cells: sheet names and parts,
/// the shared strings, which cell styles are dates (and which have times),
/// and the 1904 date system.
struct XLSXWorkbook {
    struct Sheet {
        let name: String
        let part: String
    }

    /// How a cell style shows numbers.
    enum NumberStyle { case number, date, datetime }

    let sheets: [Sheet]
    let sharedStrings: [String]
    let styles: [NumberStyle]
    let date1904: Bool

    init(_ package: XLSXPackage, cancelled: () -> Bool) throws {
        guard let workbook = try package.part("xl/workbook.xml") else {
            throw XLSXMessages.notAWorkbook(package.path, entries: [])
        }
        let relations = try package.part("xl/_rels/workbook.xml.rels").map(Self.relations) ?? [:]
        (sheets, date1904) = try Self.sheets(workbook, relations: relations, path: package.path)
        sharedStrings = try package.part("xl/sharedStrings.xml", cancelled: cancelled).map {
            try Self.sharedStrings($0, cancelled: cancelled)
        } ?? []
        styles = try package.part("xl/styles.xml").map(Self.styles) ?? []
    }

    /// The sheet `--sheet` names (a name, any letter case, or a 1-based number); the first without one.
    func sheet(_ wanted: String?, path: String) throws -> Sheet {
        guard let first = sheets.first else { throw XLSXMessages.noSheets(path) }
        guard let wanted else { return first }
        if let exact = sheets.first(where: { $0.name == wanted }) { return exact }
        if let folded = sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) { return folded }
        if let number = Int(wanted), number >= 1, number <= sheets.count { return sheets[number - 1] }
        throw XLSXMessages.unknownSheet(wanted, path: path, sheets: sheets.map(\.name))
    }

    // MARK: Parts

    private static func relations(_ data: Data) throws -> [String: String] {
        try data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            var result: [String: String] = [:]
            while let event = try scanner.next() {
                guard case .start(let name, let attributes, _) = event, scanner.matches(name, "Relationship"),
                    let id = scanner.string("Id", in: attributes), let target = scanner.string("Target", in: attributes)
                else { continue }
                result[id] = target
            }
            return result
        }
    }

    private static func sheets(
        _ data: Data, relations: [String: String], path: String
    ) throws -> ([Sheet], Bool) {
        try data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            var sheets: [Sheet] = []
            var date1904 = false
            while let event = try scanner.next() {
                guard case .start(let name, let attributes, _) = event else { continue }
                if scanner.matches(name, "workbookPr") {
                    let flag = scanner.string("date1904", in: attributes)
                    date1904 = flag == "1" || flag == "true"
                } else if scanner.matches(name, "sheet"), let sheetName = scanner.string("name", in: attributes) {
                    let id = scanner.string("id", in: attributes) ?? ""
                    var target = relations[id] ?? "worksheets/sheet\(sheets.count + 1).xml"
                    if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
                    sheets.append(Sheet(name: sheetName, part: target))
                }
            }
            return (sheets, date1904)
        }
    }

    /// Each `<si>`: the text of its `<t>` runs, phonetic runs (`<rPh>`) left out.
    private static func sharedStrings(_ data: Data, cancelled: () -> Bool) throws -> [String] {
        try data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            var strings: [String] = []
            var current = ""
            var inText = false
            var phonetic = 0
            while let event = try scanner.next() {
                switch event {
                case .start(let name, _, let empty):
                    if scanner.matches(name, "si") {
                        current = ""
                        if empty { strings.append("") }
                    } else if scanner.matches(name, "t") {
                        inText = !empty
                    } else if scanner.matches(name, "rPh") {
                        phonetic += empty ? 0 : 1
                    }
                case .end(let name):
                    if scanner.matches(name, "si") {
                        strings.append(current)
                        if strings.count & 8191 == 0, cancelled() { throw CommandCancelled() }
                    } else if scanner.matches(name, "t") {
                        inText = false
                    } else if scanner.matches(name, "rPh") {
                        phonetic -= 1
                    }
                case .text(let range):
                    if inText, phonetic == 0 { current += scanner.text(range) }
                case .cdata(let range):
                    if inText, phonetic == 0 { current += String(decoding: raw.bindMemory(to: UInt8.self)[range], as: UTF8.self) }
                }
            }
            return strings
        }
    }

    /// The number style of each cell format (`<cellXfs>`), from its number format.
    private static func styles(_ data: Data) throws -> [NumberStyle] {
        try data.withUnsafeBytes { raw in
            var scanner = XMLScanner(raw.bindMemory(to: UInt8.self))
            var custom: [Int: NumberStyle] = [:]
            var styles: [NumberStyle] = []
            var inCellFormats = false
            while let event = try scanner.next() {
                switch event {
                case .start(let name, let attributes, let empty):
                    if scanner.matches(name, "numFmt"), let id = scanner.string("numFmtId", in: attributes).flatMap({ Int($0) }),
                        let code = scanner.string("formatCode", in: attributes)
                    {
                        custom[id] = numberStyle(code: code)
                    } else if scanner.matches(name, "cellXfs") {
                        inCellFormats = !empty
                    } else if inCellFormats, scanner.matches(name, "xf") {
                        let id = scanner.string("numFmtId", in: attributes).flatMap { Int($0) } ?? 0
                        styles.append(custom[id] ?? builtInStyle(id))
                    }
                case .end(let name):
                    if scanner.matches(name, "cellXfs") { inCellFormats = false }
                default: break
                }
            }
            return styles
        }
    }

    /// Excel's built-in number formats that show dates (14–17, 22, 27–36 and 50–58 in CJK locales) or times.
    static func builtInStyle(_ id: Int) -> NumberStyle {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...22, 32, 33, 45...47: return .datetime
        default: return .number
        }
    }

    /// A custom format shows a date when it uses y, m, d (or 年 月 日) outside quotes and brackets; with h or s, a time too.
    static func numberStyle(code: String) -> NumberStyle {
        var hasDate = false, hasTime = false
        var inQuote = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuote.toggle()
            } else if inQuote {
                continue
            } else if character == "[" {
                inBracket = true
            } else if character == "]" {
                inBracket = false
            } else if !inBracket {
                if "ydm年月日".contains(character) { hasDate = true }
                if "hs".contains(character) { hasTime = true }
            }
        }
        if hasTime { return .datetime }
        return hasDate ? .date : .number
    }
}
