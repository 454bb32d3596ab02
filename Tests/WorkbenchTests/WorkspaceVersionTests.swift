import Foundation
import OpsKit
import Testing

@testable import Workbench

/// Versions instead of silent overwrites, two sessions on one workspace, and
/// success reported only after the commit (issue 17).
@Suite("Workspace: versions and sessions")
struct WorkspaceVersionTests {
    let scratch = ScratchFolder()
    var folder: URL { scratch.url.appendingPathComponent("ws") }

    func numbers(_ values: [Int64]) -> Dataset { try! Dataset(columns: [Column(name: "x", integers: values)]) }

    func dataFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("data").path)) ?? []).sorted()
    }

    @Test func aReplaceKeepsThePreviousVersionAndRestoreUndoesIt() throws {
        let workspace = try Workspace(directory: folder)
        #expect(try workspace.apply([.put(try staged("a", numbers([1])))]) == [])
        let replaced = try workspace.apply([.put(try staged("a", numbers([2, 2])))])
        #expect(replaced == [Replacement(name: "a", previous: 1, current: 2)])
        #expect(try workspace.versions(of: "a").map(\.version) == [1, 2])
        #expect(try workspace.versions(of: "a").map(\.isCurrent) == [false, true])
        try workspace.apply([.restore(name: "a", version: 1)])
        #expect(try workspace.dataset(named: "a") == numbers([1]))
        #expect(workspace.currentVersion(of: "a") == 3)
        let reopened = try Workspace(directory: folder)
        #expect(try reopened.dataset(named: "a") == numbers([1]))
        #expect(try reopened.dataset(named: "a", version: 2) == numbers([2, 2]))
    }

    @Test func retentionKeepsTheLastVersionsAndCleanupNeverRemovesThem() throws {
        let workspace = try Workspace(directory: folder, keptVersions: 3)
        for i in 1...6 { try workspace.apply([.put(try staged("a", numbers([Int64(i)])))]) }
        #expect(try workspace.versions(of: "a").map(\.version) == [4, 5, 6])
        #expect(dataFiles().count == 3)
        let reopened = try Workspace(directory: folder, keptVersions: 3)
        #expect(dataFiles().count == 3, "orphan cleanup keeps the retained versions")
        #expect(try reopened.dataset(named: "a", version: 4) == numbers([4]))
        #expect(throws: OpsError.self) { try reopened.dataset(named: "a", version: 3) }
    }

    @Test func sessionCommandsSayWhatTheyReplacedAndRestoreUndoesADrop() throws {
        let session = try Session(workspace: Workspace(directory: folder), plugins: [])
        let one = scratch.file("one.csv", "x\n1\n")
        let two = scratch.file("two.csv", "x\n2\n3\n")
        #expect(session.execute("load a \(one)").output.hasPrefix("loaded a"))
        let second = session.execute("load a \(two)").output
        #expect(second.contains("replaced a (v1 → v2; the previous version: restore a@1)"), "\(second)")
        let list = session.execute("datasets --versions a")
        #expect(list.succeeded && list.output.contains("v1") && list.output.contains("v2 (current)"), "\(list.output)")
        #expect(session.execute("restore a").succeeded)
        #expect(try session.workspace.dataset(named: "a").rowCount == 1)
        #expect(session.execute("drop a").output.contains("restore a"))
        #expect(session.workspace.datasetNames.isEmpty)
        let undo = session.execute("restore a")
        #expect(undo.succeeded, "\(undo.output)")
        #expect(try session.workspace.dataset(named: "a").rowCount == 1)
        #expect(!session.execute("restore a@99").succeeded)
        #expect(!session.execute("restore a@x").succeeded)
    }

    @Test func aSessionSeesAnotherSessionsCommits() throws {
        let first = try Workspace(directory: folder)
        try first.apply([.put(try staged("a", numbers([1]))), .put(try staged("b", numbers([5])))])
        #expect(try first.dataset(named: "a") == numbers([1]))
        let second = try Workspace(directory: folder)
        try second.apply([.put(try staged("a", numbers([7, 8]))), .drop("b"), .put(try staged("c", numbers([9])))])
        #expect(try first.dataset(named: "a") == numbers([7, 8]), "the other session's replace is seen, not called damaged")
        #expect(first.datasetNames == ["a", "c"])
        #expect(first.entry(named: "a")?.rowCount == 2)
        // The first session's own change builds on the other's commit.
        let replaced = try first.apply([.put(try staged("a", numbers([3])))])
        #expect(replaced == [Replacement(name: "a", previous: 2, current: 3)])
        #expect(try second.dataset(named: "a") == numbers([3]))
        #expect(try first.query("SELECT count(*) AS n FROM c").columns[0].values == .integers([1]))
    }

    @Test func noHintSuggestsDeletingData() throws {
        let workspace = try Workspace(directory: folder)
        try workspace.apply([.put(try staged("a", numbers([1])))])
        try workspace.apply([.put(try staged("a", numbers([2])))])
        let file = folder.appendingPathComponent("data").appendingPathComponent(try #require(workspace.storedFile(of: "a")))
        try Data("damaged".utf8).write(to: file)
        let error = try #require(throws: OpsError.self) { try Workspace(directory: folder).dataset(named: "a") }
        #expect(!(error.hint ?? "").contains("drop"))
        #expect((error.hint ?? "").contains("restore a@1"), "\(error)")
        let busy = StorageMessages.sqliteFailed("database is locked", code: 5)
        let full = StorageMessages.sqliteFailed("database or disk is full", code: 13)
        #expect(busy.hint?.contains("another opsbench") == true)
        #expect(full.hint?.contains("another opsbench") == false)
    }

    @Test func anEditedCatalogueRowIsAClearErrorForThatDatasetOnly() throws {
        try Workspace(directory: folder).apply([.put(try staged("a", numbers([1, 2]))), .put(try staged("b", numbers([3])))])
        try SQLiteDatabase(path: folder.appendingPathComponent("catalog.sqlite").path)
            .execute("UPDATE datasets SET row_count = 1 WHERE name = 'a'")
        let workspace = try Workspace(directory: folder)
        #expect(throws: OpsError.self) { try workspace.dataset(named: "a") }
        #expect(try workspace.dataset(named: "b") == numbers([3]))
    }

    @Test func nonFiniteResultsOfFiniteInputAreRefusedAndNothingIsReportedStored() throws {
        let session = try Session(workspace: Workspace(directory: folder), plugins: [])
        #expect(session.execute("load big \(scratch.file("big.csv", "x,y\n1e308,\n1e308,2.5\n"))").succeeded)
        let overflow = session.execute("sql \"SELECT x * 10 AS y FROM big\" --as r")
        #expect(!overflow.succeeded)
        #expect(overflow.output.contains("'y'") && overflow.output.contains("sql"), "\(overflow.output)")
        #expect(!overflow.output.contains("stored r"), "success is printed only after the commit")
        #expect(!session.workspace.datasetNames.contains("r"))
        // Nulls are not NaN results, and a file that spells inf keeps it.
        #expect(session.execute("sql \"SELECT y FROM big\" --as nulls").succeeded)
        #expect(session.execute("load spelled \(scratch.file("inf.csv", "v\ninf\n1\n"))").succeeded)
    }
}
