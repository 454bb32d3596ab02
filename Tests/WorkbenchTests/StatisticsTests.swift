import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite("describe statistics")
struct StatisticsTests {
    @Test func numbersAgainstHandComputedValues() throws {
        // x = 1, 2, 3, 4, 10 (and one null): mean 4, sample variance (9+4+1+0+36)/4 = 12.5,
        // quartiles by linear interpolation: p25 = 2, p50 = 3, p75 = 4.
        let data = try Dataset(columns: [
            Column(name: "x", integers: [1, 2, nil, 3, 4, 10]),
            Column(name: "城市", strings: ["上海", "北京", "上海", nil, "广州", "北京"]),
        ])
        let d = DatasetStatistics.describe(data)
        #expect(d.columnNames == ["column", "type", "count", "nulls", "mean", "std", "min", "p25", "p50", "p75", "max",
                                  "distinct", "top", "top_count"])
        #expect(try d.column("count").values == .integers([5, 5]))
        #expect(try d.column("nulls").values == .integers([1, 1]))
        let mean = try d.column("mean").numericValues()!, std = try d.column("std").numericValues()!
        #expect(mean[0] == 4 && abs(std[0] - 12.5.squareRoot()) < 1e-12)
        #expect(mean[1].isNaN)
        #expect(try ["min", "p25", "p50", "p75", "max"].map { try d.column($0).numericValues()![0] } == [1, 2, 3, 4, 10])
        #expect(try d.column("distinct").stringValues() == [nil, "3"])
        #expect(try d.column("top").stringValues() == [nil, "上海"], "ties go to the value seen first")
        #expect(try d.column("top_count").stringValues() == [nil, "2"])
    }

    @Test func evenCountQuartilesInterpolate() throws {
        // 10, 20, 30, 40: p25 at h = 0.75 → 17.5; p50 = 25; p75 at h = 2.25 → 32.5.
        let d = DatasetStatistics.describe(try Dataset(columns: [Column(name: "v", doubles: [40, 10, 30, 20])]))
        #expect(try ["p25", "p50", "p75"].map { try d.column($0).numericValues()![0] } == [17.5, 25, 32.5])
    }

    @Test func datesAsTextAndBoolsAsShares() throws {
        let data = try Dataset(columns: [
            Column(name: "day", days: [CivilDate.days(year: 2026, month: 1, day: 1), CivilDate.days(year: 2026, month: 1, day: 31)]),
            Column(name: "ok", bools: [true, false]),
            Column(name: "n", doubles: [1.5, 2.5]),
        ])
        let d = DatasetStatistics.describe(data)
        #expect(try d.column("min").stringValues() == ["2026-01-01", nil, "1.5"])
        #expect(try d.column("p50").stringValues() == ["2026-01-16", nil, "2"])
        #expect(try d.column("mean").stringValues() == [nil, "0.5", "2"])
        #expect(try d.column("top").stringValues() == [nil, "true", nil])
    }
}
