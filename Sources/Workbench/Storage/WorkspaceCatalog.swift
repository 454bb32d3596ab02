import Foundation
import OpsKit

/// The catalogue: one SQLite table naming each dataset's current file,
/// schema, row count and provenance. Switching datasets is one transaction.
final class WorkspaceCatalog {
    /// One catalogue row.
    struct Record {
        var entry: WorkspaceEntry
        var file: String
    }

    /// The marker that makes a SQLite file an opsbench catalogue (`meta.format`).
    static let formatID = "opsbench-workspace"
    /// The catalogue layout this version writes (`meta.catalogue_version`).
    static let layoutVersion = 2

    private let database: SQLiteDatabase

    /// Opens the catalogue at `path`: creates the tables and the marker in an
    /// empty database, adds the marker to a catalogue written before it
    /// existed, and refuses any other SQLite file (nothing in it is changed).
    init(path: String) throws {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;")
        if try layoutStep() == .ready { return }
        try database.transaction {
            switch try layoutStep() {
            case .ready: break
            case .create:
                try database.execute(Self.datasetsTable)
                try writeMarker()
            case .addMarker:
                try writeMarker()
            }
        }
    }

    private enum LayoutStep { case ready, create, addMarker }

    /// What the catalogue needs before use; throws when it is not an opsbench catalogue.
    private func layoutStep() throws -> LayoutStep {
        let tables = try database.strings("SELECT name FROM sqlite_master WHERE type = 'table'")
        if tables.contains("meta") {
            let format = try database.strings("SELECT value FROM meta WHERE key = 'format'")
            guard format == [Self.formatID] else { throw StorageMessages.notACatalogue(database.path) }
            let version = try database.strings("SELECT value FROM meta WHERE key = 'catalogue_version'")
            if let stored = version.first.flatMap(Int.init), stored > Self.layoutVersion {
                throw StorageMessages.newerCatalogue(database.path, stored)
            }
            return .ready
        }
        if tables.isEmpty { return .create }
        let columns = try database.strings("SELECT name FROM pragma_table_info('datasets')")
        guard Set(columns).isSuperset(of: Self.datasetColumns) else { throw StorageMessages.notACatalogue(database.path) }
        return .addMarker
    }

    private func writeMarker() throws {
        try database.execute(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
            INSERT INTO meta VALUES ('format', '\(Self.formatID)'), ('catalogue_version', '\(Self.layoutVersion)');
            """)
    }

    private static let datasetColumns: Set = ["name", "file", "schema", "row_count", "byte_size", "provenance"]

    private static let datasetsTable = """
        CREATE TABLE datasets (
            name TEXT PRIMARY KEY NOT NULL,
            file TEXT NOT NULL,
            schema TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            byte_size INTEGER NOT NULL,
            provenance TEXT
        );
        """

    /// Whether SQLite finds the catalogue's structure intact (`PRAGMA quick_check`).
    func isIntact() -> Bool { (try? database.strings("PRAGMA quick_check")) == ["ok"] }

    /// Every record, by name.
    func records() throws -> [String: Record] {
        let statement = try database.prepare(
            "SELECT name, file, schema, row_count, byte_size, provenance FROM datasets")
        var result: [String: Record] = [:]
        while try statement.step() {
            let name = statement.text(0)
            let schema = (try? JSONDecoder().decode([SchemaField].self, from: Data(statement.text(2).utf8))) ?? []
            let provenance = statement.type(5) == 5 /* SQLITE_NULL */
                ? nil : try? JSONDecoder().decode(Provenance.self, from: Data(statement.text(5).utf8))
            let entry = WorkspaceEntry(
                name: name, schema: schema.map { ($0.name, $0.type) }, rowCount: Int(statement.int64(3)),
                provenance: provenance, byteSize: Int(statement.int64(4)))
            result[name] = Record(entry: entry, file: statement.text(1))
        }
        return result
    }

    /// One step of a catalogue switch.
    enum Edit {
        case upsert(Record)
        case delete(String)
        case rename(from: String, to: String)
    }

    /// Applies every edit in one transaction.
    func apply(_ edits: [Edit]) throws {
        try database.transaction {
            let upsert = try database.prepare(
                """
                INSERT OR REPLACE INTO datasets (name, file, schema, row_count, byte_size, provenance)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            let delete = try database.prepare("DELETE FROM datasets WHERE name = ?")
            let rename = try database.prepare("UPDATE datasets SET name = ? WHERE name = ?")
            for edit in edits {
                switch edit {
                case .upsert(let record):
                    let schema = record.entry.schema.map { SchemaField(name: $0.name, type: $0.type) }
                    upsert.bind(1, record.entry.name)
                    upsert.bind(2, record.file)
                    upsert.bind(3, String(decoding: try JSONEncoder().encode(schema), as: UTF8.self))
                    upsert.bind(4, Int64(record.entry.rowCount))
                    upsert.bind(5, Int64(record.entry.byteSize))
                    upsert.bind(
                        6, try record.entry.provenance.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) })
                    try upsert.run()
                case .delete(let name):
                    delete.bind(1, name)
                    try delete.run()
                case .rename(let from, let to):
                    rename.bind(1, to)
                    rename.bind(2, from)
                    try rename.run()
                }
            }
        }
    }

    private struct SchemaField: Codable {
        var name: String
        var type: ColumnType
    }
}
