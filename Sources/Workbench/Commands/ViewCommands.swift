import ArgumentParser
import OpsKit

struct DatasetsCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "datasets", abstract: BuiltinText.datasetsAbstract.encoded)
    static let examples = ["datasets", "datasets --versions rfm"]

    @Option(help: ArgumentHelp(StorageMessages.versionsHelp), completion: Completion.dataset) var versions: String?

    func run(in session: Session, context: CommandContext) throws {
        if let versions { return try VersionList.show(versions, of: session.workspace, in: context) }
        let names = session.workspace.datasetNames
        let remote = session.externalHost.handles.sorted { $0.key < $1.key }
        guard !names.isEmpty || !remote.isEmpty else { return context.print(Strings.noDatasets) }
        let rows = names.compactMap { session.workspace.entry(named: $0) }.map { entry in
            [entry.name, String(entry.rowCount), String(entry.schema.count), entry.provenance?.command ?? ""]
        } + remote.map { name, handle in
            [name, handle.rows.map(String.init) ?? "?", handle.schema.map { String($0.count) } ?? "?", ExternalText.livesIn(handle.plugin)]
        }
        context.table(headers: BuiltinText.datasetsHeaders, rows: rows, alignments: [.left, .right, .right, .left])
    }
}

struct ShowCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: BuiltinText.showAbstract.encoded)
    static let examples = ["show users", "show users --rows 5 --columns 用户ID,购买金额", "show rfm --rows 20 --format md"]

    @Argument(help: ArgumentHelp(BuiltinText.showNameHelp), completion: Completion.dataset) var name: String
    @Option(help: ArgumentHelp(BuiltinText.showRowsHelp)) var rows: NonNegativeInt = 10
    @Option(help: ArgumentHelp(BuiltinText.showColumnsHelp), completion: .columns) var columns: CommaList<String>?
    @Option(help: ArgumentHelp(WorkshopMessages.showFormatHelp)) var format: ShowFormat = .table

    func run(in session: Session, context: CommandContext) throws {
        guard let entry = session.workspace.entry(named: name) else {
            if let handle = session.externalHost.handles[name] { throw ExternalText.remoteOnly(name, handle.plugin, command: "show") }
            throw OpsError.unknownDataset(name, available: session.workspace.datasetNames)
        }
        var dataset = try session.workspace.preview(named: name, rows: rows.value)
        if let columns { dataset = try Dataset(columns: try dataset.columns(columns, option: "--columns")) }
        switch format {
        case .table: context.table(dataset, maxRows: rows.value, totalRows: entry.rowCount)
        case .md: context.write(try TextTableWriter.markdown(dataset))
        case .tsv: context.write(try DatasetWriter.delimitedText(dataset, delimiter: 0x09))
        }
    }
}

struct DescribeCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: BuiltinText.describeAbstract.encoded)
    static let examples = ["describe users"]

    @Argument(help: ArgumentHelp(BuiltinText.describeNameHelp), completion: Completion.dataset) var name: String
    @OptionGroup var result: ResultNameOption

    func run(in session: Session, context: CommandContext) throws {
        let statistics = DatasetStatistics.describe(try context.dataset(name))
        let shown = try Dataset(columns: statistics.columns.map { $0.renamed(BuiltinText.statisticHeader($0.name)) })
        context.table(shown, maxRows: statistics.rowCount, nullText: "")
        if let target = result.name { try context.store(statistics, as: target) }
    }
}

struct SchemaCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: BuiltinText.schemaAbstract.encoded)
    static let examples = ["schema users"]

    @Argument(help: ArgumentHelp(BuiltinText.schemaNameHelp), completion: Completion.dataset) var name: String

    func run(in session: Session, context: CommandContext) throws {
        guard let entry = session.workspace.entry(named: name) else {
            throw OpsError.unknownDataset(name, available: session.workspace.datasetNames)
        }
        context.table(headers: BuiltinText.schemaHeaders, rows: entry.schema.map { [$0.name, $0.type.rawValue] })
        context.print(BuiltinText.rowCount(entry.rowCount))
        if let provenance = entry.provenance {
            context.print(BuiltinText.madeBy(provenance.command))
            if !provenance.inputs.isEmpty { context.print(BuiltinText.inputs(provenance.inputs)) }
            if let seed = provenance.seed { context.print(BuiltinText.seed(seed)) }
            for (key, value) in (provenance.details ?? [:]).sorted(by: { $0.key < $1.key }) {
                context.print(BuiltinText.provenanceDetail(key, value))
            }
        }
    }
}

struct SQLCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql", abstract: BuiltinText.sqlAbstract.encoded,
        discussion: BuiltinText.sqlDiscussion.encoded)
    static let examples = [
        #"sql "SELECT 城市, count(*) AS n FROM users GROUP BY 城市 ORDER BY n DESC""#,
        #"sql "SELECT * FROM orders WHERE amount > 1000" --as big_orders"#,
    ]

    @Argument(help: ArgumentHelp(BuiltinText.sqlQueryHelp)) var query: String
    @Option(help: ArgumentHelp(BuiltinText.sqlRowsHelp)) var rows: NonNegativeInt = 20
    @OptionGroup var result: ResultNameOption

    func validate() throws {
        if rows < 0 { throw ValidationError(SafetyMessages.atLeast("--rows", 0)) }
    }

    func run(in session: Session, context: CommandContext) throws {
        let dataset = try session.workspace.query(query, isCancelled: { context.isCancelled })
        context.table(dataset, maxRows: rows.value)
        if let target = result.name {
            // The tables the query read become the result's recorded inputs.
            for name in try SQLEngine.referencedNames(in: query, among: session.workspace.datasetNames) {
                _ = try context.dataset(name)
            }
            try context.store(dataset, as: target)
            context.confirm(Strings.stored(target, rows: dataset.rowCount))
        }
    }
}
