import Foundation
import OpsKit
import Testing
import ZIPFoundation

@testable import Workbench

/// Builds a small .xlsx by hand (the parts Excel writes, zipped by ZIPFoundation),
/// so the tests can check shared strings, styles, merges and inline strings
/// exactly as Excel stores them, without needing Excel or LibreOffice.
func makeWorkbook(
    at path: String, sheets: [(name: String, xml: String)], sharedStrings: [String] = [], styles: String? = nil
) throws {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    func add(_ name: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            data.subdata(in: Int($0)..<Int($0) + $1)
        }
    }
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    try add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
    let list = sheets.enumerated().map { "<sheet name=\"\($1.name)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
    try add("xl/workbook.xml", "<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rel)\"><sheets>\(list)</sheets></workbook>")
    let rels = sheets.indices.map {
        "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
    }.joined()
    try add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>")
    for (k, sheet) in sheets.enumerated() {
        try add("xl/worksheets/sheet\(k + 1).xml", "<worksheet xmlns=\"\(ns)\">\(sheet.xml)</worksheet>")
    }
    if !sharedStrings.isEmpty {
        let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
        try add("xl/sharedStrings.xml", "<sst xmlns=\"\(ns)\">\(items)</sst>")
    }
    if let styles { try add("xl/styles.xml", "<styleSheet xmlns=\"\(ns)\">\(styles)</styleSheet>") }
}

@Suite struct XLSXTests {
    let scratch = ScratchFolder()

    func values(_ data: Dataset, _ name: String) -> [String] {
        guard let column = try? data.column(name) else { return [] }
        return (0..<column.count).map { column.isNull($0) ? "null" : column.formatted(at: $0) }
    }

