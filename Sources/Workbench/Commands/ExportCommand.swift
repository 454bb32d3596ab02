import ArgumentParser
import Foundation
import OpsKit

struct ExportCommand: BuiltinCommand, NamesDatasets {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: IOMessages.exportAbstract.encoded,
        discussion: IOMessages.exportDiscussion.encoded)
    static let examples = [
        "export segments out/segments.csv",
        "export 订单 ~/Desktop/订单.csv --encoding gbk",
        "export 订单 客户 ~/Desktop/报表.xlsx",
        "export rfm rfm.md",
    ]

    @Argument(help: ArgumentHelp(IOMessages.exportArgumentsHelp), completion: Completion.dataset)
    var arguments: [String] = []
    @Option(help: ArgumentHelp(IOMessages.exportFormatHelp)) var format: ExportFormat?
    @Option(help: ArgumentHelp(IOMessages.exportEncodingHelp)) var encoding: ExportEncoding?

    /// The datasets before the path.
    static func datasets(named bound: BoundArguments, among names: [String]) -> [String] {
        Array((bound.positionals["arguments"] ?? []).dropLast())
    }

    func validate() throws {
        guard arguments.count >= 2 else { throw ValidationError(IOMessages.exportNeedsPath) }
    }

    func run(in session: Session, context: CommandContext) throws {
        let names = Array(arguments.dropLast())
        let given = arguments.last!
        let path = FilePath.expandingTilde(given)
        guard let format = format ?? ExportFormat.inferred(from: path) else { throw IOMessages.unknownExportFormat(given) }
        if names.count > 1, format != .xlsx { throw IOMessages.severalNeedXLSX(names.count, format: format) }
        if encoding != nil, format != .csv, format != .tsv { throw IOMessages.encodingOnlyDelimited(format) }
        let datasets = try names.map { (name: $0, dataset: try context.dataset($0)) }
        try DatasetWriter.write(datasets, to: try context.writablePath(path), format: format, encoding: encoding ?? (format == .csv ? .utf8BOM : .utf8))
        for (name, dataset) in datasets {
            context.print(Strings.exported(name, rows: dataset.rowCount, path: given))
        }
    }
}
