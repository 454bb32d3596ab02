import OpsKit
import OpsKitTesting
import Testing

@testable import Segment

@Suite struct KMeansCommandTests {
    /// 90 users in three latent groups: casual (few visits, low spend), regular, big spenders.
    static func users() throws -> Dataset {
        var random = SeededGenerator(seed: 5)
        var ids = [String](), visits = [Double](), spend = [Double](), frequency = [Double](), city = [String]()
        let groups: [(Double, Double, Double)] = [(5, 100, 1), (20, 600, 4), (40, 3000, 10)]
        for i in 0..<90 {
            let g = groups[i % 3]
            ids.append("U" + String(1000 + i))
            visits.append(g.0 + random.nextGaussian())
            spend.append(g.1 + 20 * random.nextGaussian())
            frequency.append(g.2 + 0.3 * random.nextGaussian())
            city.append(["北京", "上海", "广州"][i % 3])
        }
        return try Dataset(columns: [
            Column(name: "用户ID", strings: ids), Column(name: "城市", strings: city), Column(name: "浏览次数", doubles: visits),
            Column(name: "购买金额", doubles: spend), Column(name: "购买频率", doubles: frequency),
            Column(name: "常数", doubles: Array(repeating: 1, count: 90)),
        ])
    }

    static let features = "浏览次数,购买金额,购买频率"

