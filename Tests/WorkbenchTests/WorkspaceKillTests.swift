import Foundation
import OpsKit
import Testing

@testable import Workbench

/// The `opsbench` binary of this checkout's debug build, if built.
private let opsbenchBinary: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let path = root.appendingPathComponent(".build/debug/opsbench").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

@Suite("Workspace: a killed process")
struct WorkspaceKillTests {
    let scratch = ScratchFolder()

    /// Runs `opsbench run` of `script` on `workspace`; SIGKILLs it after `delay` seconds.
    /// Returns true when the kill landed while the process was still running.
    private func run(_ script: String, workspace: URL, killAfter delay: TimeInterval?) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opsbenchBinary!)
        process.arguments = ["run", "--workspace", workspace.path, script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let delay else {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return false
        }
        usleep(useconds_t(delay * 1_000_000))
        let killed = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
    }

    @Test(
        "kill -9 during a large load leaves the previous workspace",
        .enabled(if: opsbenchBinary != nil, "build opsbench first (swift build) to run this test"))
    func killDuringLargeLoad() throws {
        let small = scratch.file("small.csv", "x,名称\n1,甲\n2,乙\n3,丙\n")
        var text = "id,城市,amount,day\n"
        text.reserveCapacity(6_000_000)
        for i in 0..<150_000 { text += "\(i),城市\(i % 50),\(Double(i) / 8),2024-01-\(i % 28 + 1 < 10 ? "0" : "")\(i % 28 + 1)\n" }
        let big = scratch.file("big.csv", text)
        let workspace = scratch.url.appendingPathComponent("ws")
        let setup = scratch.file("setup.opsb", "load a \(small)\n")
        let replace = scratch.file("replace.opsb", "load a \(big)\nload b \(big)\n")
        _ = try run(setup, workspace: workspace, killAfter: nil)

        var killedWhileRunning = 0
        for delay in [0.05, 0.2, 0.4, 0.7, 1.0, 1.5, 2.5] {
            if try run(replace, workspace: workspace, killAfter: delay) { killedWhileRunning += 1 }
            let reopened = try Workspace(directory: workspace)
            let a = try reopened.dataset(named: "a")
            // Each load is one command: `a` is either the old 3 rows or the whole new file, never partial.
            #expect(a.rowCount == 3 || a.rowCount == 150_000, "after a kill at \(delay) s")
            if a.rowCount == 3 {
                #expect(try a.column("名称").stringValues() == ["甲", "乙", "丙"])
            } else {
                #expect(try a.column("城市").stringValues()[149_999] == "城市49")
            }
            if reopened.datasetNames.contains("b") {
                #expect(a.rowCount == 150_000, "b is loaded after a")
                #expect(try reopened.dataset(named: "b").rowCount == 150_000)
            }
            let files = try FileManager.default.contentsOfDirectory(
                atPath: workspace.appendingPathComponent("data").path)
            #expect(Set(files) == (try reopened.storedFiles()), "no leftovers after reopening: \(files)")
            // Back to the previous state for the next round.
            if reopened.datasetNames != ["a"] || a.rowCount != 3 {
                try reopened.apply(reopened.datasetNames.map { .drop($0) })
                _ = try run(setup, workspace: workspace, killAfter: nil)
            }
        }
        #expect(killedWhileRunning > 0, "at least one kill lands while the load runs")
    }
}
