import Foundation
import OpsKit
import Testing
import Workbench

@testable import Ask

/// A recorded session with ask commands (a chat included) replays to the same output.
@Suite(.enabled(if: Examples.exist, "examples/faq.csv is absent"))
struct TranscriptTests {
    @Test func aRecordedChatReplaysIdentically() throws {
        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("ask-\(UUID().uuidString).opsb")
        defer { try? FileManager.default.removeItem(at: transcript) }
        let session = try Session.temporary(plugins: [AskPlugin.self])
        #expect(session.execute("record \(transcript.path)").succeeded)
        for name in ["faq", "orders"] {
            #expect(session.execute("load ask_\(name) \(Examples.folder.appendingPathComponent("\(name).csv").path)").succeeded)
        }
        #expect(session.execute("ask kb ask_faq --question question --answer answer --intent intent --as ask_kb").succeeded)
        #expect(session.execute("ask \"可以开收据吗\" --kb ask_kb").succeeded)
        var inputs = ["怎么申请退货？", "那运费呢？", "订单 10023 和 10024 到哪了", "and the other one?", "电话 13812345678", "/exit"][...]
        session.lineReader = { _ in inputs.popFirst() }
        #expect(session.execute("ask chat --kb ask_kb --orders ask_orders --as ask_chat").succeeded)
        #expect(!session.execute("ask \"  \" --kb ask_kb").succeeded)
        #expect(session.execute("record stop").succeeded)

        let text = try String(contentsOf: transcript, encoding: .utf8)
        #expect(text.contains("#< 那运费呢？") && text.contains("#| bot: Order 10024"))
        let replay = try Session.temporary(plugins: [AskPlugin.self])
        let report = try TranscriptChecker(session: replay).check(path: transcript.path)
        #expect(report.steps.count >= 6)
        #expect(report.allMatch, "\(report.mismatches.first?.diff ?? "")")
    }
}
