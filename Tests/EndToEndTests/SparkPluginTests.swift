import Foundation
import OpsKit
import Testing
import Workbench

/// The spark plugin against a live Spark Connect server: each pushed-down command
/// gives the local command's result on the same data. Serialized: one local server.
@Suite(.serialized, .enabled(if: SparkServer.isAvailable, "needs a Spark Connect server: OPSBENCH_SPARK_URL=$(scripts/spark/start)"))
struct SparkPluginTests {
    let folder = try! TemporaryDirectory()

    func loadOrders(into session: Session) throws {
        try session.mustRun("load orders \(try SparkServer.writeOrders(in: folder))")
    }

    @Test func rfmInSparkEqualsSegmentRFM() throws {
        let session = try SparkServer.session()
        try loadOrders(into: session)
        try session.mustRun("segment rfm orders --customer customer --date order_date --amount amount --order order_id --as local_rfm")
        let output = try session.mustRun(
            "spark rfm orders --customer customer --date order_date --amount amount --order order_id --as remote_rfm")
        #expect(output.contains("in Spark"))
        #expect(output.contains("3 rows without a customer, date or amount left out"))
        #expect(try session.mustRun("datasets").contains("remote, in spark"))
        try session.mustRun("spark pull remote_rfm --as pulled_rfm")
        let local = try session.workspace.dataset(named: "local_rfm"), spark = try session.workspace.dataset(named: "pulled_rfm")
        #expect(spark.columns.map(\.name) == local.columns.map(\.name))
        #expect(spark.rowCount == local.rowCount && local.rowCount == 300)
        for name in ["customer", "recency", "frequency", "r", "f", "m", "segment"] {
            #expect(try spark.column(name).stringValues() == local.column(name).stringValues(), "column \(name)")
        }
        let a = try local.column("monetary").requireNumeric(), b = try spark.column("monetary").requireNumeric()
        #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($0)) })
        // --asof and four bins, pulled at once
        try session.mustRun("segment rfm orders --customer customer --date order_date --amount amount --asof 2025-08-01 --bins 4 --as l4")
        try session.mustRun("spark rfm orders --customer customer --date order_date --amount amount --asof 2025-08-01 --bins 4 --as s4 --pull")
        for name in ["customer", "recency", "frequency", "r", "f", "m"] {
            #expect(try session.workspace.dataset(named: "s4").column(name).stringValues()
                == session.workspace.dataset(named: "l4").column(name).stringValues(), "--bins 4 column \(name)")
        }
    }

    @Test func kmeansFindsTheLocalClustersAndFeaturesMatchRFM() throws {
        let session = try SparkServer.session()
        // three clear clusters of 60, 40 and 25 points around (0,0), (10,10) and (-10,8)
        var lines = ["id,x,y"]
        var state: UInt64 = 7
        func jitter() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 1000) / 1000 - 0.5
        }
        for (c, (cx, cy, n)) in [(0.0, 0.0, 60), (10.0, 10.0, 40), (-10.0, 8.0, 25)].enumerated() {
            for i in 0..<n { lines.append("p\(c)_\(i),\(cx + jitter()),\(cy + jitter())") }
        }
        try session.mustRun("load blobs \(try folder.write("blobs.csv", lines.joined(separator: "\n") + "\n"))")
        try session.mustRun("segment kmeans blobs --features x,y --id id --k 3 --as lk")
        let output = try session.mustRun("spark kmeans blobs --features x,y --id id --k 3 --seed 3 --as sk --pull")
        #expect(output.contains("MLlib K-Means: k=3, 125 rows"))
        let local = try session.workspace.dataset(named: "lk"), spark = try session.workspace.dataset(named: "sk")
        let localClusters = Dictionary(uniqueKeysWithValues: zip(try local.column("id").stringValues(), try local.column("cluster").stringValues()))
        let sparkClusters = Dictionary(uniqueKeysWithValues: zip(try spark.column("id").stringValues(), try spark.column("cluster").stringValues()))
        #expect(localClusters == sparkClusters)
        let lc = try session.workspace.dataset(named: "lk_centers"), sc = try session.workspace.dataset(named: "sk_centers")
        for feature in ["x", "y"] {
            let a = try lc.column(feature).requireNumeric(), b = try sc.column(feature).requireNumeric()
            #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-9 }, "centre \(feature): \(a) vs \(b)")
        }
        #expect(try sc.column("size").stringValues() == ["60", "40", "25"])
        // features for K-Means agree with the RFM values of the same orders
        try loadOrders(into: session)
        try session.mustRun("segment rfm orders --customer customer --date order_date --amount amount --as lr")
        try session.mustRun("spark features orders --customer customer --date order_date --amount amount --as feats --pull")
        let features = try session.workspace.dataset(named: "feats"), rfm = try session.workspace.dataset(named: "lr")
        for name in ["customer", "recency", "frequency"] {
            #expect(try features.column(name).stringValues() == rfm.column(name).stringValues(), "features \(name)")
        }
        let tenure = try features.column("tenure").requireNumeric(), recency = try features.column("recency").requireNumeric()
        #expect(zip(tenure, recency).allSatisfy { $0 >= $1 })
        // and the pulled features cluster locally, as the issue's default path
        try session.mustRun("segment kmeans feats --features recency,frequency,monetary --id customer --k 3 --as fk")
    }

    @Test func forecastsInSQLEqualForecastPredict() throws {
        let session = try SparkServer.session()
        try session.mustRun("load sales \(try folder.write("sales.csv", SparkServer.salesCSV))")
        for (model, extra) in [("naive", ""), ("drift", ""), ("ma", " --season 3")] {
            try session.mustRun("forecast predict sales --date day --value qty --by sku --freq D --model \(model)\(extra) --horizon 4 --as l_\(model)")
            let window = model == "ma" ? " --window 3" : ""
            try session.mustRun("spark forecast sales --date day --value qty --by sku --model \(model)\(window) --horizon 4 --as s_\(model) --pull")
            let local = try session.workspace.dataset(named: "l_\(model)"), spark = try session.workspace.dataset(named: "s_\(model)")
            let a = try SparkServer.keyed(local, ["sku", "day"], "forecast"), b = try SparkServer.keyed(spark, ["sku", "day"], "forecast")
            #expect(a.keys.sorted() == b.keys.sorted(), "\(model) dates")
            #expect(a.allSatisfy { abs($0.value - (b[$0.key] ?? .nan)) < 1e-9 }, "\(model): \(a) vs \(b)")
        }
        // ses with alpha 0.5 on A: levels by the recurrence l = a y + (1 - a) l, from l1 = y1
        try session.mustRun("spark forecast sales --date day --value qty --by sku --model ses --alpha 0.5 --horizon 1 --as s_ses --pull")
        var level = 5.0
        for y in [7.0, 0, 8, 9, 4, 8, 10] { level = 0.5 * y + 0.5 * level }
        let ses = try session.workspace.dataset(named: "s_ses")
        #expect(try ses.column("sku").stringValues() == ["A", "B"])
        #expect(abs(try ses.column("forecast").requireNumeric()[0] - level) < 1e-12)
    }

    @Test func itemKNNScoresEqualRecommendFor() throws {
        let session = try SparkServer.session()
        let lines = SparkServer.clickLines
        try session.mustRun("load clicks \(try folder.write("clicks.csv", lines.joined(separator: "\n") + "\n"))")
        try session.mustRun("recommend for clicks --user user --item item --all-users --top 2 --as local_recs")
        try session.mustRun("spark itemknn clicks --user user --item item --top 2 --as spark_recs --pull")
        let local = try session.workspace.dataset(named: "local_recs"), spark = try session.workspace.dataset(named: "spark_recs")
        let a = try SparkServer.keyed(local, ["user", "item"], "score"), b = try SparkServer.keyed(spark, ["user", "item"], "score")
        #expect(!b.isEmpty)
        for (key, value) in b { #expect(abs(value - (a[key] ?? .nan)) < 1e-9, "\(key): spark \(value), local \(a[key] ?? .nan)") }
        // ALS (no local peer): seeded, top 2 unseen items for every user
        try session.mustRun("spark als clicks --user user --item item --top 2 --seed 1 --as als_recs --pull")
        let als = try session.workspace.dataset(named: "als_recs")
        #expect(als.rowCount == 12)
        let seen = Set(lines.dropFirst())
        let pairs = zip(try als.column("user").stringValues(), try als.column("item").stringValues()).map { "\($0 ?? ""),\($1 ?? "")" }
        #expect(pairs.allSatisfy { !seen.contains($0) }, "\(pairs)")
    }

    @Test func typesNamesErrorsAndCtrlC() throws {
        let flag = CancellationFlag()
        let session = try SparkServer.session(cancellation: flag)
        // nulls, dates, decimals and Chinese text both ways
        try session.mustRun("load 货品 \(try folder.write("goods.csv", SparkServer.goodsCSV))")
        try session.mustRun("spark push 货品 --as 远程货品")
        try session.mustRun(
            "spark sql \"SELECT `名称`, `日期`, date_add(`日期`, 1) AS `次日`, CAST(`金额` AS DECIMAL(10,2)) AS `金额`, `数量` FROM `远程货品`\" --as 回来 --pull")
        let back = try session.workspace.dataset(named: "回来")
        #expect(try back.column("名称").stringValues() == ["苹果", nil, "香蕉\u{3000}大"])
        #expect(try back.column("次日").stringValues() == ["2025-01-03", "2025-02-04", nil])
        #expect(try back.column("日期").type == .date)
        #expect(try back.column("金额").stringValues().map { $0.flatMap(Double.init) } == [1.5, nil, 2.25])
        #expect(try back.column("数量").type == .integer)
        #expect(session.execute("spark show 远程货品 --limit 2").output.contains("苹果"))
        // Spark's error, as an opsbench error with Spark's message
        let bad = session.execute("spark sql \"SELECT no_such_column FROM `远程货品`\"")
        #expect(bad.error?.code == .unknownColumn)
        #expect(bad.output.contains("no_such_column") && bad.output.contains("Spark"))
        // names that differ only in case are refused before they reach Spark
        try session.mustRun("load cases \(try folder.write("cases.csv", "F,f\n1,2\n"))")
        #expect(session.execute("spark push cases").error?.code == .conflict)
        // the row-count guard
        try session.mustRun("spark attach big --sql \"SELECT id FROM range(5000)\"")
        #expect(session.execute("spark pull big --max-rows 1000").error?.code == .outOfRange)
        try session.mustRun("spark pull big --limit 10 --as some")
        #expect(try session.workspace.dataset(named: "some").rowCount == 10)
        // Ctrl-C interrupts a long Spark job (4·10¹² rows, in doubles: no overflow ends it first);
        // nothing is stored and the session goes on
        let before = session.workspace.datasetNames
        DispatchQueue.global().asyncAfter(deadline: .now() + 6) { flag.set() }
        let started = Date()
        let slow = session.execute("spark sql \"SELECT sum(CAST(a.id AS DOUBLE) * b.id) AS s FROM range(2000000) a CROSS JOIN range(2000000) b\" --as never --pull")
        #expect(slow.error?.code == .cancelled, "\(slow.output)")
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(session.workspace.datasetNames == before)
        flag.reset()
        try session.mustRun("spark status")
        // no server at the URL: an io error naming it and the start command; the workspace is unchanged
        let gone = session.execute("spark connect sc://localhost:1")
        #expect(gone.error?.code == .io)
        #expect(gone.output.contains("sc://localhost:1") && gone.output.contains("scripts/spark/start"))
        #expect(session.workspace.datasetNames == before)
        try session.mustRun("spark connect \(SparkServer.url ?? "")")
    }
}
