import Foundation
import OpsKit
import Testing

@testable import Workbench

/// A staged dataset as a command would produce it.
func staged(_ name: String, _ dataset: Dataset, command: String = "test") throws -> StagedDataset {
    let context = CommandContext(
        commandLine: command, style: .plain, defaultSeed: 7, source: InMemoryDatasets(), sink: TextBuffer())
    try context.store(dataset, as: name)
    return context.staged[0]
}

@Suite("Workspace store")
struct WorkspaceStoreTests {
    let scratch = ScratchFolder()
    var folder: URL { scratch.url.appendingPathComponent("ws") }

    func dataFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("data").path).sorted()
    }

    @Test func datasetsSchemaAndProvenancePersistAcrossInstances() throws {
        let sample = try CSVRoundTripTests.sample()
        let put = try staged("用户", sample, command: "load 用户 users.csv")
        do {
            let workspace = try Workspace(directory: folder)
            try workspace.apply([.put(put)])
        }
        let reopened = try Workspace(directory: folder)
        #expect(reopened.datasetNames == ["用户"])
        let entry = try #require(reopened.entry(named: "用户"))
        #expect(entry.rowCount == 4)
        #expect(entry.schema.map(\.name) == sample.columnNames)
        #expect(entry.schema.map(\.type) == sample.columns.map(\.type))
        #expect(entry.provenance == put.provenance)
        #expect(entry.byteSize > 0)
        #expect(same(try reopened.dataset(named: "用户"), sample))
    }

    @Test func openingDoesNotReadDatasets() throws {
        let a = try Dataset(columns: [Column(name: "x", integers: [1, 2, 3])])
        try Workspace(directory: folder).apply([.put(try staged("a", a))])
        // Damage the data file: opening and listing must still work; only first use reads it.
        let file = folder.appendingPathComponent("data").appendingPathComponent(try dataFiles()[0]).path
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: file))
        let workspace = try Workspace(directory: folder)
        #expect(workspace.datasetNames == ["a"])
        #expect(workspace.entry(named: "a")?.rowCount == 3)
        #expect(throws: OpsError.self) { try workspace.dataset(named: "a") }
    }

    @Test func dropRenameAndReplaceAreDurableAndRemoveOldFiles() throws {
        let one = try Dataset(columns: [Column(name: "x", integers: [1])])
        let two = try Dataset(columns: [Column(name: "y", strings: ["二"])])
        let workspace = try Workspace(directory: folder)
        try workspace.apply([.put(try staged("a", one)), .put(try staged("b", two))])
        try workspace.apply([.rename(from: "a", to: "c"), .drop("b"), .put(try staged("b", one))])
        try workspace.apply([.put(try staged("c", two))])
        #expect(try workspace.dataset(named: "c") == two)
        let again = try Workspace(directory: folder)
        #expect(again.datasetNames == ["b", "c"])
        #expect(try again.dataset(named: "b") == one)
        #expect(try again.dataset(named: "c") == two)
        #expect(Set(try dataFiles()) == (try again.storedFiles()), "replaced and dropped data stays only as kept versions")
        #expect(try again.versions(of: "b").count == 2 && again.versions(of: "c").count == 2)
    }

    @Test func invalidChangesApplyNothing() throws {
        let one = try Dataset(columns: [Column(name: "x", integers: [1])])
        let workspace = try Workspace(directory: folder)
        try workspace.apply([.put(try staged("a", one))])
        #expect(throws: OpsError.self) { try workspace.apply([.put(try staged("b", one)), .drop("nope")]) }
        #expect(throws: OpsError.self) { try workspace.apply([.put(try staged("b", one)), .rename(from: "b", to: "a")]) }
        #expect(workspace.datasetNames == ["a"])
        #expect(try Workspace(directory: folder).datasetNames == ["a"])
        #expect(try dataFiles().count == 1)
    }

    @Test func crashBeforeTheCatalogueSwitchLeavesThePreviousState() throws {
        let before = try Dataset(columns: [Column(name: "x", integers: [1, 2])])
        let after = try Dataset(columns: [Column(name: "x", integers: [9, 9, 9])])
        try Workspace(directory: folder).apply([.put(try staged("a", before))])
        // What a process killed mid-command leaves: a half-written temporary file and a
        // complete new version that the catalogue was never switched to.
        let data = folder.appendingPathComponent("data")
        let partial = AtomicFileWriterProbe.partialTemporaryFile(in: data)
        _ = try ColumnarFile.write(after, to: data.appendingPathComponent(StoreFileNames.newDataFile()).path)
        #expect(try dataFiles().count == 3 && FileManager.default.fileExists(atPath: partial))
        let reopened = try Workspace(directory: folder)
        #expect(try reopened.dataset(named: "a") == before)
        #expect(try dataFiles().count == 1, "orphans are removed on open")
        #expect(!FileManager.default.fileExists(atPath: partial))
    }

    @Test func orphansOfAnotherProcessStillWritingAreKept() throws {
        let data = folder.appendingPathComponent("data")
        let first = try Workspace(directory: folder)
        let partial = AtomicFileWriterProbe.partialTemporaryFile(in: data)
        // Hold the writer lock as a writing process would.
        let lock = WorkspaceLock(directory: folder)
        lock.exclusively {
            let fd = open(folder.appendingPathComponent("lock").path, O_RDWR)
            #expect(flock(fd, LOCK_EX | LOCK_NB) != 0)
            close(fd)
            _ = try? Workspace(directory: folder)
            #expect(FileManager.default.fileExists(atPath: partial))
        }
        _ = first
    }

    @Test func columnarFileRoundTripsEveryType() throws {
        let sample = try CSVRoundTripTests.sample()
        let path = scratch.path("s.opscol")
        _ = try ColumnarFile.write(sample, to: path)
        #expect(same(try ColumnarFile.read(path: path), sample))
        let empty = try Dataset(columns: [Column(name: "a", strings: [String]())])
        _ = try ColumnarFile.write(empty, to: path)
        #expect(try ColumnarFile.read(path: path) == empty)
        _ = try ColumnarFile.write(sample, to: path)
        let truncated = try Data(contentsOf: URL(fileURLWithPath: path)).dropLast(9)
        try truncated.write(to: URL(fileURLWithPath: path))
        #expect(throws: ColumnarFile.Damage.self) { try ColumnarFile.read(path: path) }
    }

    /// `segment kmeans` releases its input once the feature matrix is built: the session's
    /// view of the workspace must pass that on, or the dataset stays in memory beside the matrix.
    @Test func releaseThroughTheSessionsSourceDropsTheCachedCopy() throws {
        let workspace = try Workspace(directory: folder)
        try workspace.apply([.put(try staged("t", try Dataset(columns: [Column(name: "x", integers: [1, 2, 3])])))])
        let source = OverlaySource(workspace)
        #expect(try source.dataset(named: "t").rowCount == 3)
        let file = try #require(workspace.storedFile(of: "t"))
        try FileManager.default.removeItem(atPath: folder.appendingPathComponent("data").appendingPathComponent(file).path)
        #expect(try source.dataset(named: "t").rowCount == 3, "read from the cached copy")
        source.release(named: "t")
        #expect(throws: (any Error).self) { try source.dataset(named: "t") }
    }
}

/// Leaves a half-written temporary file, as a killed writer would.
enum AtomicFileWriterProbe {
    static func partialTemporaryFile(in folder: URL) -> String {
        let path = folder.appendingPathComponent(".\(StoreFileNames.newDataFile()).tmp-99999-1").path
        FileManager.default.createFile(atPath: path, contents: Data("OPSBCOL1 partial".utf8))
        return path
    }
}