    @Test func clustersProfilesAndStoresModel() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["users": try Self.users()])
        let output = try harness.run(KMeansCommand.self, ["users", "--features", Self.features, "--id", "用户ID", "--k", "3"])
        #expect(output.contains("K-Means: k = 3 on 90 rows × 3 features (scale: standard), best of 10 runs"))
        #expect(output.contains("high spend"))
        #expect(output.contains("stored segments, segments_centers, segments_model"))
        let segments = try harness.dataset("segments")
        #expect(segments.columnNames == ["用户ID", "cluster"])
        let clusters = try segments.column("cluster").numericValues()!
        // The three latent groups are recovered exactly: each group maps to one cluster.
        for g in 0..<3 { #expect(Set(stride(from: g, to: 90, by: 3).map { clusters[$0] }).count == 1) }
        #expect(Set(clusters).count == 3)
        let centers = try harness.dataset("segments_centers")
        #expect(centers.columnNames == ["cluster", "label", "size", "share", "浏览次数", "购买金额", "购买频率"])
        let spend = try centers.column("购买金额").numericValues()!.sorted()
        #expect(abs(spend[2] - 3000) < 20 && abs(spend[0] - 100) < 20)
    }

    @Test func assignReproducesTheClustersOnTheSameRows() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["users": try Self.users()])
        try harness.run(KMeansCommand.self, ["users", "--features", Self.features, "--k", "3", "--scale", "log1p", "--as", "p"])
        let output = try harness.run(AssignCommand.self, ["users", "--model", "p"])
        #expect(output.contains("assigned 90 rows to the clusters of 'p'"))
        #expect(try harness.dataset("assigned").column("cluster") == harness.dataset("p").column("cluster"))
    }

    @Test func initFromSavedCentresStartsThereAndKeepsTheClustering() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["users": try Self.users()])
        try harness.run(KMeansCommand.self, ["users", "--features", Self.features, "--k", "3", "--as", "march"])
        let output = try harness.run(
            KMeansCommand.self, ["users", "--features", Self.features, "--init", "march_centers", "--as", "april"])
        #expect(output.contains("best of 1 run:"))
        #expect(try harness.dataset("april").column("cluster") == harness.dataset("march").column("cluster"))
        #expect(throws: OpsError.self) {
            try harness.run(KMeansCommand.self, ["users", "--features", Self.features, "--init", "march_centers", "--k", "4"])
        }
    }

    @Test func autoKChoosesThreeAndChartsBothCurves() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["users": try Self.users()])
        let output = try harness.run(KMeansCommand.self, ["users", "--features", Self.features, "--k", "auto", "--k-range", "2-6", "--n-init", "3"])
        #expect(output.contains("silhouette: K = 3 → using K = 3 (silhouette)"))
        #expect(output.contains("● inertia (elbow)"))
        #expect(output.contains("◆ silhouette"))
        #expect(try harness.dataset("segments_centers").rowCount == 3)
    }

    @Test func badInputGivesClearErrorsAndLeavesTheWorkspaceAlone() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["users": try Self.users()])
        func message(_ arguments: [String]) -> String {
            do {
                try harness.run(KMeansCommand.self, arguments)
                return ""
            } catch { return "\(error)" }
        }
        #expect(message(["users", "--features", "城市,购买金额", "--k", "2"]).contains("column '城市' (--features) is not numeric: it holds text such as \"北京\""))
        #expect(message(["users", "--features", "购买金钱", "--k", "2"]).contains("did you mean '购买金额'"))
        #expect(message(["users", "--features", Self.features, "--k", "0"]).contains("--k must be between 1 and 100000 (got 0)"))
        #expect(message(["users", "--features", Self.features, "--k", "many"]).contains("--k"))
        #expect(message(["users", "--features", Self.features, "--scale", "zscore"]).contains("unknown value 'zscore' for --scale"))
        #expect(message(["users", "--features", Self.features, "--k-range", "5-2"]).contains("--k-range must go from low to high (got 5-2)"))
        #expect(message(["users", "--features", Self.features, "--k-range", "2..8"]).contains(
            "--k-range expects a range LOW-HIGH such as 2-10 (got '2..8')"))
        #expect(message(["users", "--features", Self.features, "--k-range", "1-8"]).contains(
            "both ends of --k-range must be between 2 and 100000 (got 1-8)"))
        #expect(message(["users", "--features", Self.features, "--k-range", "x"]).contains(
            "accepted: a range LOW-HIGH such as 2-10, each end between 2 and 100000"))
        #expect(message(["users", "--features", Self.features, "--scale", "zscore"]).contains("values: standard, minmax, robust, log1p, none"))
        #expect(message(["users", "--features", Self.features, "--algorithm", "elkan"]).contains("values: auto, lloyd, minibatch"))
        #expect(message(["users", "--features", "常数", "--k", "2"]).contains("larger than the number of distinct rows (1)"))
        #expect(harness.datasets.datasetNames == ["users"])
        let tiny = PluginHarness(SegmentPlugin.self, ["one": try Dataset(columns: [Column(name: "a", doubles: [1])])])
        #expect(throws: OpsError.self) { try tiny.run(KMeansCommand.self, ["one", "--features", "a", "--k", "1"]) }
    }

    @Test func constantFeatureIsWarnedAndMissingValuesAreCounted() throws {
        var data = try Self.users()
        var spend = try data.column("购买金额").numericValues()!.map { Optional($0) }
        spend[0] = nil
        spend[4] = .nan
        try data.setColumn(Column(name: "购买金额", doubles: spend))
        let harness = PluginHarness(SegmentPlugin.self, ["users": data])
        let dropped = try harness.run(KMeansCommand.self, ["users", "--features", Self.features + ",常数", "--k", "3"])
        #expect(dropped.contains("warning: feature '常数' is constant: left unscaled"))
        #expect(dropped.contains("note: 2 rows with empty or NaN feature values dropped"))
        #expect(try harness.dataset("segments").rowCount == 88)
        let imputed = try harness.run(KMeansCommand.self, ["users", "--features", Self.features, "--k", "3", "--missing", "mean"])
        #expect(imputed.contains("2 rows with empty or NaN feature values imputed with the column means"))
        #expect(try harness.dataset("segments").rowCount == 90)
    }

    @Test func englishColumnsGetEnglishLabels() {
        let label = ClusterLabel.make(names: ["spend", "frequency", "visits"], deviations: [1.2, 0.8, 0.1], dateFeatures: [], language: .en)
        #expect(label == "high spend · frequent")
        let chinese = ClusterLabel.make(names: ["购买金额", "购买频率"], deviations: [1.2, 0.9], dateFeatures: [], language: .zh)
        #expect(chinese == "高消费 · 高频")
        #expect(ClusterLabel.make(names: ["a"], deviations: [0.1], dateFeatures: [], language: .en) == "average")
        #expect(ClusterLabel.make(names: ["最近访问"], deviations: [-1], dateFeatures: [0], language: .zh) == "久未访问")
    }
}

/// Numeric options near Int.max are clear errors naming the option, never crashes or endless runs.
@Suite struct KMeansOptionRangeTests {
    @Test(arguments: ["--k", "--n-init", "--max-iter"])
    func hugeValuesAreRefused(option: String) throws {
        let harness = PluginHarness(SegmentPlugin.self, ["users": try KMeansCommandTests.users()])
        var arguments = ["users", "--features", KMeansCommandTests.features, "--k", "3", option, String(Int.max)]
        if option == "--k" { arguments = ["users", "--features", KMeansCommandTests.features, "--k", String(Int.max)] }
        do {
            try harness.run(KMeansCommand.self, arguments)
            Issue.record("\(option) \(Int.max) was accepted")
        } catch let error as OpsError {
            #expect(error.message.contains(option))
        }
        #expect(throws: OpsError.self) {
            try harness.run(KMeansCommand.self, ["users", "--features", KMeansCommandTests.features, "--k-range", "2-\(Int.max)"])
        }
        #expect(throws: OpsError.self) {
            try harness.run(ExplainCommand.self, ["users", "--features", KMeansCommandTests.features, "--k", "2", "--max-iter=-1"])
        }
    }
}
