import Foundation
import Testing

@testable import Forecast

/// Croston, SBA and TSB against statsforecast's outputs on the RAF spare-parts data.
@Suite struct PeerAgreementTests {
    @Test(.enabled(if: TestData.available, "needs ../shared/data/forecast (RAF spare parts)"))
    func intermittentMethodsMatchStatsforecast() throws {
        let rows = try TestData.numericRows("raf-spare-parts-monthly.csv", lastFields: 84)
        let reference = StatsforecastReference.raf
        for (i, expected) in reference.enumerated() {
            let y = rows[i]
            #expect(y.count == 84)
            #expect(abs(Intermittent.croston(y, horizon: 1).mean[0] - expected.croston) < 1e-12, "item \(i + 1)")
            #expect(abs(Intermittent.sba(y, horizon: 1).mean[0] - expected.sba) < 1e-12, "item \(i + 1)")
            #expect(abs(Intermittent.tsb(y, horizon: 1).mean[0] - expected.tsb) < 1e-12, "item \(i + 1)")
        }
    }
}
