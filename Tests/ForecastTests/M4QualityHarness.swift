import Foundation
import Testing

@testable import Forecast

/// Scores models on M4 Hourly/Weekly as M4 does. Slow in debug builds, so it runs
/// only when FORECAST_M4 is set (e.g. `FORECAST_M4=auto,snaive`); the benchmark
/// script is the reference measurement through the CLI.
@Suite struct M4QualityHarness {
    static let models = ProcessInfo.processInfo.environment["FORECAST_M4"]

    @Test(.enabled(if: models != nil && TestData.available, "set FORECAST_M4=models to score on M4 (needs ../shared/data)"))
    func scoreM4() throws {
        let kinds = try ModelKind.parseList(Self.models ?? "auto", option: "FORECAST_M4")
        let only = ProcessInfo.processInfo.environment["FORECAST_M4_FREQ"]
        for (name, horizon, seasons, masePeriod, refSmape, refMase) in [
            ("weekly", 13, [52], 1, 9.161, 2.777), ("hourly", 48, [24, 168], 24, 18.383, 2.395),
        ] where only == nil || only == name {
            let train = try TestData.m4("m4-\(name)-train.csv"), test = try TestData.m4("m4-\(name)-test.csv")
            for kind in kinds {
                var smapes = [Double](repeating: 0, count: train.count), mases = smapes
                let start = Date()
                smapes.withUnsafeMutableBufferPointer { sp in
                    mases.withUnsafeMutableBufferPointer { mp in
                        DispatchQueue.concurrentPerform(iterations: train.count) { i in
                            let y = train[i].values
                            let f = Forecaster.forecast(y, model: kind, profile: SeriesProfile(y, seasons: seasons), horizon: horizon)
                            let actual = test[i].values[...]
                            sp[i] = Metrics.smape(actual: actual, forecast: f.mean[...])
                            mp[i] = Metrics.mase(actual: actual, forecast: f.mean[...], scale: Metrics.naiveScale(history: y[...], period: masePeriod))
                        }
                    }
                }
                let s = smapes.reduce(0, +) / Double(smapes.count), m = mases.reduce(0, +) / Double(mases.count)
                let owa = Metrics.owa(smape: s, mase: m, referenceSmape: refSmape, referenceMase: refMase)
                print("M4 \(name) \(kind.rawValue): sMAPE \(s) MASE \(m) OWA \(owa) (\(Date().timeIntervalSince(start)) s)")
                #expect(owa.isFinite)
            }
        }
    }
}
