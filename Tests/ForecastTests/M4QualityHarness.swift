import Foundation
import OpsKit
import Testing

@testable import Forecast

/// Scores models, and averages of two or three of them, on M4 Hourly/Weekly as M4
/// does. Slow in debug builds, so it runs only when FORECAST_M4 is set (e.g.
/// `FORECAST_M4=auto,ets,theta`); the benchmark script is the reference measurement
/// through the CLI.
@Suite struct M4QualityHarness {
    static let models = ProcessInfo.processInfo.environment["FORECAST_M4"]

    @Test(.enabled(if: models != nil && TestData.available, "set FORECAST_M4=models to score on M4 (needs ../shared/data)"))
    func scoreM4() throws {
        let kinds = Array(try #require(CommaList<ModelKind>(argument: Self.models ?? "auto"), "FORECAST_M4 names unknown models"))
        let only = ProcessInfo.processInfo.environment["FORECAST_M4_FREQ"]
        for (name, horizon, seasons, masePeriod, refSmape, refMase) in [
            ("weekly", 13, [52], 1, 9.161, 2.777), ("hourly", 48, [24, 168], 24, 18.383, 2.395),
        ] where only == nil || only == name {
            let train = try TestData.m4("m4-\(name)-train.csv"), test = try TestData.m4("m4-\(name)-test.csv")
            var forecasts: [[[Double]]] = []
            for kind in kinds {
                var out = [[Double]](repeating: [], count: train.count)
                let start = Date()
                out.withUnsafeMutableBufferPointer { op in
                    DispatchQueue.concurrentPerform(iterations: train.count) { i in
                        let y = train[i].values
                        op[i] = Forecaster.forecast(y, model: kind, profile: SeriesProfile(y, seasons: seasons), horizon: horizon).mean
                    }
                }
                print("M4 \(name) \(kind.rawValue) took \(Date().timeIntervalSince(start)) s")
                forecasts.append(out)
            }
            func score(_ members: [Int]) -> String {
                var s = 0.0, m = 0.0
                for i in train.indices {
                    var f = [Double](repeating: 0, count: horizon)
                    for k in members { for h in 0..<horizon { f[h] += forecasts[k][i][h] / Double(members.count) } }
                    let actual = test[i].values[...]
                    s += Metrics.smape(actual: actual, forecast: f[...])
                    m += Metrics.mase(actual: actual, forecast: f[...], scale: Metrics.naiveScale(history: train[i].values[...], period: masePeriod))
                }
                s /= Double(train.count); m /= Double(train.count)
                let owa = Metrics.owa(smape: s, mase: m, referenceSmape: refSmape, referenceMase: refMase)
                return "sMAPE \(String(format: "%.3f", s)) MASE \(String(format: "%.3f", m)) OWA \(String(format: "%.3f", owa))"
            }
            for a in kinds.indices {
                print("M4 \(name) \(kinds[a].rawValue): \(score([a]))")
                for b in kinds.indices where b > a {
                    print("M4 \(name) \(kinds[a].rawValue)+\(kinds[b].rawValue): \(score([a, b]))")
                    for c in kinds.indices where c > b {
                        print("M4 \(name) \(kinds[a].rawValue)+\(kinds[b].rawValue)+\(kinds[c].rawValue): \(score([a, b, c]))")
                    }
                }
            }
        }
    }
}
