import Foundation
import OpsKit

/// One change to the workspace; a command's changes are applied together.
public enum WorkspaceChange {
    case put(StagedDataset)
    case drop(String)
    case rename(from: String, to: String)
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
/// provenance) and `data/`, one binary columnar file per dataset version.
/// `apply` writes new files under temporary names, fsyncs and renames them,
/// then switches the catalogue in one SQLite transaction; files the catalogue
/// does not name (left by a killed process) are removed on open. So a process
/// killed at any moment leaves the workspace as it was before the command.
/// Opening reads only the catalogue; datasets load on first use.
public final class Workspace: DatasetSource {
    public let directory: URL
    private let data: DataFolder
    private let catalog: WorkspaceCatalog
    private let lock: WorkspaceLock
    private var records: [String: WorkspaceCatalog.Record]
    private var cache: [String: Dataset] = [:]
    private lazy var sqlEngine = SQLEngine()

    /// Opens the workspace in `directory`, creating it when absent or empty.
    /// Refuses, changing nothing, a folder that is not a workspace (see ``WorkspaceFolder``).
    public init(directory: URL) throws {
        self.directory = directory
        _ = try WorkspaceFolder.prepare(directory)
        data = DataFolder(url: directory.appendingPathComponent(WorkspaceFolder.dataName))
        catalog = try WorkspaceCatalog(path: directory.appendingPathComponent(WorkspaceFolder.catalogName).path)
        lock = WorkspaceLock(directory: directory)
        records = try catalog.records()
        removeOrphans()
    }

    /// A new, empty workspace in a fresh temporary folder.
    public static func temporary() throws -> Workspace {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-workspace-\(UUID().uuidString)")
        return try Workspace(directory: url)
    }

    // MARK: Reading

    public var datasetNames: [String] { records.keys.sorted() }

    public func entry(named name: String) -> WorkspaceEntry? { records[name]?.entry }

    /// The name of the file in `data/` that holds the current version of `name`.
    func storedFile(of name: String) -> String? { records[name]?.file }

    /// The dataset called `name`, read from its file on first use and cached.
    public func dataset(named name: String) throws -> Dataset {
        if let cached = cache[name] { return cached }
        guard let record = records[name] else { throw OpsError.unknownDataset(name, available: datasetNames) }
        let dataset = try read(record, limit: nil)
        cache[name] = dataset
        return dataset
    }

    /// The first `rows` rows of a dataset, read (and verified) without loading
    /// the rest (for `show` on large datasets).
    public func preview(named name: String, rows: Int) throws -> Dataset {
        if let cached = cache[name] { return cached.head(rows) }
        guard let record = records[name] else { throw OpsError.unknownDataset(name, available: datasetNames) }
        return try read(record, limit: rows)
    }

    /// Reads a record's file, checked against what the catalogue says of it.
    private func read(_ record: WorkspaceCatalog.Record, limit: Int?) throws -> Dataset {
        let name = record.entry.name
        let dataset: Dataset
        do {
            dataset = try ColumnarFile.read(path: try data.path(of: record.file), limit: limit)
        } catch let damage as ColumnarFile.Damage {
            throw StorageMessages.damagedFile(name, record.file, damage)
        } catch {
            throw StorageMessages.damagedFile(name, record.file, .notAColumnarFile)
        }
        let schema = dataset.columns.map { "\($0.name):\($0.type.rawValue)" }
        let expected = record.entry.schema.map { "\($0.name):\($0.type.rawValue)" }
        let rows = limit.map { min(max(0, $0), record.entry.rowCount) } ?? record.entry.rowCount
        guard schema == expected, dataset.rowCount == rows || dataset.columns.isEmpty else {
            throw StorageMessages.damagedFile(name, record.file, nil)
        }
        return dataset
    }

    // MARK: Writing

    /// Applies `changes` all or nothing, durably (see the type's description).
    public func apply(_ changes: [WorkspaceChange]) throws {
        guard !changes.isEmpty else { return }
        try validate(changes)
        try lock.exclusively {
            var written: [String] = []
            do {
                var edits: [WorkspaceCatalog.Edit] = []
                var next = records
                var newData: [String: Dataset] = [:]
                for change in changes {
                    switch change {
                    case .put(let staged):
                        let file = StoreFileNames.newDataFile()
                        let size = try ColumnarFile.write(staged.dataset, to: try data.path(of: file))
                        written.append(file)
                        let dataset = staged.dataset
                        let entry = WorkspaceEntry(
                            name: staged.name, schema: dataset.columns.map { ($0.name, $0.type) },
                            rowCount: dataset.rowCount, provenance: staged.provenance, byteSize: size)
                        let record = WorkspaceCatalog.Record(entry: entry, file: file)
                        edits.append(.upsert(record))
                        next[staged.name] = record
                        newData[staged.name] = dataset
                    case .drop(let name):
                        edits.append(.delete(name))
                        next[name] = nil
                        newData[name] = nil
                    case .rename(let from, let to):
                        edits.append(.rename(from: from, to: to))
                        next[to] = next[from].map { var r = $0; r.entry.name = to; return r }
                        next[from] = nil
                        newData[to] = newData[from]
                        newData[from] = nil
                    }
                }
                try catalog.apply(edits)
                let kept = Set(next.values.map(\.file))
                let obsolete = Set(records.values.map(\.file)).subtracting(kept)
                for name in Set(records.keys).union(next.keys) where records[name]?.file != next[name]?.file {
                    cache[name] = newData[name]
                }
                records = next
                sqlEngine.invalidate(keeping: records.mapValues(\.file))
                data.remove(obsolete)
            } catch {
                data.remove(written)
                throw error
            }
        }
    }

    /// Checks names and existence as the changes would apply in order, before anything is written.
    private func validate(_ changes: [WorkspaceChange]) throws {
        var names = Set(records.keys)
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
            }
        }
    }

    // MARK: SQL

    /// Runs one SQLite query over the workspace's datasets (each a table of the
    /// same name) and returns the result with inferred column types; stops
    /// with ``CommandCancelled`` as soon as `isCancelled` returns true.
    public func query(_ sql: String, isCancelled: @escaping () -> Bool = { false }) throws -> Dataset {
        try sqlEngine.query(sql, source: self, versions: records.mapValues(\.file), isCancelled: isCancelled)
    }

    // MARK: Files

    /// Removes files in `data/` that the store wrote but the catalogue does not
    /// name: temporary files and versions a killed process wrote but never
    /// switched to. Files the store did not name are never touched. Skipped
    /// while another process is writing, and when the catalogue is damaged
    /// (a lost row must not make its file look like an orphan).
    private func removeOrphans() {
        lock.ifFree {
            guard catalog.isIntact(), let current = try? catalog.records() else { return }
            records = current
            let referenced = Set(current.values.map(\.file))
            data.remove(data.ownedFiles().filter { !referenced.contains($0) })
        }
    }
}
