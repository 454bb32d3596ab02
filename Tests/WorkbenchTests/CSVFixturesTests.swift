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
