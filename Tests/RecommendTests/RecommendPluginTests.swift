import OpsKit
import Testing

@testable import Recommend

@Suite struct RecommendPluginTests {
    @Test func declaresItsName() {
        #expect(RecommendPlugin.name == "recommend")
        #expect(RecommendPlugin.apiVersion == pluginAPIVersion)
    }
}
