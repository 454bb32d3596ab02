import OpsKit
import Testing

@testable import Segment

@Suite struct SegmentPluginTests {
    @Test func declaresItsName() {
        #expect(SegmentPlugin.name == "segment")
        #expect(SegmentPlugin.apiVersion == pluginAPIVersion)
    }
}
