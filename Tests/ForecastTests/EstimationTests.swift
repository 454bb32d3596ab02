import Foundation
import OpsKit
import Testing

@testable import Forecast

/// Estimation and decomposition on synthetic series with a known answer.
@Suite struct EstimationTests {
    static func seasonalSeries(n: Int, period: Int, trend: Double, noise: Double = 0.3) -> [Double] {
        var g = SeededGenerator(seed: 7)
        return (0..<n).map { t in truth(t, period: period, trend: trend) + noise * g.nextGaussian() }
    }

    static func truth(_ t: Int, period: Int, trend: Double) -> Double {
        let angle = 2 * Double.pi * Double(t) / Double(period)
        return 50 + trend * Double(t) + 8 * sin(angle)
    }

    /// Hourly pattern plus a weekend lift.
    static func twoSeasons(_ t: Int) -> Double {
        let daily = 10 * sin(2 * Double.pi * Double(t) / 24)
        let weekend: Double = (t / 24) % 7 >= 5 ? 5 : -2
        return 100 + daily + weekend
    }

    @Test func autoETSFindsTheSeasonOfASeasonalSeries() throws {
        let y = Self.seasonalSeries(n: 120, period: 12, trend: 0.2)
        let fit = try #require(ETSEstimator.auto(y, period: 12))
        #expect(fit.spec.season != .none)
        let f = fit.forecast(horizon: 12)
        let truth = (120..<132).map { Self.truth($0, period: 12, trend: 0.2) }
        let mae = zip(f.mean, truth).map { abs($0 - $1) }.reduce(0, +) / 12
        #expect(mae < 1.0)
    }

    @Test func autoETSPrefersNoSeasonOnWhiteNoise() throws {
        var g = SeededGenerator(seed: 3)
        let y = (0..<100).map { _ in 20 + g.nextGaussian() }
        let fit = try #require(ETSEstimator.auto(y, period: 7))
        #expect(fit.spec.season == .none && fit.spec.trend == .none)
        #expect(abs(fit.forecast(horizon: 1).mean[0] - 20) < 0.6)
    }

    @Test func sesEstimateTracksALevelShift() throws {
        let y = Array(repeating: 10.0, count: 30) + Array(repeating: 20.0, count: 30)
        let spec = ETSSpec(error: .additive, trend: .none, damped: false, season: .none, period: 1)
        let fit = try #require(ETSEstimator.fit(y, spec: spec))
        #expect(fit.parameters.alpha > 0.9)
        #expect(abs(fit.forecast(horizon: 1).mean[0] - 20) < 1e-3)
    }

    @Test func stlSeparatesSeasonFromTrend() {
        let y = (0..<96).map { t in 2 * Double(t) + [3.0, -1, -2, 0][t % 4] }
        let (seasonal, trend) = STL.decompose(y, period: 4, seasonalWindow: 11)
        for t in 8..<88 {
            #expect(abs(seasonal[t] - [3.0, -1, -2, 0][t % 4]) < 0.05)
            #expect(abs(trend[t] - 2 * Double(t)) < 0.05)
        }
    }

    @Test func mstlRecoversTwoSeasons() {
        let y = (0..<(24 * 7 * 4)).map(Self.twoSeasons)
        let f = AutoModel.mstl(y, periods: [24, 168], horizon: 48)!
        let truth = (y.count..<(y.count + 48)).map(Self.twoSeasons)
        let mae = zip(f.mean, truth).map { abs($0 - $1) }.reduce(0, +) / 48
        #expect(mae < 1.0)
        #expect(f.model.hasPrefix("mstl(24,168)+ets("))
    }

    @Test func thetaAddsHalfTheTrend() throws {
        let y = (0..<40).map { 5 + 2 * Double($0) }
        let f = try #require(Theta.forecast(y, period: 1, horizon: 3))
        // SES on a line lags by about one slope; adding half the slope × (h − 1 + 1/α) puts it back on the drift
        #expect(f.mean[1] - f.mean[0] > 0.9 && f.mean[1] - f.mean[0] < 1.1)
    }

    @Test func metricsFollowM4Definitions() {
        let smape = Metrics.smape(actual: [100, 0, 50], forecast: [110, 0, 40])
        #expect(abs(smape - (200.0 * 10 / 210 + 200.0 * 10 / 90) / 3) < 1e-12)
        #expect(Metrics.naiveScale(history: [1, 3, 2, 5], period: 1) == 2)
        #expect(Metrics.naiveScale(history: [1, 3, 2, 5], period: 2) == 1.5)
        #expect(Metrics.mase(actual: [6, 4], forecast: [5, 5], scale: 2) == 0.5)
        #expect(Metrics.owa(smape: 10, mase: 2, referenceSmape: 20, referenceMase: 2) == 0.75)
    }

    @Test func intervalsUseNormalQuantiles() {
        #expect(abs(Gaussian.quantile(0.975) - 1.959963984540054) < 1e-9)
        #expect(abs(Gaussian.quantile(0.9) - 1.2815515655446004) < 1e-9)
        let f = PointForecast(mean: [10], sd: [2], model: "x")
        let i = f.interval(level: 0.95)
        #expect(abs(i.upper[0] - (10 + 2 * 1.959963984540054)) < 1e-8)
    }
}
