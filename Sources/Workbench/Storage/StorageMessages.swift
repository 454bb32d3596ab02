import Foundation
import OpsKit

/// User-facing messages of the workspace store, SQL and statistics.
enum StorageMessages {
    static func cannotOpenCatalog(_ path: String, _ detail: String) -> OpsError {
        OpsError("cannot open the workspace catalogue \(path): \(detail)", hint: "check that the workspace folder is writable")
    }

    static func cannotCreateWorkspace(_ path: String, _ detail: String) -> OpsError {
        OpsError("cannot create the workspace at \(path): \(detail)", hint: "choose another folder with --workspace")
    }

    static func sqliteFailed(_ detail: String) -> OpsError {
        OpsError("workspace catalogue error: \(detail)", hint: "another opsbench may be writing this workspace; try again")
    }

    static func damagedFile(_ dataset: String, _ file: String) -> OpsError {
        OpsError(
            "the stored data of '\(dataset)' (\(file)) is missing or damaged",
            hint: "drop it (drop \(dataset)) and load or compute it again")
    }

    static func datasetExists(_ name: String) -> OpsError {
        OpsError("a dataset named '\(name)' already exists", hint: "drop it first, or choose another name")
    }

    // MARK: SQL

    static func sqlError(_ detail: String, datasets: [String]) -> OpsError {
        let prefix = "no such table: "
        if detail.hasPrefix(prefix) {
            return OpsError.unknownDataset(String(detail.dropFirst(prefix.count)), available: datasets)
        }
        return OpsError("sql: \(detail)", hint: "datasets are tables and their columns are columns; quote names with \"...\"")
    }

    static let sqlNotAQuery = OpsError(
        "sql runs queries only (SELECT or WITH ... SELECT)",
        hint: "datasets change through commands: store a query's result with --as NAME")

    static let sqlOneStatement = OpsError(
        "sql runs one statement at a time", hint: "remove the text after the first ';'")

    static let sqlEmpty = OpsError("sql: the query is empty", hint: "for example: sql \"SELECT * FROM users LIMIT 5\"")
}
