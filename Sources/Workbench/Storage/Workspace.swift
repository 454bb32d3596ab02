import Foundation
import OpsKit

/// One change to the workspace; a command's changes are applied together.
public enum WorkspaceChange {
    case put(StagedDataset)
    case drop(String)
    case rename(from: String, to: String)
    /// Makes a kept version of a dataset its current version again (a new version number).
    case restore(name: String, version: Int)
}

/// A committed change that gave a name already holding data a new version.
public struct Replacement: Equatable, Sendable {
    public var name: String
    public var previous: Int
    public var current: Int
}

/// One kept version of a dataset.
public struct DatasetVersion {
    public var version: Int
    public var entry: WorkspaceEntry
    public var storedAt: Date
    public var isCurrent: Bool
}

/// What the catalogue knows about a dataset without reading its data.
public struct WorkspaceEntry {
    public var name: String
    public var schema: [(name: String, type: ColumnType)]
    public var rowCount: Int
    public var provenance: Provenance?
    /// Size of the stored file in bytes.
    public var byteSize: Int
}

/// The durable store of a session's datasets.
///
/// A folder holding `catalog.sqlite` (name → file, schema, row count,
/// provenance, and the kept versions of each name) and `data/`, one binary
/// columnar file per dataset version, every block checksummed. `apply`
/// writes new files under temporary names, fsyncs and renames them, then
/// switches the catalogue in one SQLite transaction; files the store wrote
/// that no catalogue row names (left by a killed process) are removed on
/// open. So a process killed at any moment leaves the workspace as it was
/// before the command. A replace or a drop keeps the previous version
/// (the last ``keptVersions`` per name) for `restore`. Another process's
/// commits are seen before every read (``refresh()``). Opening reads only the
/// catalogue; datasets load on first use.
public final class Workspace: DatasetSource, StoredTableSource {
    public let directory: URL
    /// Versions kept per dataset name, the current one included.
    public let keptVersions: Int
    private let data: DataFolder
    private let catalog: WorkspaceCatalog
    private let lock: WorkspaceLock
    private var records: [String: WorkspaceCatalog.Record]
    /// The catalogue's `data_version` when `records` was read.
    private var seenVersion: Int64?
    private var cache: [String: Dataset] = [:]
    private lazy var sqlEngine = SQLEngine()

    /// Versions kept per name unless `OPSBENCH_KEEP_VERSIONS` (1–1000) says otherwise.
    public static var defaultKeptVersions: Int {
        ProcessInfo.processInfo.environment["OPSBENCH_KEEP_VERSIONS"].flatMap(Int.init).map { min(1000, max(1, $0)) } ?? 5
    }

    /// Opens the workspace in `directory`, creating it when absent or empty.
    /// Refuses, changing nothing, a folder that is not a workspace (see ``WorkspaceFolder``).
    public init(directory: URL, keptVersions: Int = Workspace.defaultKeptVersions) throws {
        self.directory = directory
        self.keptVersions = max(1, keptVersions)
        _ = try WorkspaceFolder.prepare(directory)
        data = DataFolder(url: directory.appendingPathComponent(WorkspaceFolder.dataName))
        catalog = try WorkspaceCatalog(path: directory.appendingPathComponent(WorkspaceFolder.catalogName).path)
        lock = WorkspaceLock(directory: directory)
        seenVersion = catalog.dataVersion()
        records = try catalog.records()
        removeOrphans()
    }

    /// A new, empty workspace in a fresh temporary folder.
    public static func temporary() throws -> Workspace {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-workspace-\(UUID().uuidString)")
        return try Workspace(directory: url)
    }

    // MARK: Reading

    public var datasetNames: [String] {
        refresh()
        return records.keys.sorted()
    }

    public func entry(named name: String) -> WorkspaceEntry? {
        refresh()
        return records[name]?.entry
    }

    /// The kept versions of `name`, oldest first (also after a drop).
    public func versions(of name: String) throws -> [DatasetVersion] {
        refresh()
        return try catalog.versions(of: name).map {
            DatasetVersion(version: $0.version, entry: $0.entry, storedAt: $0.storedAt, isCurrent: records[name]?.version == $0.version)
        }
    }

    /// The current version number of `name`.
    public func currentVersion(of name: String) -> Int? {
        refresh()
        return records[name]?.version
    }

    /// Reads a kept version of `name` (checks its file as a normal read does).
    public func dataset(named name: String, version: Int) throws -> Dataset {
        guard let record = try catalog.versions(of: name).first(where: { $0.version == version }) else {
            throw StorageMessages.unknownVersion(name, version, kept: try catalog.versions(of: name).map(\.version))
        }
        return try read(record, limit: nil)
    }

    /// The name of the file in `data/` that holds the current version of `name`.
    func storedFile(of name: String) -> String? { records[name]?.file }

    /// Every file the catalogue names: current and kept versions.
    func storedFiles() throws -> Set<String> { try catalog.referencedFiles() }

    /// The dataset called `name`, read from its file on first use and cached.
    public func dataset(named name: String) throws -> Dataset {
        refresh()
        if let cached = cache[name] { return cached }
        guard let record = records[name] else { throw OpsError.unknownDataset(name, available: datasetNames) }
        let dataset = try read(record, limit: nil)
        cache[name] = dataset
        return dataset
    }

