import OpsKit
import Testing

@testable import Route

@Suite struct RoutePluginTests {
    @Test func declaresItsName() {
        #expect(RoutePlugin.name == "route")
        #expect(RoutePlugin.apiVersion == pluginAPIVersion)
    }
}