    /// Excel's own layout: shared strings, a date style (numFmtId 14) and a custom
    /// datetime format, booleans, an inline string, a merged header, a formula's
    /// cached value, styled empty rows at the end.
    func excelLikeWorkbook() throws -> String {
        let path = scratch.path("excel.xlsx")
        let styles = """
            <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d\\ h:mm;@"/></numFmts>\
            <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs>
            """
        let sheet = """
            <sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="E1" t="s"><v>3</v></c><c r="F1" t="inlineStr"><is><t>时间</t></is></c><c r="G1" t="s"><v>7</v></c></row>\
            <row r="2"><c r="A2"><v>1001</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>2703.29</v></c>\
            <c r="D2"><v>3</v></c><c r="E2" s="1"><v>45972</v></c><c r="F2" s="2"><v>45972.5</v></c><c r="G2" t="b"><v>1</v></c></row>\
            <row r="3"><c r="A3"><v>1002</v></c><c r="B3" t="s"><v>5</v></c><c r="C3"><f>C2*2</f><v>5406.58</v></c>\
            <c r="D3"><v>4</v></c><c r="E3" s="1"><v>45973</v></c><c r="F3" s="2"><v>45973.25</v></c><c r="G3" t="b"><v>0</v></c></row>\
            <row r="4"><c r="A4"><v>1003</v></c><c r="B4" t="s"><v>6</v></c><c r="C4" t="s"><v>8</v></c>\
            <c r="D4"><v>5</v></c><c r="E4" s="1"/><c r="F4" s="2"><v>45974</v></c><c r="G4" t="e"><v>#N/A</v></c></row>\
            <row r="5" s="1" customFormat="1"><c r="A5" s="1"/></row><row r="9" s="1"/>\
            </sheetData><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells>
            """
        try makeWorkbook(
            at: path, sheets: [("订单", sheet), ("说明", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")],
            sharedStrings: ["订单号", "城市", "金额", "下单日期", "上海", "北京", "深圳", "已支付", "NA"], styles: styles)
        return path
    }

    @Test func readsTypedCellsAsExcelStoresThem() throws {
        let report = try DatasetReader.read(path: try excelLikeWorkbook())
        let data = report.dataset
        #expect(report.sheet == "订单")
        #expect(data.columnNames == ["订单号", "城市", "金额", "金额_2", "下单日期", "时间", "已支付"])
        #expect((try data.column("订单号")).type == .integer)
        #expect(values(data, "城市") == ["上海", "北京", "深圳"])
        #expect((try data.column("金额")).type == .double)
        #expect(values(data, "金额") == ["2703.29", "5406.58", "null"].map { $0 == "null" ? $0 : ValueFormat.double(Double($0)!) })
        #expect(values(data, "金额_2") == ["3", "4", "5"])
        #expect((try data.column("下单日期")).type == .date)
        #expect(values(data, "下单日期") == ["2025-11-11", "2025-11-12", "null"])
        #expect((try data.column("时间")).type == .datetime)
        #expect(values(data, "时间") == ["2025-11-11 12:00:00", "2025-11-12 06:00:00", "2025-11-13 00:00:00"])
        #expect(values(data, "已支付") == ["true", "false", "null"])
        #expect(data.rowCount == 3, "styled empty rows at the end are not data")
    }

    @Test func sheetAndRangeSelection() throws {
        let path = try excelLikeWorkbook()
        #expect(try load(path, ReadOptions(sheet: "说明")).columnNames == ["x"])
        #expect(try load(path, ReadOptions(sheet: "2")).columnNames == ["x"])
        let missing = loadError(path, ReadOptions(sheet: "汇总"))
        #expect(missing.contains("汇总") && missing.contains("订单") && missing.contains("说明"), "\(missing)")
        let part = try load(path, ReadOptions(range: CellRange(argument: "B1:C3")))
        #expect(part.columnNames == ["城市", "金额"])
        #expect(part.rowCount == 2)
    }

    @Test func forcedTypesNameTheCell() throws {
        let error = loadError(try excelLikeWorkbook(), ReadOptions(types: ["城市": .integer]))
        #expect(error.contains("[订单!B2]") && error.contains("'上海'"), "\(error)")
    }

    @Test func roundTripThroughOurWriter() throws {
        let original = try Dataset(columns: [
            Column(name: "订单号", integers: [1, 2, nil, 4]),
            Column(name: "城市", strings: ["上海", "a<b & \"c\"", nil, "  空格 "]),
            Column(name: "金额", doubles: [2703.29, -0.5, 1e-7, nil]),
            Column(name: "已支付", bools: [true, false, nil, true]),
            Column(name: "日期", days: [20403, nil, 0, -1]),
            Column(name: "时间", type: .datetime, values: .integers([1_762_862_400, 0, 5, 86_399]), validity: nil),
        ])
        let path = scratch.path("round.xlsx")
        try DatasetWriter.write([("orders", original), ("copy", original)], to: path, format: .xlsx, encoding: .utf8)
        let back = try load(path)
        #expect(same(back, original), "\(back.columns.map(\.type)) \(values(back, "时间"))")
        #expect(same(try load(path, ReadOptions(sheet: "copy")), original))
        // csv → xlsx → csv gives the same file.
        let csv = scratch.path("a.csv"), again = scratch.path("b.csv")
        try DatasetWriter.writeCSV(original, to: csv)
        try DatasetWriter.write([("x", try load(csv))], to: scratch.path("c.xlsx"), format: .xlsx, encoding: .utf8)
        try DatasetWriter.writeCSV(try load(scratch.path("c.xlsx")), to: again)
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    @Test func badWorkbooksAreNamed() throws {
        let xls = scratch.file("old.xlsx", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        #expect(loadError(xls).contains(".xls"))
        let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let locked = scratch.file(
            "locked.xlsx", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600) + marker)
        #expect(loadError(locked).contains("password"))
        let text = scratch.file("text.xlsx", "a,b\n1,2\n")
        #expect(loadError(text).contains("zip"))
        let other = scratch.path("other.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: other), accessMode: .create)
        let data = Data("hello".utf8)
        try archive.addEntry(with: "notes.txt", type: .file, uncompressedSize: Int64(data.count)) { data.subdata(in: Int($0)..<Int($0) + $1) }
        let error = loadError(other)
        #expect(error.contains("not an Excel workbook") && error.contains("notes.txt"), "\(error)")
    }

    @Test func lastExcelRowIsReadAndBeyondIsAnError() throws {
        let ok = scratch.path("tall.xlsx")
        try makeWorkbook(at: ok, sheets: [("s", """
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row>\
            <row r="2"><c r="A2"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row></sheetData>
            """)])
        #expect(values(try load(ok), "n") == ["1", "2"])
        let bad = scratch.path("taller.xlsx")
        try makeWorkbook(at: bad, sheets: [("s", "<sheetData><row r=\"1048577\"><c><v>1</v></c></row></sheetData>")])
        #expect(loadError(bad).contains("1,048,576"))
    }

    @Test func libreOfficeReadsOurWorkbooks() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else {
            print("skipped: LibreOffice (soffice) is not installed; apt-get install -y libreoffice-calc-nogui to run this check")
            return
        }
        let original = try Dataset(columns: [
            Column(name: "城市", strings: ["上海", "北京"]), Column(name: "金额", doubles: [12.5, 3]),
            Column(name: "数量", integers: [3, 4]), Column(name: "日期", days: [20403, 20404]),
        ])
        let xlsx = scratch.path("lo.xlsx")
        try DatasetWriter.write([("lo", original)], to: xlsx, format: .xlsx, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "--headless", "-env:UserInstallation=file://\(scratch.path("profile"))", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false", "--outdir", scratch.path("out"), xlsx,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let csv = try String(contentsOfFile: scratch.path("out/lo.csv"), encoding: .utf8)
        #expect(csv.split(whereSeparator: \.isNewline) == ["城市,金额,数量,日期", "上海,12.5,3,2025-11-11", "北京,3,4,2025-11-12"])
    }
}
