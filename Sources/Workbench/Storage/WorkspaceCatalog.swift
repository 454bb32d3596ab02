import Foundation
import OpsKit

/// The catalogue: which file holds each dataset's current version, with its
/// schema, row count and provenance, and the previous versions kept for
/// `restore`. Every row carries a CRC-32C of its fields, checked on read.
/// A command's changes are applied in one SQLite transaction.
final class WorkspaceCatalog {
    /// One catalogue row: a version of a dataset.
    struct Record {
        var entry: WorkspaceEntry
        var file: String
        var version: Int
        /// When the version was stored.
        var storedAt: Date
        /// False when the row's checksum does not match its fields (the catalogue was damaged).
        var intact = true
    }

    /// The marker that makes a SQLite file an opsbench catalogue (`meta.format`).
    static let formatID = "opsbench-workspace"
    /// The catalogue layout this version writes (`meta.catalogue_version`):
    /// 1 had no marker, 2 added it, 3 added versions and row checksums, 4 added
    /// remote datasets (written only once the first one is stored, so that a
    /// workspace without them stays readable by earlier versions).
    static let layoutVersion = 4

    let database: SQLiteDatabase

    /// Opens the catalogue at `path`: creates the tables and the marker in an
    /// empty database, brings a catalogue of an earlier layout up to date, and
    /// refuses any other SQLite file (nothing in it is changed).
    init(path: String) throws {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;")
        if try layout() >= 3 { return }
        try database.transaction {
            let layout = try layout()
            if layout == 0 { try database.execute(Self.datasetsTable) }
            if layout < 2 {
                try database.execute(
                    """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                    INSERT INTO meta VALUES ('format', '\(Self.formatID)'), ('catalogue_version', '2');
                    """)
            }
            if layout < 3 { try addVersions() }
        }
    }

    /// The layout of the catalogue (0 for an empty database); throws when it is not an opsbench catalogue.
    private func layout() throws -> Int {
        let tables = try database.strings("SELECT name FROM sqlite_master WHERE type = 'table'")
        if tables.contains("meta") {
            let format = try database.strings("SELECT value FROM meta WHERE key = 'format'")
            guard format == [Self.formatID] else { throw StorageMessages.notACatalogue(database.path) }
            let stored = try database.strings("SELECT value FROM meta WHERE key = 'catalogue_version'")
            guard let version = stored.first.flatMap(Int.init), version >= 2 else {
                throw StorageMessages.notACatalogue(database.path)
            }
            if version > Self.layoutVersion { throw StorageMessages.newerCatalogue(database.path, version) }
            return version
        }
        if tables.isEmpty { return 0 }
        let columns = try database.strings("SELECT name FROM pragma_table_info('datasets')")
        guard Set(columns).isSuperset(of: ["name", "file", "schema", "row_count", "byte_size", "provenance"]) else {
            throw StorageMessages.notACatalogue(database.path)
        }
        return 1
    }

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

    /// Layout 3: a version number and checksum per dataset, and the `versions` table.
    private func addVersions() throws {
        try database.execute(
            """
            ALTER TABLE datasets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE datasets ADD COLUMN stored_at REAL NOT NULL DEFAULT 0;
            ALTER TABLE datasets ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE versions (
                name TEXT NOT NULL,
                version INTEGER NOT NULL,
                file TEXT NOT NULL,
                schema TEXT NOT NULL,
                row_count INTEGER NOT NULL,
                byte_size INTEGER NOT NULL,
                provenance TEXT,
                stored_at REAL NOT NULL,
                checksum INTEGER NOT NULL,
                PRIMARY KEY (name, version)
            );
            """)
        // Earlier rows get their checksum now; each becomes version 1 of its dataset.
        let rows = try rawRows(from: "datasets", where: "1")
        let now = Date().timeIntervalSince1970
        for var row in rows {
            row.storedAt = now
            row.checksum = row.computedChecksum
            try write(row, into: "datasets")
            try write(row, into: "versions")
        }
        try database.execute("UPDATE meta SET value = '3' WHERE key = 'catalogue_version'")
    }

    // MARK: Reading

    /// SQLite's change counter for other connections' commits (`PRAGMA data_version`):
    /// it changes when another process committed to the catalogue.
    func dataVersion() -> Int64? {
        guard let statement = try? database.prepare("PRAGMA data_version"), (try? statement.step()) == true else { return nil }
        return statement.int64(0)
    }

    /// Whether SQLite finds the catalogue's structure intact (`PRAGMA quick_check`).
    func isIntact() -> Bool { (try? database.strings("PRAGMA quick_check")) == ["ok"] }

    /// Every current dataset, by name.
    func records() throws -> [String: Record] {
        var result: [String: Record] = [:]
        for row in try rawRows(from: "datasets", where: "1") { result[row.name] = row.record }
        return result
    }

    /// The kept versions of `name`, oldest first.
    func versions(of name: String) throws -> [Record] {
        try rawRows(from: "versions", where: "name = ?", binding: name).map(\.record).sorted { $0.version < $1.version }
    }

    /// Every file a current or kept version names.
    func referencedFiles() throws -> Set<String> {
        Set(try database.strings("SELECT file FROM datasets UNION SELECT file FROM versions"))
    }

    // MARK: Writing

