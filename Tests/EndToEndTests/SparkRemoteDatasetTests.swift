import Foundation
import OpsKit
import Testing
import Workbench

#if canImport(Glibc)
    import Glibc
#endif

/// opsbench's own commands on remote datasets (rows in Spark): the session forwards them to the
/// spark engine, and each gives the local command's result on the same data. Serialized: one server.
@Suite(.serialized, .enabled(if: SparkServer.isAvailable, "needs a Spark Connect server: OPSBENCH_SPARK_URL=$(scripts/spark/start)"))
struct SparkRemoteDatasetTests {
    let folder = try! TemporaryDirectory()

    /// A session with the orders loaded (`orders`) and the same file attached in Spark (`rorders`).
    func ordersSession(cancellation: CancellationFlag = CancellationFlag()) throws -> Session {
        let session = try SparkServer.session(cancellation: cancellation)
        let path = try SparkServer.writeOrders(in: folder)
        try session.mustRun("load orders \(path)")
        try session.mustRun("spark attach rorders --path \(path) --format csv")
        return session
    }

    func column(_ session: Session, _ dataset: String, _ name: String) throws -> [String?] {
        try session.workspace.dataset(named: dataset).column(name).stringValues()
    }

    @Test func attachedDatasetIsRemoteAndShowSchemaDescribeSQLExportRunInSpark() throws {
        let session = try ordersSession()
        #expect(session.workspace.remote(named: "rorders")?.engine == "spark")
        #expect(session.workspace.entry(named: "rorders") == nil)  // no rows stored here
        let listing = try session.mustRun("datasets")
        #expect(listing.contains("remote, in spark") && listing.contains("local"))
        // show: the first rows pulled from Spark, shown as the local dataset is shown
        let local = try session.mustRun("show orders --rows 4").split(separator: "\n").prefix(6)
        let remote = try session.mustRun("show rorders --rows 4").split(separator: "\n").prefix(6)
        #expect(Array(local) == Array(remote))
        #expect(try session.mustRun("show rorders --rows 2 --columns amount,customer").contains("amount"))
        #expect(try session.mustRun("schema rorders").contains("Spark"))
        // describe: the same counts, means and quartiles
        let described = try session.mustRun("describe rorders --as rstats")
        #expect(described.contains("order_date"))
        try session.mustRun("describe orders --as lstats")
        for name in ["count", "nulls"] {
            #expect(try column(session, "rstats", name) == column(session, "lstats", name), "describe \(name)")
        }
        let a = try session.workspace.dataset(named: "lstats").column("mean").numericValues() ?? []
        let b = try session.workspace.dataset(named: "rstats").column("mean").numericValues() ?? []
        #expect(zip(a, b).allSatisfy { $0.isNaN && $1.isNaN || abs($0 - $1) < 1e-9 * max(1, abs($0)) }, "\(a) vs \(b)")
        // sql over remote datasets runs in Spark (its dialect); the result is a remote dataset, or local with --pull
        try session.mustRun(#"sql "SELECT customer, count(*) AS n FROM rorders GROUP BY customer" --as rcounts"#)
        #expect(session.workspace.remote(named: "rcounts") != nil)
        try session.mustRun(#"sql "SELECT count(DISTINCT customer) AS n FROM rorders" --as rn --pull"#)
        #expect(try column(session, "rn", "n") == ["300"])
        // a query mixing local and remote datasets is refused, saying how to fix it
        let mixed = session.execute(#"sql "SELECT * FROM rorders JOIN orders USING (order_id)""#)
        #expect(mixed.error?.code == .conflict && mixed.output.contains("spark push orders"))
        // export streams the remote rows to the file, as export writes the local ones
        try session.mustRun("export rorders \(folder.path)/remote.csv")
        try session.mustRun("export orders \(folder.path)/local.csv")
        #expect(try folder.read("remote.csv") == folder.read("local.csv"))
        // rename and drop change only the catalogue; the renamed dataset is still found in Spark
        try session.mustRun("rename rcounts per_customer")
        try session.mustRun(#"sql "SELECT count(*) AS n FROM per_customer" --as pn --pull"#)
        #expect(try column(session, "pn", "n") == ["301"])  // 300 customers and the row without one
        try session.mustRun("drop per_customer")
        #expect(session.workspace.remote(named: "per_customer") == nil)
    }

    @Test func segmentRFMOnRemoteDataEqualsLocal() throws {
        let session = try ordersSession()
        try session.mustRun("segment rfm orders --customer customer --date order_date --amount amount --order order_id --as lrfm")
        let output = try session.mustRun(
            "segment rfm rorders --customer customer --date order_date --amount amount --order order_id --as rrfm")
        #expect(output.contains("in Spark"))
        #expect(session.workspace.remote(named: "rrfm")?.provenance?.inputs == ["rorders"])
        try session.mustRun("spark pull rrfm --as prfm")
        for name in ["customer", "recency", "frequency", "r", "f", "m", "segment"] {
            #expect(try column(session, "prfm", name) == column(session, "lrfm", name), "column \(name)")
        }
        // --pull brings the result home at once; an option Spark cannot honour is refused by name
        try session.mustRun("segment rfm rorders --customer customer --date order_date --amount amount --bins 4 --as r4 --pull")
        try session.mustRun("segment rfm orders --customer customer --date order_date --amount amount --bins 4 --as l4")
        for name in ["customer", "r", "f", "m"] {
            #expect(try column(session, "r4", name) == column(session, "l4", name), "--bins 4 column \(name)")
        }
        let refused = session.execute("segment rfm rorders --customer customer --date order_date --amount amount --map cn8")
        #expect(refused.error?.option == "--map")
        // a command the engine does not run fails, suggesting the pull
        let explain = session.execute("recommend evaluate rorders --user customer --item order_id")
        #expect(explain.error?.code == .unknownDataset && explain.output.contains("spark pull rorders --as rorders_local"))
    }

    @Test func segmentKMeansBuildsFeaturesInSparkAndClustersLocallyOrWithMLlib() throws {
        let session = try ordersSession()
        try session.mustRun("spark features rorders --customer customer --date order_date --amount amount --as rfeat")
        try session.mustRun("spark pull rfeat --as lfeat")
        try session.mustRun("segment kmeans lfeat --features recency,frequency,monetary --id customer --k 3 --as lk")
        let output = try session.mustRun("segment kmeans rfeat --features recency,frequency,monetary --id customer --k 3 --as rk")
        #expect(output.contains("clustering runs here"))
        #expect(session.workspace.entry(named: "rk") != nil)
        #expect(try column(session, "rk", "cluster") == column(session, "lk", "cluster"))
        #expect(try column(session, "rk", "customer") == column(session, "lk", "customer"))
        // --engine spark: MLlib in Spark; the assignments stay there
        let mllib = try session.mustRun(
            "segment kmeans rfeat --features recency,frequency,monetary --id customer --k 3 --engine spark --seed 3 --as sk")
        #expect(mllib.contains("MLlib K-Means: k=3, 300 rows"))
        #expect(session.workspace.remote(named: "sk") != nil && session.workspace.entry(named: "sk_centers") != nil)
        #expect(session.execute("segment kmeans rfeat --features recency --id customer --engine spark").error?.option == "--k")
    }

    @Test func recommendAndForecastOnRemoteData() throws {
        let session = try SparkServer.session()
        let lines = SparkServer.clickLines
        try session.mustRun("load clicks \(try folder.write("clicks.csv", lines.joined(separator: "\n") + "\n"))")
        try session.mustRun("spark push clicks --as rclicks")
        try session.mustRun("recommend for clicks --user user --item item --all-users --top 2 --as lrecs")
        try session.mustRun("recommend for rclicks --user user --item item --all-users --top 2 --as rrecs --pull")
        let scores = { (name: String) in try SparkServer.keyed(session.workspace.dataset(named: name), ["user", "item"], "score") }
        let local = try scores("lrecs"), remote = try scores("rrecs")
        #expect(!remote.isEmpty)
        for (key, value) in remote { #expect(abs(value - (local[key] ?? .nan)) < 1e-9, "\(key)") }
        try session.mustRun("recommend for rclicks --user user --item item --all-users --top 2 --method als --seed 1 --as als")
        #expect(session.workspace.remote(named: "als")?.handle.rows == 12)
        let alsHere = session.execute("recommend for clicks --user user --item item --all-users --method als")
        #expect(!alsHere.succeeded && alsHere.output.contains("--method"))  // als only on remote data

        try session.mustRun("load sales \(try folder.write("sales.csv", SparkServer.salesCSV))")
        try session.mustRun("spark push sales --as rsales")
        let forecasts = { (name: String) in try SparkServer.keyed(session.workspace.dataset(named: name), ["sku", "day"], "forecast") }
        // drift is SQL: it runs in Spark
        try session.mustRun("forecast predict sales --date day --value qty --by sku --freq D --model drift --horizon 4 --as ld")
        let sql = try session.mustRun("forecast predict rsales --date day --value qty --by sku --freq D --model drift --horizon 4 --as rd --pull")
        #expect(sql.contains("in Spark SQL"))
        let ld = try forecasts("ld"), rd = try forecasts("rd")
        #expect(ld.keys.sorted() == rd.keys.sorted() && ld.allSatisfy { abs($0.value - (rd[$0.key] ?? .nan)) < 1e-9 })
        // ses is fitted: the history is aggregated in Spark and the local forecaster runs on it
        try session.mustRun("forecast predict sales --date day --value qty --by sku --freq D --model ses --horizon 3 --as ls")
        let pulled = try session.mustRun("forecast predict rsales --date day --value qty --by sku --freq D --model ses --horizon 3 --as rs")
        #expect(pulled.contains("local forecaster"))
        #expect(try forecasts("ls") == forecasts("rs"))
    }

    @Test func typesRoundTripErrorsAndCtrlC() throws {
        let flag = CancellationFlag()
        let session = try SparkServer.session(cancellation: flag)
        // nulls, dates, decimals and Chinese text up to Spark and back through show and export
        try session.mustRun("load 货品 \(try folder.write("goods.csv", SparkServer.goodsCSV))")
        try session.mustRun("spark push 货品 --as 远程货品")
        #expect(try session.mustRun("show 货品") == session.mustRun("show 远程货品"))
        try session.mustRun("export 货品 \(folder.path)/local.csv")
        try session.mustRun("export 远程货品 \(folder.path)/remote.csv")
        #expect(try folder.read("remote.csv") == folder.read("local.csv"))
        try session.mustRun(#"sql "SELECT `名称`, CAST(`金额` AS DECIMAL(10,2)) AS `金额`, date_add(`日期`, 1) AS `次日` FROM `远程货品`" --as 回来 --pull"#)
        #expect(try column(session, "回来", "名称") == ["苹果", nil, "香蕉\u{3000}大"])
        #expect(try column(session, "回来", "次日") == ["2025-01-03", "2025-02-04", nil])
        #expect(try column(session, "回来", "金额").map { $0.flatMap(Double.init) } == [1.5, nil, 2.25])
        // Spark's error as an opsbench error with Spark's message
        let bad = session.execute(#"sql "SELECT no_such_column FROM `远程货品`""#)
        #expect(bad.error?.code == .unknownColumn && bad.output.contains("no_such_column") && bad.output.contains("Spark"))
        // column names that differ only in case: Spark cannot tell them apart, so they are refused before upload
        try session.mustRun("load cases \(try folder.write("cases.csv", "F,f\n1,2\n"))")
        #expect(session.execute("spark push cases").error?.code == .conflict)
        try session.mustRun(#"spark attach upper --sql "SELECT 1 AS Amount""#)
        #expect(try session.mustRun("show upper").contains("Amount"))
        // Ctrl-C interrupts a pushed-down command (4·10¹² rows, in doubles: no overflow ends it first); nothing is stored
        try session.mustRun(#"spark attach big --sql "SELECT id FROM range(2000000)""#)
        let before = session.workspace.allNames
        DispatchQueue.global().asyncAfter(deadline: .now() + 6) { flag.set() }
        let slow = session.execute(#"sql "SELECT sum(CAST(a.id AS DOUBLE) * b.id) AS s FROM big a CROSS JOIN big b" --as never"#)
        #expect(slow.error?.code == .cancelled, "\(slow.output)")
        #expect(session.workspace.allNames == before)
        flag.reset()
        try session.mustRun("show big --rows 1")
    }

    /// A server of its own, killed while a pull streams: a clear error, the workspace as it was.
    @Test func serverDyingMidPullLeavesTheWorkspaceUnchanged() throws {
        let port = 15000 + Int(getpid() % 900) + 50
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-spark-dying-\(port)").path
        let environment = ["OPSBENCH_SPARK_PORT": String(port), "OPSBENCH_SPARK_SCRATCH": scratch]
        try #require(try SparkServer.script("start", environment: environment) == 0, "scripts/spark/start on port \(port) failed")
        defer {
            _ = try? SparkServer.script("stop", environment: environment)
            try? FileManager.default.removeItem(atPath: scratch)
        }
        let url = "sc://localhost:\(port)"
        let session = try SparkServer.session()
        try session.mustRun("spark connect \(url)")
        try session.mustRun(#"spark attach huge --sql "SELECT id, uuid() AS u FROM range(30000000)""#)
        try session.mustRun("load keep \(try folder.write("keep.csv", "a\n1\n"))")
        let before = session.workspace.allNames
        let pidFile = try FileManager.default.contentsOfDirectory(atPath: scratch + "/pid").first { $0.hasSuffix(".pid") }
        let pid = try #require(pidFile.flatMap { try? String(contentsOfFile: scratch + "/pid/" + $0, encoding: .utf8) }
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        DispatchQueue.global().asyncAfter(deadline: .now() + 8) { kill(pid, SIGKILL) }
        let pull = session.execute("spark pull huge --as home --max-rows 40000000")
        #expect(!pull.succeeded)
        #expect(pull.error?.code == .io || pull.error?.code == .failed, "\(pull.output)")
        #expect(pull.output.contains(url) || pull.output.contains("Spark"), "\(pull.output)")
        #expect(session.workspace.allNames == before)
        #expect(try session.workspace.dataset(named: "keep").rowCount == 1)
    }
}
