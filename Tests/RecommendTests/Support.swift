import Foundation
import OpsKit

@testable import Recommend

/// Runs a command against in-memory datasets, commits what it stored and returns its output.
@discardableResult
func run<C: PluginCommand>(_ type: C.Type, _ arguments: [String], in datasets: InMemoryDatasets) throws -> String {
    let buffer = TextBuffer()
    let context = CommandContext(
        commandLine: ([C.name] + arguments).joined(separator: " "), style: .plain, defaultSeed: 42,
        source: datasets, sink: buffer)
    var command = try C.parse(arguments)
    try command.run(in: context)
    datasets.commit(context.staged)
        for line in context.confirmations { buffer.write(line + "\n") }  // printed after the commit, as the session does
    return buffer.text
}

/// A context writing into a throwaway buffer, for calling model code directly.
func quietContext() -> CommandContext {
    CommandContext(
        commandLine: "test", style: .plain, defaultSeed: 42, source: InMemoryDatasets(), sink: TextBuffer())
}

/// The content example of the issue.
func phoneCatalogue() throws -> Dataset {
    try Dataset(columns: [
        Column(name: "商品ID", strings: ["P1", "P2", "P3", "P4"]),
        Column(name: "描述", strings: ["智能手机,大屏幕,高性能", "平板电脑,轻薄便携", "智能手机,拍照功能强", "笔记本电脑,续航长"]),
    ])
}

/// The string values of a column.
func strings(_ dataset: Dataset, _ column: String) throws -> [String] {
    try dataset.column(column).stringValues().map { $0 ?? "" }
}

/// The numbers of a column.
func numbers(_ dataset: Dataset, _ column: String) throws -> [Double] {
    try dataset.column(column).requireNumeric()
}

/// The repository root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/data/recommend` next to the repository, when present.
let sharedRecommendData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/recommend")

/// Reads a plain CSV (no quoted fields) into string columns.
func readSimpleCSV(_ url: URL) throws -> Dataset {
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = lines.removeFirst().map(String.init)
    var values = [[String]](repeating: [], count: header.count)
    for line in lines where line.count == header.count {
        for (i, field) in line.enumerated() { values[i].append(String(field)) }
    }
    return try Dataset(columns: zip(header, values).map { Column(name: $0, strings: $1) })
}
