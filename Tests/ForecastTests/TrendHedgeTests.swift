import Foundation
import OpsKit
import Testing

@testable import Forecast

/// `--model auto` on one short season hedges an AutoETS trend with the flat model.
@Suite struct TrendHedgeTests {
    /// Daily values: 100 + slope·min(t, `until`), a weekly pattern and ±3 noise.
    static func series(count: Int = 200, slope: Double, until: Int, seed: UInt64 = 3) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { t in
            100 + slope * Double(min(t, until)) + [0.0, -4, -4, 0, 3, 8, 6][t % 7] + Double.random(in: -3...3, using: &rng)
        }
    }

    static func rise(_ f: PointForecast) -> Double { f.mean.suffix(7).reduce(0, +) / 7 - f.mean.prefix(7).reduce(0, +) / 7 }

    @Test func aTrendIsAveragedWithTheFlatModel() throws {
        let y = Self.series(slope: 2, until: 165)
        // AICc alone keeps a trend from the long rise, though it stopped 35 days ago
        let aicc = try #require(ETSEstimator.auto(y, period: 7))
        #expect(aicc.spec.trend != .none)
        var flatSpec = aicc.spec
        flatSpec.trend = .none
        flatSpec.damped = false
        let flat = try #require(ETSEstimator.fit(y, spec: flatSpec)).forecast(horizon: 28)
        let trended = aicc.forecast(horizon: 28)
        let hedged = try #require(AutoModel.trendHedged(y, period: 7, horizon: 28))
        for h in 0..<28 { #expect(abs(hedged.mean[h] - (trended.mean[h] + flat.mean[h]) / 2) < 1e-9) }
        #expect(abs(Self.rise(hedged)) <= abs(Self.rise(trended)) / 2 + 1e-9)
        #expect(hedged.model.hasPrefix("combo("))
    }

    @Test func aLastingTrendStillRises() throws {
        let y = Self.series(slope: 1, until: .max)
        let hedged = try #require(AutoModel.trendHedged(y, period: 7, horizon: 28))
        #expect(Self.rise(hedged) > 8, "the forecast rises \(Self.rise(hedged)) over the horizon (truth: 21)")
    }

    @Test func aFlatSeriesKeepsItsSingleModel() throws {
        let y = Self.series(slope: 0, until: 0)
        let aicc = try #require(ETSEstimator.auto(y, period: 7))
        let hedged = try #require(AutoModel.trendHedged(y, period: 7, horizon: 28))
        if aicc.spec.trend == .none { #expect(hedged.model == aicc.spec.name) } else { #expect(hedged.model.hasPrefix("combo(")) }
    }
}
