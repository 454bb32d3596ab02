import OpsKit
import OpsKitTesting
import Testing

@testable import Segment

@Suite struct RFMCommandTests {
    static let invoices = "segment/online_retail_invoices.csv"
    static let reference = "segment/online_retail_rfm_reference.csv"
    static let lineItems = "recommend/online_retail_full.csv"

    /// Nine orders of five customers, A to E.
    static func fiveCustomers() throws -> Dataset {
        try Dataset(columns: [
            Column(name: "customer", strings: ["A", "B", "B", "C", "C", "D", "E", "E", "E"]),
            Column(name: "day", days: ["2024-01-01", "2024-01-05", "2024-03-01", "2024-02-01", "2024-02-02", "2024-03-09", "2024-03-10", "2024-03-01", "2024-01-01"].map { CivilDate.parseDate(Substring($0)) }),
            Column(name: "amount", doubles: [10, 20, 30, 5, 5, 100, 1, 1, 1]),
        ])
    }

    @Test func handWorkedScores() throws {
        // Five customers, five bins: each gets its own quintile. Customer C ties B on frequency: rank breaks the tie.
        let orders = try Self.fiveCustomers()
        let harness = PluginHarness(SegmentPlugin.self, ["orders": orders])
        let output = try harness.run(RFMCommand.self, ["orders", "--customer", "customer", "--date", "day", "--amount", "amount"])
        #expect(output.contains("RFM: 5 customers, 9 orders, as of 2024-03-11 (map: grid)"))
        let rfm = try harness.dataset("rfm")
        #expect(rfm.columnNames == ["customer", "recency", "frequency", "monetary", "r", "f", "m", "segment"])
        #expect(try rfm.column("recency").numericValues()! == [70, 10, 38, 2, 1])
        #expect(try rfm.column("frequency").numericValues()! == [1, 2, 2, 1, 3])
        #expect(try rfm.column("r").numericValues()! == [1, 3, 2, 4, 5])
        #expect(try rfm.column("f").numericValues()! == [1, 3, 4, 2, 5])
        // Monetary [10, 50, 10, 100, 3]: edges 8.6, 10, 26, 60 (numpy linear quantiles); A and C tie at 10 → both 2.
        #expect(try rfm.column("m").numericValues()! == [2, 4, 2, 5, 1])
        #expect(try rfm.column("segment").stringValues() == ["Hibernating", "Need Attention", "At Risk", "Potential Loyalist", "Champions"])
    }

    @Test func badInput() throws {
        let orders = try Dataset(columns: [
            Column(name: "c", strings: ["A"]), Column(name: "d", strings: ["yesterday"]), Column(name: "a", doubles: [1]),
        ])
        let harness = PluginHarness(SegmentPlugin.self, ["orders": orders])
        #expect(throws: OpsError.self) { try harness.run(RFMCommand.self, ["orders", "--customer", "c", "--date", "d", "--amount", "a"]) }
        #expect(throws: OpsError.self) { try harness.run(RFMCommand.self, ["orders", "--customer", "c", "--date", "d"]) }
        #expect(throws: OpsError.self) { try harness.run(RFMCommand.self, ["orders", "--customer", "c", "--date", "d", "--quantity", "a", "--price", "a"]) }
        #expect(throws: OpsError.self) { try harness.run(RFMCommand.self, ["orders", "--customer", "x", "--date", "d", "--amount", "a"]) }
        #expect(throws: (any Error).self) { try harness.run(RFMCommand.self, ["orders", "--customer", "c", "--date", "d", "--amount", "a", "--map", "matrix"]) }
    }

    /// The amount options are declared as rules and the ranges and choices as types: each refusal names its option.
    @Test func optionRulesAndRangesAreCheckedBeforeTheRun() throws {
        let harness = PluginHarness(SegmentPlugin.self, [:])
        func refusal(_ extra: [String]) -> OpsError? {
            do {
                try harness.run(RFMCommand.self, ["orders", "--customer", "c", "--date", "d"] + extra)
                return nil
            } catch { return error as? OpsError }
        }
        #expect(refusal([])?.code == .missingArgument)
        #expect(refusal(["--amount", "a", "--quantity", "q", "--price", "p", "--order", "o"])?.code == .conflict)
        #expect(refusal(["--quantity", "q", "--order", "o"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["conflict", "--price"])
        #expect(refusal(["--quantity", "q", "--price", "p"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["conflict", "--quantity"])
        #expect(refusal(["--amount", "a", "--bins", "11"]).map { [$0.code.rawValue, $0.option ?? ""] } == ["out-of-range", "--bins"])
        let map = refusal(["--amount", "a", "--map", "cn9"])
        #expect(map?.code == .invalidValue && map?.message.contains("did you mean 'cn8'") == true)
    }

