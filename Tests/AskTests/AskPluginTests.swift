import OpsKit
import Testing

@testable import Ask

@Suite struct AskPluginTests {
    @Test func repliesFollowTheQuestionsScriptOrTheInterface() {
        #expect(Assistant.repliesInChinese(to: "退货要多久"))
        #expect(!Assistant.repliesInChinese(to: "how long is a refund?"))
        // no letters at all: the interface's language
        #expect(Assistant.repliesInChinese(to: "？！🙂") == (Language.current == .zh))
    }

    @Test func declaresItsName() {
        #expect(AskPlugin.name == "ask")
        #expect(AskPlugin.apiVersion == pluginAPIVersion)
    }
}
