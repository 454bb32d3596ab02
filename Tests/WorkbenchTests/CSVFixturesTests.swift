import Foundation
import OpsKit

@testable import Workbench

/// A scratch folder for one test, removed when the value is released.
final class ScratchFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-data-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns its path.
    func file(_ name: String, bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func file(_ name: String, _ text: String) -> String { file(name, bytes: Array(text.utf8)) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Reads a file and returns its dataset, failing the test on error.
func load(_ path: String, _ options: ReadOptions = ReadOptions()) throws -> Dataset {
    try DatasetReader.read(path: path, options: options).dataset
}

/// The error message (and hint) a read produces, or "" when it succeeds.
func loadError(_ path: String, _ options: ReadOptions = ReadOptions()) -> String {
    do {
        _ = try DatasetReader.read(path: path, options: options)
        return ""
    } catch {
        return "\(error)"
    }
}

/// Whether two datasets hold the same columns, types, nulls and values. Null
/// slots are not compared (their placeholders are arbitrary) and NaN equals NaN,
/// which `==` on `Dataset` cannot see (double nulls are NaN placeholders).
func same(_ a: Dataset, _ b: Dataset) -> Bool {
    guard a.columnNames == b.columnNames, a.rowCount == b.rowCount else { return false }
    for (x, y) in zip(a.columns, b.columns) {
        guard x.type == y.type else { return false }
        for row in 0..<x.count {
            guard x.isNull(row) == y.isNull(row) else { return false }
            if x.isNull(row) { continue }
            switch (x.values, y.values) {
            case (.doubles(let u), .doubles(let v)):
                if !(u[row] == v[row] || (u[row].isNaN && v[row].isNaN)) { return false }
            default:
                if x.formatted(at: row) != y.formatted(at: row) { return false }
            }
        }
    }
    return true
}
