import Foundation
import OpsKit
import Testing

@testable import Workbench

/// Damage every file of a workspace and read everything back: zero crashes and
/// zero silent wrong reads — each read gives the exact original data or a
/// clear error, the undamaged datasets stay usable, and opening never deletes
/// a dataset file because the catalogue was damaged (issue 17).
@Suite("Workspace: damaged files")
struct WorkspaceCorruptionTests {
    let scratch = ScratchFolder()
    var folder: URL { scratch.url.appendingPathComponent("ws") }

    /// Datasets of every column type, one of them spanning several checksum segments.
    static func datasets() throws -> [String: Dataset] {
        let n = 12_000
        let big = try Dataset(columns: [
            Column(name: "id", integers: (0..<n).map { Int64($0) }),
            Column(name: "amount", doubles: (0..<n).map { $0 % 7 == 0 ? nil : Double($0) / 3 }),
            Column(name: "城市", strings: (0..<n).map { $0 % 5 == 0 ? nil : "城市\($0 % 40)——很长的名字用于测试" }),
        ])
        let small = try Dataset(columns: [
            Column(name: "flag", bools: [true, nil, false, true]),
            Column(name: "day", days: [19_000, nil, 19_002, 19_003]),
            Column(name: "name", strings: ["甲", "", "a much longer text than fifteen bytes", "丁"]),
        ])
        let tiny = try Dataset(columns: [Column(name: "x", integers: [42])])
        return ["big": big, "small": small, "tiny": tiny]
    }

    /// One way of damaging a file's bytes.
    enum Mutation: CaseIterable {
        case flipByte, zeroPage, truncate, headerLength, rowCount, randomBytes
    }

    static func mutate(_ bytes: inout [UInt8], _ mutation: Mutation, _ random: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        switch mutation {
        case .flipByte:
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
        case .zeroPage:
            let start = Int.random(in: 0..<bytes.count, using: &random) / 4096 * 4096
            for i in start..<min(bytes.count, start + 4096) { bytes[i] = 0 }
        case .truncate:
            bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
        case .headerLength:
            guard bytes.count >= 16 else { return }
            let values: [UInt64] = [0, 1, UInt64.max, UInt64(Int.max), UInt64(bytes.count), 1 << 40]
            let value = values.randomElement(using: &random)!
            withUnsafeBytes(of: value.littleEndian) { for (i, b) in $0.enumerated() { bytes[8 + i] = b } }
        case .rowCount:
            // Rewrites the digits after "rows": in a data file's JSON header.
            let key = Array("\"rows\":".utf8)
            guard let at = (0..<max(0, bytes.count - key.count)).first(where: { Array(bytes[$0..<$0 + key.count]) == key })
            else { return }
            var i = at + key.count
            let replacement = ["9223372036854775807", "-1", "0", "99999999", "1"].randomElement(using: &random)!
            var digits = Array(replacement.utf8)
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 || bytes[i] == 0x2D {
                bytes[i] = digits.isEmpty ? 0x20 : digits.removeFirst()
                i += 1
            }
        case .randomBytes:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            for i in start..<min(bytes.count, start + 64) { bytes[i] = UInt8.random(in: 0...255, using: &random) }
        }
    }

    @Test func everyDamagedFileGivesTheOriginalOrAClearError() throws {
        let originals = try Self.datasets()
        var answers: [String: Dataset] = [:]  // what `sql` gives on the undamaged files
        do {
            let workspace = try Workspace(directory: folder)
            try workspace.apply(try originals.map { .put(try staged($0.key, $0.value)) })
            for name in originals.keys { answers[name] = try workspace.query("SELECT * FROM \(name)") }
        }
        let data = folder.appendingPathComponent("data")
        let catalog = folder.appendingPathComponent("catalog.sqlite")
        let dataFiles = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
        let targets = dataFiles.map { data.appendingPathComponent($0) } + [catalog]
        var pristine: [URL: [UInt8]] = [:]
        for url in targets { pristine[url] = Array(try Data(contentsOf: url)) }

        var random = SeededGenerator(seed: 17)
        var trials = 0, errors = 0
        for target in targets {
            for mutation in Mutation.allCases {
                for _ in 0..<4 {
                    var bytes = pristine[target]!
                    Self.mutate(&bytes, mutation, &random)
                    try Data(bytes).write(to: target)
                    let outcome = readEverything(originals, answers, damaged: target == catalog ? nil : target)
                    trials += 1
                    errors += outcome.errors
                    for problem in outcome.problems { Issue.record("\(mutation) of \(target.lastPathComponent): \(problem)") }
                    let left = Set((try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? [])
                    #expect(left.isSuperset(of: dataFiles), "opening a damaged workspace deleted a dataset file")
                    for (url, original) in pristine { try Data(original).write(to: url) }
                }
            }
        }
        #expect(trials == targets.count * Mutation.allCases.count * 4)
        #expect(errors > 0, "the damage is detected")
    }

    /// Opens the workspace and reads every dataset in full, as a preview and through `sql` (read in place).
    private func readEverything(_ originals: [String: Dataset], _ answers: [String: Dataset], damaged: URL?)
        -> (errors: Int, problems: [String])
    {
        var errors = 0
        var problems: [String] = []
        let workspace: Workspace
        do {
            workspace = try Workspace(directory: folder)
        } catch is OpsError {
            return (1, damaged == nil ? [] : ["a damaged data file made the workspace unopenable"])
        } catch {
            return (1, ["opening threw \(error), not a clear error"])
        }
        for (name, original) in originals.sorted(by: { $0.key < $1.key }) {
            let file = workspace.storedFile(of: name)
            let isDamaged = damaged != nil && file == damaged!.lastPathComponent
            for rows in [3, nil] as [Int?] {  // the preview first: the full read caches
                do {
                    let read = try rows.map { try workspace.preview(named: name, rows: $0) } ?? workspace.dataset(named: name)
                    let expected = rows.map { original.head($0) } ?? original
                    if !same(read, expected) { problems.append("'\(name)' read back different data with no error") }
                } catch let error as OpsError {
                    errors += 1
                    if damaged != nil && !isDamaged { problems.append("undamaged '\(name)' failed: \(error.message)") }
                } catch {
                    problems.append("'\(name)' threw \(error), not a clear error")
                }
            }
            do {
                let read = try workspace.query("SELECT * FROM \(name)")
                if !same(read, answers[name]!) { problems.append("sql over '\(name)' gave different data with no error") }
            } catch let error as OpsError {
                errors += 1
                if damaged != nil && !isDamaged { problems.append("sql over undamaged '\(name)' failed: \(error.message)") }
            } catch {
                problems.append("sql over '\(name)' threw \(error), not a clear error")
            }
        }
        return (errors, problems)
    }
}
