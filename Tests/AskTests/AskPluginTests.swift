import OpsKit
import Testing

@testable import Ask

@Suite struct AskPluginTests {
    @Test func declaresItsName() {
        #expect(AskPlugin.name == "ask")
        #expect(AskPlugin.apiVersion == pluginAPIVersion)
    }
}
