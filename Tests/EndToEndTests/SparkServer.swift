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

    /// Orders of 300 customers (ids of mixed scripts so code-point order matters, frequency ties,
    /// two rows without a date, one without a customer), made by a fixed LCG; the CSV file's path.
    static func writeOrders(in folder: TemporaryDirectory, name: String = "orders.csv") throws -> String {
        var state: UInt64 = 2026
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var lines = ["customer,order_date,amount,order_id"]
        var order = 0
        for c in 0..<300 {
            let id = c % 7 == 0 ? "客户\(c)" : c % 5 == 0 ? "b\(c)" : "C\(String(format: "%04d", c))"
            for _ in 0..<(1 + next(6)) {
                order += 1
                let day = 1 + next(28), month = 1 + next(6)
                lines.append("\(id),2025-\(String(format: "%02d-%02d", month, day)),\(Double(5 + next(9000)) / 100),o\(order)")
            }
        }
        lines += ["C0001,,12.5,o90001", "C0002,,3.0,o90002", ",2025-03-03,9.99,o90003"]
        return try folder.write(name, lines.joined(separator: "\n") + "\n")
    }

    /// Six users' clicks on five items (`user,item` lines, header first).
    static let clickLines: [String] = {
        let baskets = [["u1", "a", "b", "c"], ["u2", "a", "b"], ["u3", "b", "c", "d"], ["u4", "a", "d"], ["u5", "c", "d", "e"], ["u6", "a", "e"]]
        return ["user,item"] + baskets.flatMap { basket in basket.dropFirst().map { "\(basket[0]),\($0)" } }
    }()

    /// Daily sales of two SKUs with a gap (filled with zero), a duplicate day (summed) and different lengths.
    static let salesCSV = [
        "sku,day,qty", "A,2025-01-01,5", "A,2025-01-02,7", "A,2025-01-04,6", "A,2025-01-04,2", "A,2025-01-05,9",
        "A,2025-01-06,4", "A,2025-01-07,8", "A,2025-01-08,10", "B,2025-01-03,1", "B,2025-01-04,3", "B,2025-01-05,2",
        "B,2025-01-06,6",
    ].joined(separator: "\n") + "\n"

    /// Goods with nulls, dates, decimals and Chinese text (an ideographic space inside a name):
    /// what must survive the trip to Spark and back.
    static let goodsCSV = "名称,日期,金额,数量\n苹果,2025-01-02,1.5,3\n,2025-02-03,,\n香蕉\u{3000}大,,2.25,7\n"

    /// A dataset's `value` column keyed by its `keys` columns joined by a space (rows compared across engines).
    static func keyed(_ dataset: Dataset, _ keys: [String], _ value: String) throws -> [String: Double] {
        let columns = try keys.map { try dataset.column($0).stringValues() }
        let names = (0..<dataset.rowCount).map { row in columns.map { $0[row] ?? "" }.joined(separator: " ") }
        return Dictionary(uniqueKeysWithValues: zip(names, try dataset.column(value).requireNumeric()))
    }

    /// Runs scripts/spark/NAME with `environment` added; its exit status. Spawned and waited for
    /// directly, its output to /dev/null: the server it starts keeps running (and holding what it
    /// inherited) after the script exits, which keeps Foundation's Process from reporting the exit.
    static func script(_ name: String, environment: [String: String]) throws -> Int32 {
        let path = repository.appendingPathComponent("scripts/spark/" + name).path
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0) }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, &argv, &envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status >> 8) & 0xFF
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
