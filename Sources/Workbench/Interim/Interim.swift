import Foundation
import OpsKit
// Temporary stand-in for the data layer (not committed).
public struct ReadOptions { public var delimiter: Character?; public var types: [String: ColumnType]; public init(delimiter: Character? = nil, types: [String: ColumnType] = [:]) { self.delimiter = delimiter; self.types = types } }
public struct LoadReport { public var dataset: Dataset; public var warnings: [String] }
public enum DatasetReader {
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> LoadReport {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw OpsError("cannot read \(path)") }
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { throw OpsError("empty file \(path)") }
        var cols: [Column] = []
        for (i, name) in header.enumerated() {
            let vals = lines.dropFirst().map { i < $0.count ? $0[i] : "" }
            if vals.allSatisfy({ Int64($0) != nil }) { cols.append(Column(name: name, integers: vals.map { Int64($0)! })) }
            else if vals.allSatisfy({ Double($0) != nil }) { cols.append(Column(name: name, doubles: vals.map { Double($0)! })) }
            else { cols.append(Column(name: name, strings: vals)) }
        }
        return LoadReport(dataset: try Dataset(columns: cols), warnings: [])
    }
}
public enum DatasetWriter { public static func writeCSV(_ dataset: Dataset, to path: String) throws {
    var t = dataset.columnNames.joined(separator: ",") + "\n"
    for r in 0..<dataset.rowCount { t += dataset.columns.map { $0.formatted(at: r) }.joined(separator: ",") + "\n" }
    try t.write(toFile: path, atomically: true, encoding: .utf8) } }
public enum WorkspaceChange { case put(StagedDataset), drop(String), rename(from: String, to: String) }
public struct WorkspaceEntry { public var name: String; public var schema: [(name: String, type: ColumnType)]; public var rowCount: Int; public var provenance: Provenance?; public var byteSize: Int }
public final class Workspace: DatasetSource {
    var store: [String: (Dataset, Provenance?)] = [:]
    public let directory: URL
    public init(directory: URL) throws { self.directory = directory }
    public static func temporary() throws -> Workspace { try Workspace(directory: URL(fileURLWithPath: NSTemporaryDirectory())) }
    public func dataset(named name: String) throws -> Dataset { guard let d = store[name] else { throw OpsError.unknownDataset(name, available: datasetNames) }; return d.0 }
    public var datasetNames: [String] { store.keys.sorted() }
    public func entry(named name: String) -> WorkspaceEntry? { store[name].map { WorkspaceEntry(name: name, schema: $0.0.columns.map { ($0.name, $0.type) }, rowCount: $0.0.rowCount, provenance: $0.1, byteSize: 0) } }
    public func apply(_ changes: [WorkspaceChange]) throws { for c in changes { switch c { case .put(let s): store[s.name] = (s.dataset, s.provenance); case .drop(let n): store[n] = nil; case .rename(let a, let b): store[b] = store[a]; store[a] = nil } } }
    public func query(_ sql: String) throws -> Dataset { throw OpsError("sql not yet") }
}
public enum DatasetStatistics { public static func describe(_ dataset: Dataset) -> Dataset { dataset } }
