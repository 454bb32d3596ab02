import Foundation
import OpsKit
import Testing

@testable import Forecast

/// `--model auto` keeps an AutoETS trend only when it also wins a holdout.
@Suite struct TrendCheckTests {
    /// Daily values: 100 + slope·min(t, `until`), a weekly pattern and ±3 noise.
    static func series(count: Int = 200, slope: Double, until: Int, seed: UInt64 = 3) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { t in
            100 + slope * Double(min(t, until)) + [0.0, -4, -4, 0, 3, 8, 6][t % 7] + Double.random(in: -3...3, using: &rng)
        }
    }

    @Test func aTrendThatHasStoppedIsNotExtrapolated() throws {
        let y = Self.series(slope: 2, until: 165)
        // AICc alone keeps a trend from the long rise
        let aicc = try #require(ETSEstimator.auto(y, period: 7))
        #expect(aicc.spec.trend != .none)
        let checked = try #require(AutoModel.trendChecked(y, period: 7, horizon: 28))
        let rise = checked.mean.suffix(7).reduce(0, +) / 7 - checked.mean.prefix(7).reduce(0, +) / 7
        #expect(abs(rise) < 5, "the forecast rises \(rise) over the horizon")
    }

    @Test func aLastingTrendIsKept() throws {
        let y = Self.series(slope: 1, until: .max)
        let checked = try #require(AutoModel.trendChecked(y, period: 7, horizon: 28))
        let rise = checked.mean.suffix(7).reduce(0, +) / 7 - checked.mean.prefix(7).reduce(0, +) / 7
        #expect(rise > 15, "the forecast rises \(rise) over the horizon (truth: 21)")
    }
}
