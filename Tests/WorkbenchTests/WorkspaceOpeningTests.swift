import Foundation
import OpsKit
import Testing

@testable import Workbench

/// Opening a folder never deletes what the store did not write (issue 17).
@Suite("Workspace: opening a folder")
struct WorkspaceOpeningTests {
    let scratch = ScratchFolder()
    var folder: URL { scratch.url.appendingPathComponent("ws") }
    var data: URL { folder.appendingPathComponent("data") }
    let one = try! Dataset(columns: [Column(name: "x", integers: [1, 2, 3])])

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    private func files(in url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    @Test func aProjectWithItsOwnDataFolderIsRefusedAndKept() throws {
        let mine = data.appendingPathComponent("mine.csv")
        try write("id\n1\n", to: mine)
        #expect(throws: OpsError.self) { try Workspace(directory: folder) }
        #expect(read(mine) == "id\n1\n")
        #expect(files(in: folder) == ["data"], "no catalogue or lock is created in a folder that is not a workspace")
    }

    @Test func aFolderWithOtherFilesIsRefused() throws {
        try write("notes", to: folder.appendingPathComponent("README.txt"))
        #expect(throws: OpsError.self) { try Workspace(directory: folder) }
        #expect(files(in: folder) == ["README.txt"])
    }

    @Test func aMissingOrEmptyCatalogueIsReportedNotWiped() throws {
        try Workspace(directory: folder).apply([.put(try staged("a", one))])
        let stored = files(in: data)
        #expect(stored.count == 1)
        let catalog = folder.appendingPathComponent("catalog.sqlite")
        try FileManager.default.removeItem(at: catalog)
        let error = try #require(throws: OpsError.self) { try Workspace(directory: folder) }
        #expect(error.message.contains("catalog"))
        #expect(files(in: data) == stored)
        FileManager.default.createFile(atPath: catalog.path, contents: Data())
        #expect(throws: OpsError.self) { try Workspace(directory: folder) }
        #expect(files(in: data) == stored)
    }

    @Test func aSymlinkedDataFolderIsRefusedAndItsTargetKept() throws {
        let target = scratch.url.appendingPathComponent("elsewhere")
        let precious = target.appendingPathComponent(StoreFileNames.newDataFile())
        try write("precious", to: precious)
        try Workspace(directory: folder).apply([.put(try staged("a", one))])
        try FileManager.default.moveItem(at: data, to: scratch.url.appendingPathComponent("old-data"))
        try FileManager.default.createSymbolicLink(at: data, withDestinationURL: target)
        #expect(throws: OpsError.self) { try Workspace(directory: folder) }
        #expect(read(precious) == "precious")
    }

    @Test func filesTheStoreDidNotNameAreNeverRemoved() throws {
        try Workspace(directory: folder).apply([.put(try staged("a", one))])
        let foreign = ["notes.txt", "orphan.opscol", ".x.opscol.tmp-1-2", "ABCDEF00-0000-0000-0000-000000000000.opscol"]
        for name in foreign { try write(name, to: data.appendingPathComponent(name)) }
        let orphan = StoreFileNames.newDataFile()
        try write("left by a killed process", to: data.appendingPathComponent(orphan))
        let reopened = try Workspace(directory: folder)
        #expect(try reopened.dataset(named: "a") == one)
        for name in foreign { #expect(read(data.appendingPathComponent(name)) == name) }
        #expect(!files(in: data).contains(orphan), "the store's own orphans are still cleaned")
    }

    @Test func aCraftedCatalogueCannotMakeDropUnlinkOutsideData() throws {
        let victim = scratch.url.appendingPathComponent("victim.txt")
        try write("keep me", to: victim)
        try Workspace(directory: folder).apply([.put(try staged("a", one)), .put(try staged("b", one))])
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("catalog.sqlite").path)
        try database.execute("UPDATE datasets SET file = '../../victim.txt' WHERE name = 'a'")
        let workspace = try Workspace(directory: folder)
        #expect(throws: OpsError.self) { try workspace.dataset(named: "a") }
        #expect(try workspace.dataset(named: "b") == one)
        try workspace.apply([.drop("a")])
        #expect(read(victim) == "keep me")
        #expect(try Workspace(directory: folder).datasetNames == ["b"])
    }

    @Test func aCatalogueWithoutTheMarkerIsMigrated() throws {
        // The layout of catalogues written before the marker existed.
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let file = StoreFileNames.newDataFile()
        let size = try ColumnarFile.write(one, to: data.appendingPathComponent(file).path)
        let path = folder.appendingPathComponent("catalog.sqlite").path
        do {
            let database = try SQLiteDatabase(path: path)
            try database.execute(
                """
                CREATE TABLE datasets (name TEXT PRIMARY KEY NOT NULL, file TEXT NOT NULL, schema TEXT NOT NULL,
                    row_count INTEGER NOT NULL, byte_size INTEGER NOT NULL, provenance TEXT);
                INSERT INTO datasets VALUES ('a', '\(file)', '[{"name":"x","type":"integer"}]', 3, \(size), NULL);
                """)
        }
        let workspace = try Workspace(directory: folder)
        #expect(try workspace.dataset(named: "a") == one)
        let marker = try SQLiteDatabase(path: path).strings("SELECT value FROM meta WHERE key = 'format'")
        #expect(marker == [WorkspaceCatalog.formatID])
    }

    @Test func anotherSQLiteFileIsRefusedUnchanged() throws {
        let path = folder.appendingPathComponent("catalog.sqlite").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do { try SQLiteDatabase(path: path).execute("CREATE TABLE orders (id INTEGER); INSERT INTO orders VALUES (1);") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: OpsError.self) { try Workspace(directory: folder) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func storeFileNamesAreRecognisedStrictly() {
        let name = StoreFileNames.newDataFile()
        #expect(StoreFileNames.isDataFile(name))
        #expect(StoreFileNames.isTemporaryFile(".\(name).tmp-123-456"))
        for bad in ["../../x", "a/\(name)", name.uppercased(), "x.opscol", ".\(name).tmp-1", ".\(name).tmp-1-2/x", ""] {
            #expect(!StoreFileNames.isOwned(bad), "\(bad)")
        }
    }
}