    /// Runs `body` in one transaction (rolled back when it throws).
    func transaction<T>(_ body: () throws -> T) throws -> T { try database.transaction(body) }

    /// The number the next version of `name` gets.
    func nextVersion(of name: String) throws -> Int {
        let statement = try database.prepare(
            "SELECT max(v) FROM (SELECT max(version) AS v FROM versions WHERE name = ?1 UNION ALL SELECT version FROM datasets WHERE name = ?1)")
        statement.bind(1, name)
        _ = try statement.step()
        return Int(statement.int64(0)) + 1
    }

    /// Makes `record` the current version of its dataset and keeps it among the versions.
    func setCurrent(_ record: Record) throws {
        let row = try RawRow(record)
        try write(row, into: "datasets")
        try write(row, into: "versions")
    }

    /// Removes the current version of `name` (its kept versions stay, for `restore`).
    func removeCurrent(_ name: String) throws {
        let statement = try database.prepare("DELETE FROM datasets WHERE name = ?")
        statement.bind(1, name)
        try statement.run()
    }

    /// Forgets the versions of `name` older than its newest `kept` ones (never
    /// the current one); returns the files no row names any more.
    func prune(_ name: String, keeping kept: Int) throws -> Set<String> {
        let old = try rawRows(from: "versions", where: "name = ?", binding: name).sorted { $0.version > $1.version }.dropFirst(kept)
        let lookup = try database.prepare("SELECT version FROM datasets WHERE name = ?")
        lookup.bind(1, name)
        let current = try lookup.step() ? Int(lookup.int64(0)) : nil
        let delete = try database.prepare("DELETE FROM versions WHERE name = ? AND version = ?")
        var files = Set<String>()
        for row in old where row.version != current {
            delete.bind(1, name)
            delete.bind(2, Int64(row.version))
            try delete.run()
            files.insert(row.file)
        }
        return files.subtracting(try referencedFiles())
    }

    // MARK: Rows

    /// A row as stored: the text of every field, so that its checksum is computed over exactly what is on disk.
    fileprivate struct RawRow {
        var name: String
        var version: Int
        var file: String
        var schema: String
        var rowCount: Int64
        var byteSize: Int64
        var provenance: String?
        var storedAt: Double
        var checksum: Int64

        var computedChecksum: Int64 {
            let fields = [name, String(version), file, schema, String(rowCount), String(byteSize), provenance ?? "\u{0}",
                          String(storedAt.bitPattern)]
            return Int64(CRC32C.checksum(fields.joined(separator: "\u{1F}")))
        }

        var record: Record {
            let schema = (try? JSONDecoder().decode([SchemaField].self, from: Data(schema.utf8))) ?? []
            let provenance = self.provenance.flatMap { try? JSONDecoder().decode(Provenance.self, from: Data($0.utf8)) }
            let entry = WorkspaceEntry(
                name: name, schema: schema.map { ($0.name, $0.type) }, rowCount: Int(rowCount), provenance: provenance,
                byteSize: Int(byteSize))
            return Record(
                entry: entry, file: file, version: version, storedAt: Date(timeIntervalSince1970: storedAt),
                intact: checksum == computedChecksum && rowCount >= 0)
        }
    }

    private static let columns = "name, version, file, schema, row_count, byte_size, provenance, stored_at, checksum"

    private func rawRows(from table: String, where condition: String, binding value: String? = nil) throws -> [RawRow] {
        let statement = try database.prepare("SELECT \(Self.columns) FROM \(table) WHERE \(condition)")
        if let value { statement.bind(1, value) }
        var rows: [RawRow] = []
        while try statement.step() {
            rows.append(
                RawRow(
                    name: statement.text(0), version: Int(statement.int64(1)), file: statement.text(2),
                    schema: statement.text(3), rowCount: statement.int64(4), byteSize: statement.int64(5),
                    provenance: statement.type(6) == 5 /* SQLITE_NULL */ ? nil : statement.text(6),
                    storedAt: statement.double(7), checksum: statement.int64(8)))
        }
        return rows
    }

    private func write(_ row: RawRow, into table: String) throws {
        let statement = try database.prepare("INSERT OR REPLACE INTO \(table) (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        statement.bind(1, row.name)
        statement.bind(2, Int64(row.version))
        statement.bind(3, row.file)
        statement.bind(4, row.schema)
        statement.bind(5, row.rowCount)
        statement.bind(6, row.byteSize)
        statement.bind(7, row.provenance)
        statement.bind(8, row.storedAt)
        statement.bind(9, row.checksum)
        try statement.run()
    }

    fileprivate struct SchemaField: Codable {
        var name: String
        var type: ColumnType
    }
}

extension WorkspaceCatalog.RawRow {
    /// The row that stores `record`, with its checksum.
    init(_ record: WorkspaceCatalog.Record) throws {
        let schema = record.entry.schema.map { WorkspaceCatalog.SchemaField(name: $0.name, type: $0.type) }
        self.init(
            name: record.entry.name, version: record.version, file: record.file,
            schema: String(decoding: try JSONEncoder().encode(schema), as: UTF8.self),
            rowCount: Int64(record.entry.rowCount), byteSize: Int64(record.entry.byteSize),
            provenance: try record.entry.provenance.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
            storedAt: record.storedAt.timeIntervalSince1970, checksum: 0)
        checksum = computedChecksum
    }
}
