import Foundation
import OpsKit

/// A dataset whose rows live in an engine plugin (a table or view in Spark): the
/// workspace keeps its name, the engine's handle (reference, schema, row count)
/// and its provenance; its rows stay where the engine reads them.
public struct RemoteDataset: Sendable, Equatable {
    public var name: String
    public var handle: DatasetHandle
    public var provenance: Provenance?
    public var storedAt: Date

    public init(name: String, handle: DatasetHandle, provenance: Provenance?, storedAt: Date = Date()) {
        self.name = name
        self.handle = handle
        self.provenance = provenance
        self.storedAt = storedAt
    }

    /// The engine plugin that holds it.
    public var engine: String { handle.plugin }
    /// Its columns, as the engine reported them.
    public var schema: [ColumnSchema] { handle.schema ?? [] }
}

/// The `remote` table of the catalogue (layout 4): one checksummed row per remote dataset.
/// Changed only inside the transactions of ``Workspace/apply(_:)``, with the local datasets.
extension WorkspaceCatalog {
    private static let remoteTable = """
        CREATE TABLE remote (
            name TEXT PRIMARY KEY NOT NULL,
            handle TEXT NOT NULL,
            provenance TEXT,
            stored_at REAL NOT NULL,
            checksum INTEGER NOT NULL
        );
        """

    private func hasRemoteTable() throws -> Bool {
        try database.strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'remote'") == ["remote"]
    }

    /// Every remote dataset, by name; rows whose checksum does not match are left out (and reported by `damaged`).
    func remoteRecords() throws -> (datasets: [String: RemoteDataset], damaged: [String]) {
        guard try hasRemoteTable() else { return ([:], []) }
        let statement = try database.prepare("SELECT name, handle, provenance, stored_at, checksum FROM remote")
        var result: [String: RemoteDataset] = [:]
        var damaged: [String] = []
        while try statement.step() {
            let name = statement.text(0), handle = statement.text(1)
            let provenance = statement.type(2) == 5 /* SQLITE_NULL */ ? nil : statement.text(2)
            let storedAt = statement.double(3)
            guard statement.int64(4) == Self.remoteChecksum(name, handle, provenance, storedAt),
                let decoded = try? JSONDecoder().decode(DatasetHandle.self, from: Data(handle.utf8))
            else {
                damaged.append(name)
                continue
            }
            result[name] = RemoteDataset(
                name: name, handle: decoded,
                provenance: provenance.flatMap { try? JSONDecoder().decode(Provenance.self, from: Data($0.utf8)) },
                storedAt: Date(timeIntervalSince1970: storedAt))
        }
        return (result, damaged)
    }

    /// Stores (or replaces) a remote dataset; creates the table, and moves the catalogue to layout 4, on first use.
    func setRemote(_ remote: RemoteDataset) throws {
        if try !hasRemoteTable() {
            try database.execute(Self.remoteTable + "UPDATE meta SET value = '4' WHERE key = 'catalogue_version';")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let handle = String(decoding: try encoder.encode(remote.handle), as: UTF8.self)
        let provenance = try remote.provenance.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let storedAt = remote.storedAt.timeIntervalSince1970
        let statement = try database.prepare(
            "INSERT OR REPLACE INTO remote (name, handle, provenance, stored_at, checksum) VALUES (?, ?, ?, ?, ?)")
        statement.bind(1, remote.name)
        statement.bind(2, handle)
        statement.bind(3, provenance)
        statement.bind(4, storedAt)
        statement.bind(5, Self.remoteChecksum(remote.name, handle, provenance, storedAt))
        try statement.run()
    }

    /// Forgets a remote dataset (its rows, in the engine, are not touched).
    func removeRemote(_ name: String) throws {
        guard try hasRemoteTable() else { return }
        let statement = try database.prepare("DELETE FROM remote WHERE name = ?")
        statement.bind(1, name)
        try statement.run()
    }

    private static func remoteChecksum(_ name: String, _ handle: String, _ provenance: String?, _ storedAt: Double) -> Int64 {
        Int64(CRC32C.checksum([name, handle, provenance ?? "\u{0}", String(storedAt.bitPattern)].joined(separator: "\u{1F}")))
    }
}
