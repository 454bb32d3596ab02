import ArgumentParser
import Foundation
import OpsKit

/// The decimal mark of numbers in a file (`--decimal`).
enum DecimalMark: String, CaseIterable, ExpressibleByArgument {
    case point = "."
    case comma = ","
}

struct LoadCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: IOMessages.loadAbstract.encoded, discussion: IOMessages.loadDiscussion.encoded)
    static let examples = [
        "load users examples/users.csv",
        "load 订单 ~/Downloads/订单.csv --encoding gbk",
        "load sales examples/daily_sales.csv --types sku=string,金额=double",
        "load 报表 报表.xlsx --sheet 汇总 --range A3:H500",
        "load eu prices.csv --delimiter ';' --decimal , --date-format %d.%m.%Y",
        "load items data.txt --delimiter tab --null 'NA,无,--'",
    ]

    @Argument(help: ArgumentHelp(IOMessages.nameHelp)) var name: String
    @Argument(help: ArgumentHelp(IOMessages.pathHelp), completion: .file()) var path: String
    @Option(help: ArgumentHelp(IOMessages.typesHelp)) var types: String?
    @Option(help: ArgumentHelp(IOMessages.delimiterHelp)) var delimiter: String?
    @Option(help: ArgumentHelp(IOMessages.encodingHelp)) var encoding: TextEncoding?
    @Option(help: ArgumentHelp(IOMessages.nullHelp)) var null: String?
    @Option(help: ArgumentHelp(IOMessages.decimalHelp)) var decimal: DecimalMark = .point
    @Option(name: .customLong("date-format"), help: ArgumentHelp(IOMessages.dateFormatHelp)) var dateFormat: DatePattern?
    @Option(help: ArgumentHelp(IOMessages.sheetHelp)) var sheet: String?
    @Option(help: ArgumentHelp(IOMessages.rangeHelp)) var range: CellRange?

    func run(in session: Session, context: CommandContext) throws {
        try DatasetName.validate(name)
        let file = FilePath.expandingTilde(path)
        let options = ReadOptions(
            delimiter: try parseDelimiter(), types: try parseTypes(), encoding: encoding,
            nullTokens: null.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                ?? ReadOptions.defaultNullTokens,
            decimalComma: decimal == .comma, dateFormat: dateFormat, sheet: sheet, range: range,
            cancelled: { context.isCancelled })
        let report = try DatasetReader.read(path: file, options: options)
        for warning in report.warnings { context.warn(warning) }
        for note in report.notes { context.note(note) }
        var details: [String: String] = [:]
        if let choice = report.encoding {
            details["encoding"] = choice.encoding.displayName
            if choice.encoding != .utf8 || choice.forced { context.note(IOMessages.readEncoding(choice)) }
        }
        if let sheet = report.sheet { details["sheet"] = sheet }
        try context.store(report.dataset, as: name, details: details.isEmpty ? nil : details)
        context.confirm(Strings.loaded(name, rows: report.dataset.rowCount, columns: report.dataset.columns.count, path: path))
    }

    private func parseDelimiter() throws -> Character? {
        guard let delimiter else { return nil }
        switch delimiter.lowercased() {
        case "tab", "\\t", "\t": return "\t"
        case "comma": return ","
        case "semicolon": return ";"
        case "pipe": return "|"
        default:
            guard delimiter.count == 1, let c = delimiter.first else {
                throw OpsError.invalidOption(
                    "--delimiter", IOMessages.notOneCharacter(delimiter), hint: IOMessages.delimiterExample)
            }
            return c
        }
    }

    private func parseTypes() throws -> [String: ColumnType] {
        guard let types else { return [:] }
        var result: [String: ColumnType] = [:]
        for pair in types.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw OpsError.invalidOption("--types", IOMessages.notColumnType(String(pair)), hint: IOMessages.typesExample)
            }
            guard let type = ColumnType(rawValue: parts[1].lowercased()) else {
                let close = Suggest.closest(to: parts[1], in: ColumnType.allCases.map(\.rawValue)).first
                throw OpsError.invalidOption(
                    "--types", IOMessages.unknownType(parts[1], closest: close),
                    hint: IOMessages.typesList(ColumnType.allCases.map(\.rawValue)))
            }
            result[parts[0]] = type
        }
        return result
    }
}