    /// Forgets the cached copy of `name`; the next read loads its file again.
    public func release(named name: String) { cache[name] = nil }

    /// The first `rows` rows of a dataset, read (and verified) without loading
    /// the rest (for `show` on large datasets).
    public func preview(named name: String, rows: Int) throws -> Dataset {
        refresh()
        if let cached = cache[name] { return cached.head(rows) }
        guard let record = records[name] else { throw OpsError.unknownDataset(name, available: datasetNames) }
        return try read(record, limit: rows)
    }

    /// Reads a record's file, checked against what the catalogue says of it.
    private func read(_ record: WorkspaceCatalog.Record, limit: Int?) throws -> Dataset {
        let name = record.entry.name
        guard record.intact else { throw StorageMessages.damagedEntry(name, hint: damagedHint(name)) }
        let dataset: Dataset
        do {
            dataset = try ColumnarFile.read(path: try data.path(of: record.file), limit: limit)
        } catch {
            throw damaged(record, error)
        }
        let rows = limit.map { min(max(0, $0), record.entry.rowCount) } ?? record.entry.rowCount
        try check(dataset.columns.map { ($0.name, $0.type) }, rows: dataset.rowCount, against: record, expectedRows: rows)
        return dataset
    }

    /// The current version of `name` mapped for SQL to read in place: the file's
    /// layout is checked now, each column's bytes when a query first uses it.
    func storedTable(named name: String) throws -> StoredTable {
        refresh()
        guard let record = records[name] else { throw OpsError.unknownDataset(name, available: datasetNames) }
        guard record.intact else { throw StorageMessages.damagedEntry(name, hint: damagedHint(name)) }
        let layout: ColumnarFile.Layout
        do {
            layout = try ColumnarFile.Layout(path: try data.path(of: record.file), sequential: false)
            if !layout.endsAtFileEnd { throw ColumnarFile.Damage.truncated }
        } catch {
            throw damaged(record, error)
        }
        try check(layout.columns.map { ($0.info.name, $0.info.type) }, rows: layout.rows, against: record, expectedRows: record.entry.rowCount)
        let file = record.file, hint = damagedHint(name)
        return StoredTable(
            version: file, layout: layout, damaged: { StorageMessages.damagedFile(name, file, $0, hint: hint) })
    }

    /// The error for a record whose file could not be read.
    private func damaged(_ record: WorkspaceCatalog.Record, _ error: Error) -> OpsError {
        let name = record.entry.name
        return StorageMessages.damagedFile(
            name, record.file, error as? ColumnarFile.Damage ?? .notAColumnarFile, hint: damagedHint(name))
    }

    /// Throws when a file's schema or row count is not what the catalogue says.
    private func check(
        _ schema: [(name: String, type: ColumnType)], rows: Int, against record: WorkspaceCatalog.Record, expectedRows: Int
    ) throws {
        let found = schema.map { "\($0.name):\($0.type.rawValue)" }
        let expected = record.entry.schema.map { "\($0.name):\($0.type.rawValue)" }
        guard found == expected, rows == expectedRows || schema.isEmpty else {
            throw StorageMessages.damagedFile(record.entry.name, record.file, nil, hint: damagedHint(record.entry.name))
        }
    }

    /// Suggests restoring when another intact version of `name` is kept, else storing it again; never deleting.
    private func damagedHint(_ name: String) -> String {
        let others = ((try? catalog.versions(of: name)) ?? []).filter { $0.intact && $0.file != records[name]?.file }
        return StorageMessages.damagedHint(name, restorable: others.last?.version)
    }

    /// Re-reads the catalogue when another process committed to it since it was last read.
    private func refresh() {
        let version = catalog.dataVersion()
        guard version != seenVersion, let fresh = try? catalog.records() else { return }
        seenVersion = version
        for (name, record) in records where fresh[name]?.file != record.file { cache[name] = nil }
        records = fresh
        sqlEngine.invalidate(keeping: records.mapValues(\.file))
    }

    // MARK: Writing

