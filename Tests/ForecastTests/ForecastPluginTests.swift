import OpsKit
import Testing

@testable import Forecast

@Suite struct ForecastPluginTests {
    @Test func declaresItsName() {
        #expect(ForecastPlugin.name == "forecast")
        #expect(ForecastPlugin.apiVersion == pluginAPIVersion)
    }
}
