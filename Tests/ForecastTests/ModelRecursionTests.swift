import Foundation
import Testing

@testable import Forecast

/// Exponential smoothing recursions against values worked by hand.
@Suite struct ModelRecursionTests {
    func run(_ y: [Double], _ spec: ETSSpec, _ p: ETSParameters) -> (lik: Double, sse: Double, level: Double, slope: Double, seasonal: [Double], residuals: [Double]) {
        var work = [Double](repeating: 0, count: max(spec.period, 1))
        var residuals = [Double](repeating: 0, count: y.count)
        let pass = y.withUnsafeBufferPointer { yp in
            work.withUnsafeMutableBufferPointer { wp in
                residuals.withUnsafeMutableBufferPointer { rp in
                    ETSEngine.run(yp, spec: spec, p: p, seasonalWork: wp, residuals: rp)
                }
            }
        }
        return (pass.likelihood, pass.sse, pass.level, pass.slope, work, residuals)
    }

    @Test func sesRecursion() {
        // l0 = 10, α = 0.5: one-step forecasts 10, 10, 11, 11; final level 12
        let spec = ETSSpec(error: .additive, trend: .none, damped: false, season: .none, period: 1)
        var p = ETSParameters()
        p.alpha = 0.5
        p.level = 10
        let r = run([10, 12, 11, 13], spec, p)
        #expect(r.residuals == [0, 2, 0, 2])
        #expect(r.level == 12)
        #expect(abs(r.lik - 4 * log(8.0)) < 1e-12)
        let f = ETSEngine.project(spec: spec, p: p, level: r.level, slope: 0, seasonal: [], n: 4, horizon: 3)
        #expect(f == [12, 12, 12])
    }

    @Test func holtRecursion() {
        // l0 = 10, b0 = 1, α = 0.5, β = 0.2 (b_t = b + β·e): worked step by step
        let spec = ETSSpec(error: .additive, trend: .additive, damped: false, season: .none, period: 1)
        var p = ETSParameters()
        p.alpha = 0.5; p.beta = 0.2; p.level = 10; p.slope = 1
        let r = run([10, 12, 14, 15], spec, p)
        for (got, want) in zip(r.residuals, [-1, 0.7, 1.41, 0.483]) { #expect(abs(got - want) < 1e-12) }
        #expect(abs(r.level - 14.7585) < 1e-12)
        #expect(abs(r.slope - 1.3186) < 1e-12)
        let f = ETSEngine.project(spec: spec, p: p, level: r.level, slope: r.slope, seasonal: [], n: 4, horizon: 2)
        #expect(abs(f[0] - 16.0771) < 1e-12 && abs(f[1] - 17.3957) < 1e-12)
    }

    @Test func dampedTrendProjection() {
        // h-step forecast l + (φ + φ² + … + φ^h)·b
        let spec = ETSSpec(error: .additive, trend: .additive, damped: true, season: .none, period: 1)
        var p = ETSParameters()
        p.phi = 0.9
        let f = ETSEngine.project(spec: spec, p: p, level: 100, slope: 10, seasonal: [], n: 5, horizon: 3)
        #expect(abs(f[0] - 109) < 1e-12 && abs(f[1] - 117.1) < 1e-12 && abs(f[2] - 124.39) < 1e-12)
    }

    @Test func holtWintersAdditiveRecursion() {
        // m = 2, l0 = 7, b0 = 0.5, s = (−2, 2), α = 0.5, β = 0.1, γ = 0.2
        let spec = ETSSpec(error: .additive, trend: .additive, damped: false, season: .additive, period: 2)
        var p = ETSParameters()
        p.alpha = 0.5; p.beta = 0.1; p.gamma = 0.2; p.level = 7; p.slope = 0.5; p.seasonal = [-2, 2]
        let r = run([5, 9, 6, 10], spec, p)
        for (got, want) in zip(r.residuals, [-0.5, -0.7, 0.37, -0.192]) { #expect(abs(got - want) < 1e-12) }
        #expect(abs(r.level - 8.236) < 1e-12 && abs(r.slope - 0.3978) < 1e-12)
        #expect(abs(r.seasonal[0] + 2.026) < 1e-12 && abs(r.seasonal[1] - 1.8216) < 1e-12)
        let f = ETSEngine.project(spec: spec, p: p, level: r.level, slope: r.slope, seasonal: r.seasonal, n: 4, horizon: 2)
        #expect(abs(f[0] - 6.6078) < 1e-12 && abs(f[1] - 10.8532) < 1e-12)
    }

    @Test func multiplicativeErrorLikelihoodUsesRelativeErrors() {
        // ETS(M,N,N), α = 0.5, l0 = 10 on (12, 9): forecasts 10 then 11; relative errors 0.2, −2/11
        let spec = ETSSpec(error: .multiplicative, trend: .none, damped: false, season: .none, period: 1)
        var p = ETSParameters()
        p.alpha = 0.5; p.level = 10
        let r = run([12, 9], spec, p)
        let sse = 0.04 + 4.0 / 121
        #expect(abs(r.sse - sse) < 1e-12)
        #expect(abs(r.lik - (2 * log(sse) + 2 * (log(10) + log(11)))) < 1e-12)
    }

    @Test func croston_and_sba_on_a_short_intermittent_series() {
        // sizes 3, 2, 4 and intervals 2, 3, 2; SES α = 0.1 from the first value: 3.01 / 2.09
        let y: [Double] = [0, 3, 0, 0, 2, 0, 4]
        let croston = Intermittent.croston(y, horizon: 3)
        #expect(abs(croston.mean[0] - 3.01 / 2.09) < 1e-12)
        #expect(croston.mean.count == 3 && croston.mean[2] == croston.mean[0])
        #expect(abs(Intermittent.sba(y, horizon: 1).mean[0] - 0.95 * 3.01 / 2.09) < 1e-12)
        // TSB: occurrence smoothed every period 0 → 0.1 → 0.09 → 0.081 → 0.1729 → 0.15561 → 0.240049
        #expect(abs(Intermittent.tsb(y, horizon: 1).mean[0] - 0.240049 * 3.01) < 1e-12)
        #expect(Intermittent.averageDemandInterval(y) == 7.0 / 3)
    }

    @Test func nelderMeadFindsAQuadraticMinimum() {
        let result = NelderMead(relativeTolerance: 1e-14, maxEvaluations: 2000).minimize(start: [0, 0], steps: [1, 1]) { x in
            (x[0] - 3) * (x[0] - 3) + 2 * (x[1] + 1) * (x[1] + 1)
        }
        #expect(abs(result.point[0] - 3) < 1e-4 && abs(result.point[1] + 1) < 1e-4)
    }

    @Test func baselines() {
        let y: [Double] = [1, 2, 3, 4, 5, 6]
        #expect(Baselines.naive(y, horizon: 2).mean == [6, 6])
        #expect(Baselines.seasonalNaive(y, period: 3, horizon: 4).mean == [4, 5, 6, 4])
        #expect(Baselines.drift(y, horizon: 2).mean == [7, 8])
        #expect(Baselines.movingAverage(y, window: 3, horizon: 1).mean == [5])
    }
}
