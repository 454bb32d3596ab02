import Foundation
import OpsKit

/// Runs external plugins' commands: starts a plugin on first use, keeps its
/// process between calls, stops it after `idleLimit` without use (checked when
/// the next command runs) unless it asked to stay for the session, and stops
/// every plugin when the session ends.
final class ExternalPluginHost {
    fileprivate(set) var connections: [String: PluginConnection] = [:]
    /// Datasets that live in a plugin (returned as handles), by workspace name.
    private(set) var handles: [String: DatasetHandle] = [:]
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
    func run(
        _ record: ExternalPluginRecord, command: CommandDescriptor, bound: BoundArguments, context: CommandContext
    ) throws -> [String: DatasetHandle] {
        stopIdle(except: record.name)
        let connection = try connection(for: record)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-plugin-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let datasets = try inputs(command: command, bound: bound, context: context, scratch: scratch)
        let progress = context.progress(record.name + " " + (command.path.last ?? ""))
        defer { progress.finish() }
        let request = { (id: Int) -> any Encodable in
            RunRequest(
                id: id, command: command.path.last ?? "", arguments: bound, datasets: datasets, scratch: scratch.path,
                seed: context.defaultSeed, language: Language.current.rawValue, commandLine: context.commandLine)
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
        return try results(reply.datasets ?? [:], plugin: record.name, context: context)
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

    /// The datasets named by the command's dataset arguments, as CSV files (or handles) in the scratch folder.
    private func inputs(
        command: CommandDescriptor, bound: BoundArguments, context: CommandContext, scratch: URL
    ) throws -> [String: DatasetPayload] {
        var payloads: [String: DatasetPayload] = [:]
        for argument in command.arguments where argument.completion == .dataset {
            let names = argument.kind == .positional ? bound.positionals[argument.valueName] : bound.options[argument.displayName]
            for name in names ?? [] where payloads[name] == nil {
                if let handle = handles[name] {
                    payloads[name] = DatasetPayload(format: .handle, schema: handle.schema, rows: handle.rows, handle: handle)
                    continue
                }
                let dataset = try context.dataset(name)
                let file = scratch.appendingPathComponent("input-\(payloads.count + 1).csv")
                try DatasetWriter.writeCSV(dataset, to: file.path)
                payloads[name] = DatasetPayload(
                    format: .csv, path: file.path,
                    schema: dataset.columns.map { ColumnSchema(name: $0.name, type: $0.type) }, rows: dataset.rowCount)
            }
        }
        return payloads
    }

    private func results(_ payloads: [String: DatasetPayload], plugin: String, context: CommandContext) throws
        -> [String: DatasetHandle]
    {
        var newHandles: [String: DatasetHandle] = [:]
        for (name, payload) in payloads.sorted(by: { $0.key < $1.key }) {
            do {
                switch payload.format {
                case .csv:
                    guard let path = payload.path else { throw OpsError(ExternalText.missingField("path"), code: .plugin) }
                    var types: [String: ColumnType] = [:]
                    for column in payload.schema ?? [] { types[column.name] = column.type }
                    try context.store(DatasetReader.read(path: path, options: ReadOptions(types: types)).dataset, as: name)
                case .inline:
                    try context.store(Dataset(inline: payload.columns ?? []), as: name)
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

    /// Keeps handles once their command succeeded.
    func commit(_ newHandles: [String: DatasetHandle]) {
        for (name, handle) in newHandles {
            handles[name] = handle
        }
    }
}

extension ExternalPluginHost {
    /// Stops one plugin's process (after `plugin remove`).
    func stop(_ name: String) {
        connections[name]?.stop()
        connections[name] = nil
    }
}
