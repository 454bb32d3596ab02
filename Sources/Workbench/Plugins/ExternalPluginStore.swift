import Foundation
import OpsKit

/// What `plugin add` learnt about an external plugin, cached in
/// `$OPSBENCH_HOME/plugins/NAME.json` so help and completion work without starting it.
public struct ExternalPluginRecord: Codable, Sendable {
    public var name: String
    public var version: String
    public var summary: Localized
    /// The program and its arguments (`python3 stats.py`).
    public var executable: [String]
    public var protocolVersion: ProtocolVersion
    public var features: [String]
    public var keepAlive: Bool
    public var commands: [CommandDescriptor]
    /// Set for an engine plugin: the core commands it runs on the remote datasets it holds.
    public var engine: EngineCapabilities? = nil
}

/// The folder of cached plugin records.
public struct ExternalPluginStore {
    public let folder: URL

    public init(home: URL) { folder = home.appendingPathComponent("plugins", isDirectory: true) }

    public func load() -> [ExternalPluginRecord] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.compactMap { url in
            (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(ExternalPluginRecord.self, from: $0) }
        }
    }

    /// Writes the record atomically (a reader sees the old record or the new one).
    public func save(_ record: ExternalPluginRecord) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(record).write(to: file(record.name), options: .atomic)
    }

    public func remove(_ name: String) throws { try FileManager.default.removeItem(at: file(name)) }

    private func file(_ name: String) -> URL { folder.appendingPathComponent(name + ".json") }

    /// How to run the program at `path`: `.py` files with python3, others directly.
    public static func executable(for path: String) -> [String] {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasSuffix(".py") ? ["/usr/bin/env", "python3", absolute] : [absolute]
    }

    /// Starts the plugin once: handshake and signature, as a record to cache.
    static func inspect(path: String) throws -> ExternalPluginRecord {
        guard FileManager.default.fileExists(atPath: path) else { throw OpsError(ExternalText.badPath(path), code: .io) }
        let executable = executable(for: path)
        let connection = PluginConnection(name: (path as NSString).lastPathComponent, executable: executable)
        defer { connection.stop() }
        let hello = try connection.start()
        let signature = try connection.call(
            { SignatureRequest(id: $0) }, as: SignatureReply.self, timeout: PluginConnection.handshakeTimeout)
        let commands = signature.commands.map { command -> CommandDescriptor in
            var command = command
            command.path = [hello.plugin.name, command.path.last ?? ""]
            return command
        }
        return ExternalPluginRecord(
            name: hello.plugin.name, version: hello.plugin.version, summary: hello.plugin.summary, executable: executable,
            protocolVersion: hello.version, features: hello.features ?? [], keepAlive: hello.keepAlive ?? false,
            commands: commands, engine: hello.engine)
    }
}
