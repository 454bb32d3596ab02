import Foundation
import OpsKit
import PluginCatalog
import Testing
import Workbench

#if canImport(Glibc)
    import Glibc
#endif

/// The Spark Connect server the Spark tests talk to: `OPSBENCH_SPARK_URL` (set by `.ci/run`,
/// which starts one with `scripts/spark/start`). Without it the tests skip, saying how to start one.
enum SparkServer {
    static let url = ProcessInfo.processInfo.environment["OPSBENCH_SPARK_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipMessage =
        "Spark tests skipped: OPSBENCH_SPARK_URL is not set (start a server: export OPSBENCH_SPARK_URL=$(scripts/spark/start))"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let plugin = repository.appendingPathComponent("plugins/external/spark/spark.py").path

    /// True when a server is configured; waits (at most 300 s) for its port, which `.ci/run` opens while the tests build.
    static var isAvailable: Bool {
        guard let url else {
            print(skipMessage)
            return false
        }
        return waitForPort(of: url, seconds: 300)
    }

    /// A session with every bundled plugin and the spark plugin added and connected; its own OPSBENCH_HOME.
    static func session(cancellation: CancellationFlag = CancellationFlag()) throws -> Session {
        let session = Session(workspace: try Workspace.temporary(), plugins: bundledPlugins, cancellation: cancellation)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-spark-home-" + UUID().uuidString)
        session.usePlugins(from: home)
        let added = session.execute("plugin add \(plugin)")
        try #require(added.succeeded, "\(added.output)")
        let connected = session.execute("spark connect \(url ?? "")")
        try #require(connected.succeeded, "\(connected.output)")
        return session
    }

    private static func waitForPort(of url: String, seconds: Double) -> Bool {
        let port = UInt16(url.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 15002)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if portOpen(port) { return true }
            Thread.sleep(forTimeInterval: 1)
        }
        print("Spark tests: nothing answers on port \(port) of \(url) after \(Int(seconds)) s")
        return true  // the tests then fail with the plugin's own error, which names the URL
    }

    private static func portOpen(_ port: UInt16) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}

extension Session {
    /// Runs a line that must succeed; its output.
    @discardableResult
    func mustRun(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = execute(line)
        try #require(result.succeeded, "\(line)\n\(result.output)", sourceLocation: sourceLocation)
        return result.output
    }
}
