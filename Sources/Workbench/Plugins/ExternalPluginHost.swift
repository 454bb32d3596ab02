import Foundation
import OpsKit

/// What one call of a plugin gave back besides the datasets it staged in the context.
struct PluginOutcome {
    /// Remote datasets it returned (handles), by name; the session stores them with the call's other results.
    var handles: [String: DatasetHandle] = [:]
    /// For a core command forwarded to an engine: datasets to finish the command on locally, in place of the remote ones.
    var local: [String: Dataset] = [:]
}

/// Runs external plugins' commands: starts a plugin on first use, keeps its
/// process between calls, stops it after `idleLimit` without use (checked when
/// the next command runs) unless it asked to stay for the session, and stops
/// every plugin when the session ends. Also runs core commands in an engine
/// plugin when their datasets are remote (``RemotePlan``).
final class ExternalPluginHost {
    fileprivate(set) var connections: [String: PluginConnection] = [:]
    static let idleLimit: TimeInterval = 120
    /// The longest a run may take before the plugin is stopped.
    var runTimeout = ExternalPluginHost.defaultRunTimeout

    deinit { stopAll() }

    /// The longest a run may take: `OPSBENCH_PLUGIN_TIMEOUT` seconds, default 600.
    static var defaultRunTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["OPSBENCH_PLUGIN_TIMEOUT"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? 600
    }

    func stopAll() {
        for connection in connections.values { connection.stop() }
        connections = [:]
    }

    /// Runs one command; results are staged in `context` (committed by the session
    /// only if this returns), handles are returned for the session to keep.
    /// `remote` finds the remote datasets of the workspace; `core` is set when the
    /// command is a core command forwarded to the engine `record`, with the datasets it names.
    func run(
        _ record: ExternalPluginRecord, command: CommandDescriptor, bound: BoundArguments, context: CommandContext,
        remote: (String) -> RemoteDataset?, core: (path: [String], datasets: [String])? = nil
    ) throws -> PluginOutcome {
        stopIdle(except: record.name)
        let connection = try connection(for: record)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-plugin-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let names = core?.datasets ?? Self.datasetNames(command: command, bound: bound)
        let datasets = try inputs(names, plugin: record.name, context: context, scratch: scratch, remote: remote)
        let label = core.map { $0.path.joined(separator: " ") } ?? record.name + " " + (command.path.last ?? "")
        let progress = context.progress(label)
        defer { progress.finish() }
        let request = { (id: Int) -> any Encodable in
            RunRequest(
                id: id, command: core.map { $0.path.joined(separator: " ") } ?? command.path.last ?? "", arguments: bound,
                datasets: datasets, scratch: scratch.path, seed: context.defaultSeed, language: Language.current.rawValue,
                commandLine: context.commandLine, core: core?.path)
        }
        let reply: RunReply
        do {
            reply = try connection.call(
                request, as: RunReply.self, timeout: runTimeout, cancelled: { context.isCancelled },
                onProgress: { progress.update(completed: $0.completed, detail: $0.detail ?? $0.label) },
                onOutput: { message in
                    switch message.kind ?? .text {
                    case .text: context.write(message.text)
                    case .warning: context.warn(message.text)
                    case .note: context.note(message.text)
                    }
                })
        } catch let error as OpsError where error.code == .plugin {
            connections[record.name] = nil
            throw error
        }
        var outcome = PluginOutcome(handles: try results(reply.datasets ?? [:], plugin: record.name, context: context))
        for (name, payload) in reply.local ?? [:] {
            do {
                guard let dataset = try Self.read(payload) else { throw OpsError(ExternalText.missingField("path"), code: .plugin) }
                outcome.local[name] = dataset
            } catch let error as OpsError {
                throw OpsError(ExternalText.badResult(record.name, name, error.message), hint: error.hint, code: .plugin)
            }
        }
        return outcome
    }

