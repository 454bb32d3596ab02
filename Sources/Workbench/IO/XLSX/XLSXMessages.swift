import OpsKit

/// The messages of reading .xlsx workbooks, in both interface languages.
enum XLSXMessages {
    static func notRegular(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is not a regular file; a workbook must be read from a file", "\(path) 不是普通文件；工作簿必须从文件读取"),
            hint: L("save the workbook to a file first", "请先把工作簿保存成文件"))
    }

    static func legacyXLS(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is an Excel 97-2003 workbook (.xls), not .xlsx", "\(path) 是 Excel 97-2003 工作簿（.xls），不是 .xlsx"),
            hint: L(
                "open it in Excel or LibreOffice and save it as .xlsx (or CSV UTF-8), then load that",
                "请在 Excel 或 LibreOffice 中另存为 .xlsx（或 CSV UTF-8）后再载入"))
    }

    static func passwordProtected(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is a password-protected workbook", "\(path) 是设置了打开密码的工作簿"),
            hint: L(
                "open it in Excel, remove the password (File › Info › Protect Workbook) and save a copy, then load that",
                "请在 Excel 中打开，取消密码（文件 › 信息 › 保护工作簿）后另存一份，再载入"))
    }

    static func notAZip(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is not an .xlsx workbook (an .xlsx file is a zip package)", "\(path) 不是 .xlsx 工作簿（.xlsx 文件是 zip 包）"),
            hint: L(
                "if it is CSV text, rename it .csv; otherwise save it from Excel as .xlsx",
                "如果它其实是 CSV 文本，请改扩展名为 .csv；否则请在 Excel 中另存为 .xlsx"))
    }

    static func notAWorkbook(_ path: String, entries: [String]) -> OpsError {
        let list = entries.isEmpty ? "" : L(" (it holds \(entries.joined(separator: ", ")))", "（其中有 \(entries.joined(separator: "、"))）")
        return OpsError(
            L("\(path) is a zip file but not an Excel workbook\(list)", "\(path) 是 zip 文件，但不是 Excel 工作簿\(list)"),
            hint: L("unzip it and load the data file inside", "请解压后载入其中的数据文件"))
    }

    static func damaged(_ path: String, detail: String) -> OpsError {
        OpsError(
            L("\(path) is damaged: \(detail)", "\(path) 已损坏：\(detail)"),
            hint: L("open and save it again in Excel or LibreOffice", "请用 Excel 或 LibreOffice 打开后重新保存"))
    }

    static func malformedXML(_ path: String, part: String, offset: Int) -> OpsError {
        damaged(path, detail: L("\(part) is not well-formed XML near byte \(offset)", "\(part) 在第 \(offset) 字节附近不是合法的 XML"))
    }

    static func noSheets(_ path: String) -> OpsError {
        OpsError(L("\(path) has no sheets", "\(path) 没有工作表"), hint: L("save the workbook with at least one sheet", "请保存至少含一张工作表的工作簿"))
    }

    static func unknownSheet(_ name: String, path: String, sheets: [String]) -> OpsError {
        OpsError(
            L("\(path) has no sheet '\(name)'; sheets: \(sheets.joined(separator: ", "))",
              "\(path) 中没有工作表 '\(name)'；现有工作表：\(sheets.joined(separator: "、"))"),
            hint: L("pass --sheet with one of these names, or its number (1 = first)", "请用 --sheet 给出上面某个名称，或其序号（1 为第一张）"))
    }

    static func emptySheet(_ sheet: String, path: String) -> OpsError {
        OpsError(
            L("sheet '\(sheet)' of \(path) holds no cells (in the range asked for)", "\(path) 的工作表 '\(sheet)'（在所选区域内）没有数据"),
            hint: L("pick another sheet with --sheet, or widen --range", "请用 --sheet 换一张工作表，或扩大 --range"))
    }

    static func tooManyRows(_ row: Int) -> OpsError {
        OpsError(
            L("the sheet has a row \(row), beyond Excel's 1,048,576", "工作表的第 \(row) 行超出了 Excel 的上限 1,048,576 行"),
            hint: L("the workbook is damaged; save it again from Excel", "工作簿已损坏；请用 Excel 重新保存"))
    }
}
