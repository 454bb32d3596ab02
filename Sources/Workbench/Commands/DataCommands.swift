import ArgumentParser
import Foundation
import OpsKit

struct LoadCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Load a CSV, TSV or JSON Lines file into the workspace.",
        discussion: """
            Types are inferred (integer, double, date, datetime, bool, string; empty cells are null) \
            and can be overridden with --types. A dataset of the same name is replaced.
            """)
    static let examples = [
        "load users examples/users.csv",
        "load sales examples/daily_sales.csv --types sku=string",
        "load items data.txt --delimiter tab",
    ]

    @Argument(help: "Name of the dataset to create.") var name: String
    @Argument(help: "Path of the file (.csv, .tsv, .txt, .jsonl).", completion: .file()) var path: String
    @Option(help: "Column types as col=type,... (integer, double, string, date, datetime, bool).") var types: String?
    @Option(help: "Field delimiter: a character, or tab, comma, semicolon, pipe.") var delimiter: String?

    func run(in session: Session, context: CommandContext) throws {
        try DatasetName.validate(name)
        let options = ReadOptions(delimiter: try parseDelimiter(), types: try parseTypes())
        let report = try DatasetReader.read(path: path, options: options)
        for warning in report.warnings { context.warn(warning) }
        try context.store(report.dataset, as: name)
        context.print(Strings.loaded(name, rows: report.dataset.rowCount, columns: report.dataset.columns.count, path: path))
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
                throw OpsError.invalidOption("--delimiter", "'\(delimiter)' is not a single character", hint: "e.g. --delimiter tab or --delimiter ';'")
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
                throw OpsError.invalidOption("--types", "'\(pair)' is not col=type", hint: "e.g. --types 日期=date,sku=string")
            }
            guard let type = ColumnType(rawValue: parts[1].lowercased()) else {
                let close = Suggest.closest(to: parts[1], in: ColumnType.allCases.map(\.rawValue)).first
                throw OpsError.invalidOption(
                    "--types", "unknown type '\(parts[1])'" + (close.map { " — did you mean '\($0)'?" } ?? ""),
                    hint: "types: " + ColumnType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            result[parts[0]] = type
        }
        return result
    }
}

struct ExportCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a dataset to a CSV file (loads back exactly).")
    static let examples = ["export segments out/segments.csv"]

    @Argument(help: "Dataset to export.", completion: Completion.dataset) var name: String
    @Argument(help: "Path of the CSV file to write.", completion: .file()) var path: String

    func run(in session: Session, context: CommandContext) throws {
        let dataset = try context.dataset(name)
        try DatasetWriter.writeCSV(dataset, to: try context.writablePath(path))
        context.print(Strings.exported(name, rows: dataset.rowCount, path: path))
    }
}

struct DropCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Remove datasets from the workspace.")
    static let examples = ["drop scratch", "drop a b c"]

    @Argument(help: "Datasets to remove.", completion: Completion.dataset) var names: [String]

    func validate() throws {
        if names.isEmpty { throw ValidationError("name at least one dataset to drop") }
    }

    func run(in session: Session, context: CommandContext) throws {
        for name in names where !context.hasDataset(name) {
            throw OpsError.unknownDataset(name, available: context.datasetNames)
        }
        try session.workspace.apply(names.map { .drop($0) })
        for name in names { context.print(Strings.dropped(name)) }
    }
}

struct RenameCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a dataset.")
    static let examples = ["rename segments segments_2026_11"]

    @Argument(help: "Current name.", completion: Completion.dataset) var old: String
    @Argument(help: "New name.") var new: String

    func run(in session: Session, context: CommandContext) throws {
        guard context.hasDataset(old) else { throw OpsError.unknownDataset(old, available: context.datasetNames) }
        try DatasetName.validate(new)
        if context.hasDataset(new) { throw OpsError(Strings.nameTaken(new), hint: Strings.nameTakenHint) }
        try session.workspace.apply([.rename(from: old, to: new)])
        context.print(Strings.renamed(old, new))
    }
}
