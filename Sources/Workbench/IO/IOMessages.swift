import Foundation
import OpsKit

/// Every user-facing message of reading and writing data files, in both
/// interface languages, kept in one place.
enum IOMessages {
    // MARK: Opening files

    static func missingFile(_ path: String) -> OpsError {
        OpsError(
            L("no such file: \(path)", "文件不存在：\(path)"),
            hint: L(
                "check the path; relative paths start from the current directory, ~ is your home folder",
                "请检查路径；相对路径从当前目录算起，~ 表示主目录"))
    }

    static func isDirectory(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is a directory, not a data file", "\(path) 是文件夹，不是数据文件"),
            hint: L(
                "give the path of a .csv, .tsv, .xlsx or .jsonl file inside it",
                "请给出其中某个 .csv、.tsv、.xlsx 或 .jsonl 文件的路径"))
    }

    static func unreadable(_ path: String, errno code: Int32) -> OpsError {
        OpsError(
            L("cannot read \(path): \(String(cString: strerror(code)))", "无法读取 \(path)：\(String(cString: strerror(code)))"),
            hint: L("check the file's permissions", "请检查文件权限"))
    }

    static func emptyFile(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is empty", "\(path) 是空文件"),
            hint: L("a CSV file needs at least a header line with the column names", "CSV 文件至少要有一行列名（表头）"))
    }

    static func tooLarge(_ path: String) -> OpsError {
        OpsError(
            L("\(path) is larger than 4 GB", "\(path) 超过 4 GB"),
            hint: L("split the file or load a sample of it", "请拆分文件，或只载入其中一部分"))
    }

    static func binaryFile(_ path: String, kind: String?) -> OpsError {
        let what = kind.map { L("a \($0) file", "\($0) 文件") } ?? L("a binary file", "二进制文件")
        let hint: String
        switch kind {
        case "gzip":
            hint = L(
                "decompress it first (gunzip \(path)) and load the .csv inside", "请先解压（gunzip \(path)），再载入其中的 .csv")
        case "zip or Excel (.xlsx)":
            hint = L(
                "name an Excel workbook .xlsx to load it as one; unzip other archives first",
                "Excel 工作簿请以 .xlsx 为扩展名载入；其他压缩包请先解压")
        case "Excel 97-2003 (.xls) or other Office":
            hint = L(
                "open it in Excel or LibreOffice and save it as .xlsx (or CSV), then load that",
                "请在 Excel 或 LibreOffice 中另存为 .xlsx（或 CSV）后再载入")
        default:
            hint = L(
                "load reads text (CSV, TSV, JSON Lines) and .xlsx workbooks",
                "load 读取文本文件（CSV、TSV、JSON Lines）和 .xlsx 工作簿")
        }
        return OpsError(L("\(path) looks like \(what), not CSV or JSON Lines text", "\(path) 看起来是\(what)，不是 CSV 或 JSON Lines 文本"), hint: hint)
    }

    static func unknownFormat(_ path: String) -> OpsError {
        OpsError(
            L("cannot tell the format of \(path) from its extension", "无法从扩展名判断 \(path) 的格式"),
            hint: L(
                "use .csv, .tsv or .txt for delimited text, .xlsx for Excel and .jsonl or .ndjson for JSON Lines",
                "分隔文本用 .csv、.tsv 或 .txt，Excel 用 .xlsx，JSON Lines 用 .jsonl 或 .ndjson"))
    }

    // MARK: Encodings

    static func undecidedEncoding(
        _ path: String, _ reason: EncodingDetector.Undecided, in bytes: UnsafeBufferPointer<UInt8>
    ) -> OpsError {
        switch reason {
        case .ambiguous(let candidates, let sample):
            let readings = candidates.map { "\($0.displayName): \(TextDecoder.preview(sample, as: $0))" }
            return OpsError(
                L(
                    "cannot tell the encoding of \(path): it reads as \(readings.joined(separator: " or "))",
                    "无法判断 \(path) 的编码：可读作 \(readings.joined(separator: "，或 "))"),
                hint: L(
                    "name it: --encoding \(candidates.map(\.rawValue).joined(separator: " or --encoding "))",
                    "请指定编码：--encoding \(candidates.map(\.rawValue).joined(separator: " 或 --encoding "))"))
        case .invalid(let offset):
            let place = at(path, TextPosition(offset: offset, in: bytes))
            let found = bytes[offset..<min(bytes.count, offset + 4)].map { String(format: "%02X", $0) }.joined(separator: " ")
            return OpsError(
                L(
                    "\(place): bytes \(found) are valid in none of UTF-8, GB18030/GBK, Big5",
                    "\(place)：字节 \(found) 不属于 UTF-8、GB18030/GBK、Big5 中任何一种编码"),
                hint: L(
                    "the file may be damaged or binary; if you know its encoding, name it with --encoding",
                    "文件可能已损坏或不是文本；如果知道编码，请用 --encoding 指定"))
        case .mixed(let utf8Line, let otherLine):
            return OpsError(
                L(
                    "\(path) mixes encodings: line \(utf8Line) is UTF-8 but line \(otherLine) is not",
                    "\(path) 混用了多种编码：第 \(utf8Line) 行是 UTF-8，第 \(otherLine) 行却不是"),
                hint: L(
                    "convert the odd lines (often pasted from a GBK export) to UTF-8, or force one with --encoding gbk",
                    "请把不一致的行（常见于粘贴的 GBK 导出）转成 UTF-8，或用 --encoding gbk 强制按一种编码读取"))
        }
    }

    static func notInEncoding(_ place: String, _ choice: EncodingChoice, bytes: [UInt8]) -> OpsError {
        let found = bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
        return OpsError(
            L(
                "\(place): bytes \(found) are not valid \(choice.description)",
                "\(place)：字节 \(found) 不是有效的 \(choice.description)"),
            hint: L(
                "try another --encoding (utf-8, gbk, big5, utf-16le), or leave it out to detect the encoding",
                "请换一种 --encoding（utf-8、gbk、big5、utf-16le），或不写此选项让程序自动识别"))
    }

    static func readEncoding(_ choice: EncodingChoice) -> String {
        L("text encoding: \(choice.description)", "文本编码：\(choice.description)")
    }

    // MARK: CSV syntax

    static func at(_ path: String, _ position: TextPosition) -> String {
        "\(path):\(position.line):\(position.column)"
    }

    static func unclosedQuote(_ place: String) -> OpsError {
        OpsError(
            L("\(place): quoted field is never closed", "\(place)：引号字段没有闭合"),
            hint: L(
                "add the closing \" ; a quote inside a quoted field is written twice (\"\")",
                "请补上结尾的 \"；引号字段里的引号要写两次（\"\"）"))
    }

    static func textAfterQuote(_ place: String, found: String) -> OpsError {
        OpsError(
            L("\(place): unexpected \(found) after a closing quote", "\(place)：结尾引号后出现了意外的 \(found)"),
            hint: L(
                "a quote inside a quoted field is written twice (\"\"), e.g. \"12\"\" screen\"",
                "引号字段里的引号要写两次（\"\"），例如 \"12\"\" 屏幕\""))
    }

    static func endOfFile() -> String { L("end of file", "文件结尾") }

    static func raggedRow(_ place: String, fields: Int, expected: Int, delimiter: UInt8) -> OpsError {
        let name = delimiterName(delimiter)
        return OpsError(
            L(
                "\(place): this row has \(fields) field\(fields == 1 ? "" : "s") but the header has \(expected)",
                "\(place)：这一行有 \(fields) 个字段，表头却有 \(expected) 个"),
            hint: fields > expected
                ? L(
                    "quote values that contain the delimiter (\(name)), or pass --delimiter if the file uses another one",
                    "含分隔符（\(name)）的值请加引号；如果文件用别的分隔符，请用 --delimiter 指定")
                : L(
                    "fill the missing fields (an empty field is a null), or pass --delimiter if the file uses another one",
                    "请补齐缺少的字段（空字段表示空值）；如果文件用别的分隔符，请用 --delimiter 指定"))
    }

    static func badUTF8(_ place: String) -> OpsError {
        OpsError(
            L("\(place): invalid UTF-8 text", "\(place)：不是有效的 UTF-8 文本"),
            hint: L(
                "the file's start looked like UTF-8 but this part is not: the file mixes encodings; name one with --encoding gbk (or big5), or convert the file to UTF-8",
                "文件开头像 UTF-8，这里却不是：文件混用了编码；请用 --encoding gbk（或 big5）指定，或把文件转成 UTF-8"))
    }

    static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case 0x2C: return L("comma", "逗号")
        case 0x09: return L("tab", "制表符")
        case 0x3B: return L("semicolon", "分号")
        case 0x7C: return "|"
        default: return "'\(Character(Unicode.Scalar(byte)))'"
        }
    }

    static func badDelimiter(_ delimiter: Character) -> OpsError {
        OpsError(
            L("--delimiter: '\(delimiter)' cannot separate fields", "--delimiter：'\(delimiter)' 不能用作分隔符"),
            hint: L(
                "use a single ASCII character other than a quote or a newline, e.g. ',' ';' '|' or '\\t'",
                "请用引号和换行以外的单个 ASCII 字符，例如 ',' ';' '|' 或 '\\t'"))
    }

    // MARK: Types and values

    static func unknownTypedColumn(_ name: String, columns: [String]) -> OpsError {
        OpsError.unknownColumn(name, available: columns, option: "--types")
    }

    static func valueNotOfType(_ place: String, value: String, column: String, type: ColumnType) -> OpsError {
        OpsError(
            L(
                "\(place): '\(value)' in column '\(column)' is not \(type == .integer ? "an" : "a") \(type.rawValue)",
                "\(place)：列 '\(column)' 中的 '\(value)' 不是 \(type.rawValue) 类型"),
            hint: L(
                "fix the value, or load the column with another type: --types \(column)=string",
                "请修正该值，或换一种类型载入此列：--types \(column)=string"))
    }

    static func duplicateColumn(_ name: String, renamed: String) -> String {
        L(
            "column name '\(name)' appears more than once; this one is renamed '\(renamed)'",
            "列名 '\(name)' 重复出现；这一列改名为 '\(renamed)'")
    }

    static func moreDuplicates(_ count: Int) -> String {
        L("\(count) more repeated column names were renamed the same way", "另有 \(count) 个重复列名按同样方式改名")
    }

    static func unnamedColumn(_ index: Int, named: String) -> String {
        L("column \(index) has no name; it is called '\(named)'", "第 \(index) 列没有列名，命名为 '\(named)'")
    }

    static func bigIntegersKept(_ column: String) -> String {
        L(
            "column '\(column)' holds integers beyond 64 bits (order or trade numbers?): kept as text so no digit is lost",
            "列 '\(column)' 含超过 64 位的整数（订单号或交易号？）：按文本保留，不丢任何一位")
    }

    static func percentagesDivided(_ column: String) -> String {
        L("column '\(column)': percentages are read as fractions (12.5% → 0.125)", "列 '\(column)'：百分数按小数读取（12.5% → 0.125）")
    }

    static func ambiguousDayMonth(_ column: String, example: String) -> String {
        L(
            "column '\(column)': dates like '\(example)' read either way; taken as month/day/year — pass --date-format %d/%m/%Y if the day comes first",
            "列 '\(column)'：'\(example)' 这样的日期两种读法都成立，已按 月/日/年 读取；如果日在前，请加 --date-format %d/%m/%Y")
    }

    // MARK: JSON Lines

    static func badJSONLine(_ path: String, line: Int, detail: String) -> OpsError {
        OpsError(
            L("\(path):\(line): not a JSON object (\(detail))", "\(path):\(line)：不是 JSON 对象（\(detail)）"),
            hint: L("each line of a JSON Lines file is one {...} object", "JSON Lines 文件每行是一个 {...} 对象"))
    }

    static func jsonColumn(_ column: Int, _ reason: String) -> String { L("column \(column): \(reason)", "第 \(column) 列：\(reason)") }

    static func noRecords(_ path: String) -> OpsError {
        OpsError(
            L("\(path) holds no JSON objects", "\(path) 中没有 JSON 对象"),
            hint: L("each line of a JSON Lines file is one {...} object", "JSON Lines 文件每行是一个 {...} 对象"))
    }

    // MARK: Writing

    static func cannotWrite(_ path: String, errno code: Int32) -> OpsError {
        OpsError(
            L("cannot write \(path): \(String(cString: strerror(code)))", "无法写入 \(path)：\(String(cString: strerror(code)))"),
            hint: L("check that the folder exists and is writable", "请检查文件夹是否存在且可写"))
    }

    static func notInGBK(_ path: String, character: String) -> OpsError {
        OpsError(
            L("cannot write \(path) in GBK: '\(character)' has no GBK form", "无法以 GBK 写入 \(path)：'\(character)' 没有 GBK 编码"),
            hint: L(
                "export with --encoding utf-8-bom (Excel opens it as well), or change the value",
                "请改用 --encoding utf-8-bom 导出（Excel 同样能正确打开），或修改该值"))
    }

    static func unknownExportFormat(_ path: String) -> OpsError {
        OpsError(
            L("cannot tell which format to write from \(path)", "无法从 \(path) 判断要写出的格式"),
            hint: L(
                "end the path in .csv, .tsv, .xlsx, .jsonl or .md, or pass --format",
                "请以 .csv、.tsv、.xlsx、.jsonl 或 .md 结尾，或用 --format 指定"))
    }

    static func severalNeedXLSX(_ count: Int, format: ExportFormat) -> OpsError {
        OpsError(
            L("\(count) datasets cannot go into one .\(format.rawValue) file", "\(count) 个数据集无法写进同一个 .\(format.rawValue) 文件"),
            hint: L(
                "export them to an .xlsx workbook (one sheet each), or one at a time",
                "请导出为 .xlsx 工作簿（每个数据集一张工作表），或逐个导出"))
    }

    static func encodingOnlyDelimited(_ format: ExportFormat) -> OpsError {
        OpsError.invalidOption(
            "--encoding", L("\(format.rawValue) files are always UTF-8", "\(format.rawValue) 文件总是 UTF-8 编码"),
            hint: L("--encoding applies to .csv and .tsv", "--encoding 只用于 .csv 和 .tsv"))
    }

    static var exportNeedsPath: String {
        L("name a dataset and the file to write, e.g. export 订单 订单.csv", "请给出数据集和要写出的文件，例如 export 订单 订单.csv")
    }

    // MARK: Help of load and export

    static var loadAbstract: Localized {
        .init(en: "Load a CSV, TSV, Excel (.xlsx) or JSON Lines file into the workspace.",
              zh: "把 CSV、TSV、Excel（.xlsx）或 JSON Lines 文件载入工作区。")
    }

    static var loadDiscussion: Localized {
        .init(
            en: """
                Types are inferred (integer, double, date, datetime, bool, string) and can be overridden with --types. \
                The encoding is detected (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5), reported \
                when it is not plain UTF-8, and kept in the dataset's provenance (see `schema`); --encoding forces one. \
                Numbers may carry thousands separators, currency signs and words (¥ ￥ $ € 元 RMB), percent signs \
                (12.5% is read as 0.125), accounting negatives (1,234) and full-width digits. Dates may be ISO \
                (2025-11-11), Chinese (2025年11月11日) or day/month/year in either order (settled from the data; a \
                warning names the choice when both fit); --date-format gives a pattern, and --types col=date also \
                reads Excel serial numbers. Empty cells, "" and NA, N/A, NULL, null, -, 无 are nulls (--null \
                sets the list). Integers beyond 64 bits are kept as text. A dataset of the same name is replaced.
                """,
            zh: """
                自动推断列类型（integer、double、date、datetime、bool、string），可用 --types 指定。\
                自动识别编码（带或不带 BOM 的 UTF-8、带 BOM 的 UTF-16、GB18030/GBK、Big5），非普通 UTF-8 时会提示，\
                并记录在数据集来源中（见 `schema`）；--encoding 可强制指定。数字可以带千分位、货币符号和单位\
                （¥ ￥ $ € 元 RMB）、百分号（12.5% 读作 0.125）、会计负数 (1,234) 和全角数字。日期可以是 ISO\
                （2025-11-11）、中文（2025年11月11日），或日/月/年任一顺序（从数据判断；两种都成立时会警告所选顺序）；\
                --date-format 指定格式，--types 列=date 还能读取 Excel 序列号。空单元格、"" 以及 NA、N/A、NULL、\
                null、-、无 视为空值（--null 可改）。超过 64 位的整数按文本保留。同名数据集会被替换。
                """)
    }

    static var nameHelp: Localized { .init(en: "Name of the dataset to create.", zh: "要创建的数据集名称。") }
    static var pathHelp: Localized {
        .init(en: "Path of the file (.csv, .tsv, .txt, .xlsx, .jsonl); ~ is your home folder.",
              zh: "文件路径（.csv、.tsv、.txt、.xlsx、.jsonl）；~ 表示主目录。")
    }
    static var typesHelp: Localized {
        .init(en: "Column types as col=type,... (integer, double, string, date, datetime, bool).",
              zh: "列类型，写作 列=类型,...（integer、double、string、date、datetime、bool）。")
    }
    static var delimiterHelp: Localized {
        .init(en: "Field delimiter: a character, or tab, comma, semicolon, pipe.",
              zh: "字段分隔符：单个字符，或 tab、comma、semicolon、pipe。")
    }
    static var encodingHelp: Localized {
        .init(en: "Text encoding: utf-8, gbk (GB18030), big5, utf-16le, utf-16be; detected when absent.",
              zh: "文本编码：utf-8、gbk（GB18030）、big5、utf-16le、utf-16be；不写则自动识别。")
    }
    static var nullHelp: Localized {
        .init(en: "Values read as null, comma-separated (default NA,N/A,NULL,null,-,无); empty cells always are.",
              zh: "视为空值的取值，逗号分隔（默认 NA,N/A,NULL,null,-,无）；空单元格总是空值。")
    }
    static var decimalHelp: Localized {
        .init(en: "Decimal mark of numbers: . (thousands ,) or , (thousands . or space), as in European files.",
              zh: "小数点符号：.（千分位为 ,）或 ,（千分位为 . 或空格，欧洲格式）。")
    }
    static var dateFormatHelp: Localized {
        .init(en: "Date pattern, e.g. %d/%m/%Y, %Y年%m月%d日, %m/%d/%Y %H:%M.",
              zh: "日期格式，例如 %d/%m/%Y、%Y年%m月%d日、%m/%d/%Y %H:%M。")
    }
    static var sheetHelp: Localized {
        .init(en: "Sheet of an .xlsx workbook: its name or number (1 = first).", zh: ".xlsx 工作簿中的工作表：名称或序号（1 为第一张）。")
    }
    static var rangeHelp: Localized {
        .init(en: "Cells of the sheet to read, e.g. A1:H500 or B3: (header in the first row).",
              zh: "要读取的单元格区域，例如 A1:H500 或 B3:（第一行为表头）。")
    }

    static var exportAbstract: Localized {
        .init(en: "Write datasets to a CSV, TSV, Excel (.xlsx), JSON Lines or Markdown file.",
              zh: "把数据集写成 CSV、TSV、Excel（.xlsx）、JSON Lines 或 Markdown 文件。")
    }

    static var exportDiscussion: Localized {
        .init(
            en: """
                The format follows the extension unless --format names it. CSV is written UTF-8 with a BOM by \
                default, which Excel on Chinese Windows opens correctly; --encoding utf-8 leaves the BOM out and \
                --encoding gbk writes GBK. A CSV or TSV export loads back exactly. An .xlsx export has typed cells \
                (dates as dates) and one sheet per dataset when several are named. The file is replaced atomically.
                """,
            zh: """
                格式由扩展名决定，也可用 --format 指定。CSV 默认写成带 BOM 的 UTF-8，中文 Windows 上的 Excel \
                能正确打开；--encoding utf-8 不写 BOM，--encoding gbk 写成 GBK。CSV 和 TSV 导出能原样载入回来。\
                .xlsx 导出的单元格带类型（日期即日期），给出多个数据集时每个一张工作表。文件以原子方式替换。
                """)
    }

    static var exportArgumentsHelp: Localized {
        .init(en: "Datasets to export, then the path of the file to write (~ is your home folder).",
              zh: "要导出的数据集，最后是要写出的文件路径（~ 表示主目录）。")
    }
    static var exportFormatHelp: Localized {
        .init(en: "File format: csv, tsv, xlsx, jsonl, md (default: from the extension).",
              zh: "文件格式：csv、tsv、xlsx、jsonl、md（默认按扩展名）。")
    }
    static var exportEncodingHelp: Localized {
        .init(en: "Encoding of .csv/.tsv: utf-8-bom (the .csv default, for Excel), utf-8, gbk.",
              zh: ".csv/.tsv 的编码：utf-8-bom（.csv 默认，适合 Excel）、utf-8、gbk。")
    }
}