    /// The datasets named by a command's dataset arguments (completion `dataset`), in order.
    static func datasetNames(command: CommandDescriptor, bound: BoundArguments) -> [String] {
        var names: [String] = []
        for argument in command.arguments where argument.completion == .dataset {
            let given = argument.kind == .positional ? bound.positionals[argument.valueName] : bound.options[argument.displayName]
            for name in given ?? [] where !names.contains(name) { names.append(name) }
        }
        return names
    }

    private func connection(for record: ExternalPluginRecord) throws -> PluginConnection {
        if let running = connections[record.name], running.isRunning { return running }
        let connection = PluginConnection(name: record.name, executable: record.executable)
        _ = try connection.start()
        connections[record.name] = connection
        return connection
    }

    private func stopIdle(except name: String) {
        let now = Date()
        for (other, connection) in connections where other != name {
            let keep = connection.hello?.keepAlive ?? false
            if !keep, now.timeIntervalSince(connection.lastUsed) > Self.idleLimit {
                connection.stop()
                connections[other] = nil
            }
        }
    }

    /// The named datasets as CSV files in the scratch folder, or as handles when they are remote datasets
    /// of this plugin; a remote dataset of another engine is refused (its rows are not here to send).
    private func inputs(
        _ names: [String], plugin: String, context: CommandContext, scratch: URL, remote: (String) -> RemoteDataset?
    ) throws -> [String: DatasetPayload] {
        var payloads: [String: DatasetPayload] = [:]
        for name in names where payloads[name] == nil {
            if let remote = remote(name), !context.staged.contains(where: { $0.name == name }) {
                guard remote.engine == plugin else { throw RemoteText.otherEngine(name, engine: remote.engine, plugin: plugin) }
                payloads[name] = DatasetPayload(format: .handle, schema: remote.handle.schema, rows: remote.handle.rows, handle: remote.handle)
                continue
            }
            let dataset = try context.dataset(name)
            let file = scratch.appendingPathComponent("input-\(payloads.count + 1).csv")
            try DatasetWriter.writeCSV(dataset, to: file.path)
            payloads[name] = DatasetPayload(
                format: .csv, path: file.path,
                schema: dataset.columns.map { ColumnSchema(name: $0.name, type: $0.type) }, rows: dataset.rowCount)
        }
        return payloads
    }

    /// A dataset sent as a CSV file or inline columns (nil for a handle).
    private static func read(_ payload: DatasetPayload) throws -> Dataset? {
        switch payload.format {
        case .csv:
            guard let path = payload.path else { throw OpsError(ExternalText.missingField("path"), code: .plugin) }
            var types: [String: ColumnType] = [:]
            for column in payload.schema ?? [] { types[column.name] = column.type }
            return try DatasetReader.read(path: path, options: ReadOptions(types: types)).dataset
        case .inline:
            return try Dataset(inline: payload.columns ?? [])
        case .handle:
            return nil
        }
    }

    private func results(_ payloads: [String: DatasetPayload], plugin: String, context: CommandContext) throws
        -> [String: DatasetHandle]
    {
        var newHandles: [String: DatasetHandle] = [:]
        for (name, payload) in payloads.sorted(by: { $0.key < $1.key }) {
            do {
                switch payload.format {
                case .csv, .inline:
                    guard let dataset = try Self.read(payload) else { continue }
                    try context.store(dataset, as: name)
                case .handle:
                    guard var handle = payload.handle else { throw OpsError(ExternalText.missingField("handle"), code: .plugin) }
                    try DatasetName.validate(name)
                    handle.plugin = plugin
                    newHandles[name] = handle
                }
            } catch let error as OpsError {
                throw OpsError(ExternalText.badResult(plugin, name, error.message), hint: error.hint, code: .plugin)
            }
        }
        return newHandles
    }
}

extension ExternalPluginHost {
    /// Stops one plugin's process (after `plugin remove`).
    func stop(_ name: String) {
        connections[name]?.stop()
        connections[name] = nil
    }
}
