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
    @Option(help: ArgumentHelp(IOMessages.typesHelp)) var types: CommaList<Keyed<ColumnType>>?
    @Option(help: ArgumentHelp(IOMessages.delimiterHelp)) var delimiter: FieldDelimiter?
    @Option(help: ArgumentHelp(IOMessages.encodingHelp)) var encoding: TextEncoding?
    @Option(help: ArgumentHelp(IOMessages.nullHelp)) var null: String?
    @Option(help: ArgumentHelp(IOMessages.decimalHelp)) var decimal: DecimalMark = .point
    @Option(name: .customLong("date-format"), help: ArgumentHelp(IOMessages.dateFormatHelp)) var dateFormat: DatePattern?
    @Option(help: ArgumentHelp(IOMessages.sheetHelp)) var sheet: String?
    @Option(help: ArgumentHelp(IOMessages.rangeHelp)) var range: CellRange?

    func run(in session: Session, context: CommandContext) throws {
        try DatasetName.validate(name)
        let file = FilePath.expandingTilde(path)
        var columnTypes: [String: ColumnType] = [:]
        for pair in types ?? [] { columnTypes[pair.key] = pair.value }
        let options = ReadOptions(
            delimiter: delimiter?.character, types: columnTypes, encoding: encoding,
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
}

/// `--delimiter`: a single character, or one of the names tab, comma, semicolon, pipe.
struct FieldDelimiter: DescribedValue {
    let character: Character

    private static let named: [(name: String, character: Character)] = [
        ("tab", "\t"), ("comma", ","), ("semicolon", ";"), ("pipe", "|"),
    ]

    init?(argument: String) {
        let lowered = argument.lowercased()
        if let match = Self.named.first(where: { $0.name == lowered }) {
            character = match.character
        } else if lowered == "\\t" {
            character = "\t"
        } else if argument.count == 1, let first = argument.first {
            character = first
        } else {
            return nil
        }
    }

    /// Any text is checked by `init?(argument:)`; the names are offered for completion and help.
    static var valueSpec: ValueSpec { ValueSpec(kind: .text, choices: named.map { ValueSpec.Choice($0.name) }) }
}
