import Foundation
import OpsKit
import ZIPFoundation

/// Writes datasets as an .xlsx workbook, one sheet per dataset: a header row,
/// then typed cells — numbers, booleans, dates and datetimes as date-styled
/// serials, text as inline strings — zipped by ZIPFoundation. The file is
/// made under a temporary name and renamed into place.
enum XLSXWriter {
    static func write(_ datasets: [(name: String, dataset: Dataset)], to path: String) throws {
        let temporary = AtomicFileWriter.temporaryName(for: path)
        let url = URL(fileURLWithPath: temporary)
        do {
            let archive = try Archive(url: url, accessMode: .create)
            let sheetNames = uniqueSheetNames(datasets.map(\.name))
            try add(contentTypes(sheets: datasets.count), "[Content_Types].xml", to: archive)
            try add(rootRelations, "_rels/.rels", to: archive)
            try add(workbook(sheetNames), "xl/workbook.xml", to: archive)
            try add(workbookRelations(sheets: datasets.count), "xl/_rels/workbook.xml.rels", to: archive)
            try add(styles, "xl/styles.xml", to: archive)
            for (k, item) in datasets.enumerated() {
                try add(sheet(item.dataset), "xl/worksheets/sheet\(k + 1).xml", to: archive)
            }
        } catch let error as OpsError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw IOMessages.cannotWrite(path, errno: errno == 0 ? EIO : errno)
        }
        try AtomicFileWriter.install(temporary, at: path)
    }

    private static func add(_ text: [UInt8], _ name: String, to archive: Archive) throws {
        let data = Data(text)
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            bufferSize: 1 << 20
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private static func add(_ text: String, _ name: String, to archive: Archive) throws {
        try add(Array(text.utf8), name, to: archive)
    }

    // MARK: Parts

    /// Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`, unique ignoring case.
    static func uniqueSheetNames(_ names: [String]) -> [String] {
        var taken = Set<String>()
        return names.map { name in
            var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if base.isEmpty { base = "Sheet" }
            var candidate = base
            var k = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = "_\(k)"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                k += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static func contentTypes(sheets: Int) -> String {
        let sheetTypes = (1...sheets).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(sheetTypes)</Types>
            """
    }

    private static var rootRelations: String {
        header + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """
    }

    private static func workbook(_ names: [String]) -> String {
        let sheets = names.enumerated().map { k, name in
            "<sheet name=\"\(escape(name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
        }.joined()
        return header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipNS)\"><sheets>\(sheets)</sheets></workbook>"
    }

    private static func workbookRelations(sheets: Int) -> String {
        let items = (1...sheets).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(relationshipNS)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        let styles = "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationshipNS)/styles\" Target=\"styles.xml\"/>"
        return header
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(items)\(styles)</Relationships>"
    }

    /// Style 0 general, 1 a date (yyyy-mm-dd), 2 a datetime (yyyy-mm-dd hh:mm:ss), 3 the header (bold).
    private static var styles: String {
        header + """
            <styleSheet xmlns="\(main)"><numFmts count="2">\
            <numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/>\
            </numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """
    }

    /// One worksheet: the header row in bold, then a row per dataset row; nulls are left out.
    private static func sheet(_ dataset: Dataset) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(64 + dataset.rowCount * dataset.columns.count * 16)
        out += Array((header + "<worksheet xmlns=\"\(main)\"><sheetData>").utf8)
        let letters = dataset.columns.indices.map { CellRange.letters($0) }
        out += Array("<row r=\"1\">".utf8)
        for (c, name) in dataset.columnNames.enumerated() {
            out += Array("<c r=\"\(letters[c])1\" s=\"3\" t=\"inlineStr\"><is><t>\(escape(name))</t></is></c>".utf8)
        }
        out += Array("</row>".utf8)
        for row in 0..<dataset.rowCount {
            let r = row + 2
            out += Array("<row r=\"\(r)\">".utf8)
            for (c, column) in dataset.columns.enumerated() where !column.isNull(row) {
                let ref = "\(letters[c])\(r)"
                switch column.values {
                case .strings(let v):
                    out += Array("<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(v[row]))</t></is></c>".utf8)
                case .doubles(let v):
                    if v[row].isFinite {
                        out += Array("<c r=\"\(ref)\"><v>\(DatasetWriter.doubleText(v[row]))</v></c>".utf8)
                    } else {
                        out += Array("<c r=\"\(ref)\" t=\"e\"><v>#NUM!</v></c>".utf8)
                    }
                case .bools(let v):
                    out += Array("<c r=\"\(ref)\" t=\"b\"><v>\(v[row] ? 1 : 0)</v></c>".utf8)
                case .integers(let v):
                    switch column.type {
                    case .date:
                        out += Array("<c r=\"\(ref)\" s=\"1\"><v>\(serialText(ExcelSerial.serial(days: v[row])))</v></c>".utf8)
                    case .datetime:
                        out += Array("<c r=\"\(ref)\" s=\"2\"><v>\(serialText(ExcelSerial.serial(seconds: v[row])))</v></c>".utf8)
                    default:
                        out += Array("<c r=\"\(ref)\"><v>\(v[row])</v></c>".utf8)
                    }
                }
            }
            out += Array("</row>".utf8)
        }
        out += Array("</sheetData></worksheet>".utf8)
        return out
    }

    private static func serialText(_ serial: Double) -> String {
        serial == serial.rounded() ? String(Int64(serial)) : String(serial)
    }

    /// Text made safe for XML: the markup characters escaped, characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