    /// The five customers of `handWorkedScores`: recency [70, 10, 38, 2, 1], frequency [1, 2, 2, 1, 3],
    /// monetary [10, 50, 10, 100, 3]. Means 24.2, 1.8, 34.6; medians 10, 2, 10 (equal counts as low).
    @Test func chineseEightGroupMapByMeanAndMedian() throws {
        let orders = try Self.fiveCustomers()
        let harness = PluginHarness(SegmentPlugin.self, ["orders": orders])
        let common = ["orders", "--customer", "customer", "--date", "day", "--amount", "amount", "--map", "cn8"]
        try harness.run(RFMCommand.self, common + ["--as", "mean"])
        try harness.run(RFMCommand.self, common + ["--split", "median", "--bins", "4", "--as", "median"])
        let byMean: [RFMSegment] = [.generalWinBack, .importantValue, .generalRetention, .importantDevelopment, .generalValue]
        let byMedian: [RFMSegment] = [.generalWinBack, .importantWinBack, .generalWinBack, .importantDevelopment, .generalValue]
        #expect(try harness.dataset("mean").column("segment").stringValues() == byMean.map { Text.segmentName($0, language: .en) })
        #expect(try harness.dataset("median").column("segment").stringValues() == byMedian.map { Text.segmentName($0, language: .en) })
        #expect(CN8Map.segments(recency: [70, 10, 38, 2, 1], frequency: [1, 2, 2, 1, 3], monetary: [10, 50, 10, 100, 3], split: .mean) == byMean)
        #expect(byMean.map { Text.segmentName($0, language: .zh) } == ["一般挽留客户", "重要价值客户", "一般保持客户", "重要发展客户", "一般价值客户"])
        #expect(Set(RFMSegment.allCases.suffix(8).map { Text.segmentName($0, language: .zh) }) == [
            "重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户",
        ])
    }

    @Test func labelsFollowTheInterfaceLanguageNotTheColumnScript() {
        #expect(Text.segmentName(.cantLose, language: .zh) == "不能失去")
        #expect(Text.segmentName(.cantLose, language: .en) == "Can't Lose")
        #expect(Text.segmentAction(.importantValue, language: .zh).contains("VIP"))
        #expect(ClusterLabel.make(names: ["spend"], deviations: [1], dateFeatures: [], language: .zh) == "高消费")
        #expect(ClusterLabel.make(names: ["购买金额"], deviations: [1], dateFeatures: [], language: .en) == "high spend")
    }

    @Test(.enabled(if: SharedData.exists(invoices), "shared data ../shared/data/segment is absent"))
    func invoicesMatchTheReferenceRowByRow() throws {
        let orders = try CSVFixture.dataset(SharedData.url(Self.invoices), only: ["InvoiceNo": .string, "InvoiceDate": .date, "CustomerID": .integer, "TotalPrice": .double])
        try Self.check(orders: orders, ["--amount", "TotalPrice"])
    }

    @Test(.enabled(if: SharedData.exists(lineItems), "shared data ../shared/data/recommend is absent"))
    func lineItemsMatchTheReferenceRowByRow() throws {
        let lines = try CSVFixture.dataset(SharedData.url(Self.lineItems), only: ["InvoiceNo": .string, "InvoiceDate": .datetime, "CustomerID": .integer, "Quantity": .integer, "UnitPrice": .double])
        try Self.check(orders: lines, ["--quantity", "Quantity", "--price", "UnitPrice"])
    }

    static func check(orders: Dataset, _ amountOptions: [String]) throws {
        let reference = try CSVFixture.dataset(SharedData.url(Self.reference), only: [
                "CustomerID": .integer, "Recency": .integer, "Frequency": .integer, "Monetary": .double, "R": .integer,
                "F": .integer, "M": .integer, "segment_rf": .string, "segment_rfm": .string,
            ])
        let harness = PluginHarness(SegmentPlugin.self, ["orders": orders])
        let common = ["orders", "--customer", "CustomerID", "--date", "InvoiceDate", "--order", "InvoiceNo"] + amountOptions
        try harness.run(RFMCommand.self, common + ["--as", "grid"])
        try harness.run(RFMCommand.self, common + ["--map", "ranges", "--as", "ranges"])
        let grid = try harness.dataset("grid"), ranges = try harness.dataset("ranges")
        #expect(grid.rowCount == 4338)
        #expect(grid.rowCount == reference.rowCount)
        for (ours, theirs) in [("CustomerID", "CustomerID"), ("recency", "Recency"), ("frequency", "Frequency"), ("r", "R"), ("f", "F"), ("m", "M")] {
            let mismatches = zip(try grid.column(ours).numericValues()!, try reference.column(theirs).numericValues()!).filter { $0 != $1 }.count
            #expect(mismatches == 0, "\(ours): \(mismatches) rows differ")
        }
        let monetary = zip(try grid.column("monetary").numericValues()!, try reference.column("Monetary").numericValues()!)
        #expect(monetary.allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) })
        #expect(try grid.column("segment").stringValues() == reference.column("segment_rf").stringValues())
        #expect(try ranges.column("segment").stringValues() == reference.column("segment_rfm").stringValues())
    }
}