    /// Applies `changes` all or nothing, durably (see the type's description);
    /// returns the names whose data a change replaced.
    @discardableResult
    public func apply(_ changes: [WorkspaceChange]) throws -> [Replacement] {
        guard !changes.isEmpty else { return [] }
        refresh()
        try validate(changes, names: Set(records.keys))
        for case .put(let staged) in changes { try checkFinite(staged) }
        return try lock.exclusively {
            var written: [Int: (file: String, size: Int)] = [:]
            do {
                for (index, change) in changes.enumerated() {
                    guard case .put(let staged) = change else { continue }
                    let file = StoreFileNames.newDataFile()
                    written[index] = (file, try ColumnarFile.write(staged.dataset, to: try data.path(of: file)))
                }
                var replaced: [Replacement] = []
                var unreferenced = Set<String>()
                let next = try catalog.transaction { () -> [String: WorkspaceCatalog.Record] in
                    var current = try catalog.records()  // another process may have committed since `refresh`
                    try validate(changes, names: Set(current.keys))
                    var touched = Set<String>()
                    let now = Date()
                    for (index, change) in changes.enumerated() {
                        var record: WorkspaceCatalog.Record
                        switch change {
                        case .put(let staged):
                            let (file, size) = written[index]!
                            let entry = WorkspaceEntry(
                                name: staged.name, schema: staged.dataset.columns.map { ($0.name, $0.type) },
                                rowCount: staged.dataset.rowCount, provenance: staged.provenance, byteSize: size)
                            record = .init(entry: entry, file: file, version: 0, storedAt: now)
                        case .drop(let name):
                            try catalog.removeCurrent(name)
                            current[name] = nil
                            continue
                        case .rename(let from, let to):
                            record = current[from]!
                            record.entry.name = to
                            try catalog.removeCurrent(from)
                            current[from] = nil
                        case .restore(let name, let version):
                            guard let kept = try catalog.versions(of: name).first(where: { $0.version == version && $0.intact })
                            else { throw StorageMessages.unknownVersion(name, version, kept: try catalog.versions(of: name).map(\.version)) }
                            record = kept
                        }
                        let name = record.entry.name
                        record.version = try catalog.nextVersion(of: name)
                        record.storedAt = now
                        if let previous = current[name] {
                            replaced.append(Replacement(name: name, previous: previous.version, current: record.version))
                        }
                        try catalog.setCurrent(record)
                        current[name] = record
                        touched.insert(name)
                    }
                    for name in touched { unreferenced.formUnion(try catalog.prune(name, keeping: keptVersions)) }
                    return current
                }
                var known: [String: Dataset] = [:]  // file → its data, where it is in memory
                for (name, dataset) in cache { if let file = records[name]?.file { known[file] = dataset } }
                for (index, change) in changes.enumerated() {
                    if case .put(let staged) = change, let file = written[index]?.file { known[file] = staged.dataset }
                }
                cache = next.compactMapValues { known[$0.file] }
                records = next
                seenVersion = catalog.dataVersion()
                sqlEngine.invalidate(keeping: records.mapValues(\.file))
                data.remove(unreferenced)
                return replaced
            } catch {
                data.remove(written.values.map(\.file))
                throw error
            }
        }
    }

    /// Checks names and existence as the changes would apply in order to
    /// datasets called `names`, before anything is written.
    private func validate(_ changes: [WorkspaceChange], names: Set<String>) throws {
        var names = names
        for change in changes {
            switch change {
            case .put(let staged):
                try DatasetName.validate(staged.name)
                names.insert(staged.name)
            case .drop(let name):
                guard names.remove(name) != nil else { throw OpsError.unknownDataset(name, available: names.sorted()) }
            case .rename(let from, let to):
                guard names.contains(from) else { throw OpsError.unknownDataset(from, available: names.sorted()) }
                try DatasetName.validate(to)
                guard from == to || !names.contains(to) else { throw StorageMessages.datasetExists(to) }
                names.remove(from)
                names.insert(to)
            case .restore(let name, _):
                try DatasetName.validate(name)
                names.insert(name)
            }
        }
    }

    /// Refuses a result with NaN or ±infinity (not nulls) computed from datasets
    /// whose numbers are all finite: an overflow, not data. A load keeps such
    /// values when the file spells them (`inf`, `NaN`).
    private func checkFinite(_ staged: StagedDataset) throws {
        guard !staged.provenance.inputs.isEmpty, let column = staged.dataset.columns.first(where: Self.hasNonFinite)
        else { return }
        for input in staged.provenance.inputs {
            guard let dataset = try? dataset(named: input), !dataset.columns.contains(where: Self.hasNonFinite) else { return }
        }
        throw StorageMessages.nonFinite(column: column.name, dataset: staged.name, command: staged.provenance.command)
    }

    private static func hasNonFinite(_ column: Column) -> Bool {
        guard case .doubles(let values) = column.values else { return false }
        if let validity = column.validity {
            return zip(values, validity).contains { $1 && !$0.isFinite }
        }
        return values.contains { !$0.isFinite }
    }

    // MARK: SQL

    /// Runs one SQLite query over the workspace's datasets (each a table of the
    /// same name) and returns the result with inferred column types; stops
    /// with ``CommandCancelled`` as soon as `isCancelled` returns true.
    public func query(_ sql: String, isCancelled: @escaping () -> Bool = { false }) throws -> Dataset {
        refresh()
        return try sqlEngine.query(sql, source: self, versions: records.mapValues(\.file), isCancelled: isCancelled)
    }

    // MARK: Files

    /// Removes files in `data/` that the store wrote but the catalogue does not
    /// name: temporary files and versions a killed process wrote but never
    /// switched to. Files the store did not name are never touched. Skipped
    /// while another process is writing, and when the catalogue is damaged
    /// (a lost row must not make its file look like an orphan).
    private func removeOrphans() {
        lock.ifFree {
            guard catalog.isIntact(), let referenced = try? catalog.referencedFiles() else { return }
            data.remove(data.ownedFiles().filter { !referenced.contains($0) })
        }
    }
}
