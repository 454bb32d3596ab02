import Foundation
import OpsKit
import Testing
import Workbench

@testable import Ask

/// The sample data shipped in examples/.
enum Examples {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
    static var exist: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("faq.csv").path) }
}

/// The ask commands as a user runs them in a session, on the sample data in examples/.
@Suite(.enabled(if: Examples.exist, "examples/faq.csv is absent"))
struct EndToEndTests {

    static func session() throws -> Session {
        let session = try Session.temporary(plugins: [AskPlugin.self])
        for name in ["faq", "utterances", "orders", "products"] {
            let result = session.execute("load ask_\(name) \(Examples.folder.appendingPathComponent("\(name).csv").path)")
            #expect(result.succeeded, "\(result.output)")
        }
        return session
    }

    @Test func aUserBuildsAsksChatsAndEvaluates() throws {
        let s = try Self.session()
        let synonyms = FileManager.default.temporaryDirectory.appendingPathComponent("ask-e2e-synonyms.txt")
        try "快递 = 物流 = 配送\n运费 = 邮费\n".write(to: synonyms, atomically: true, encoding: .utf8)
        var r = s.execute("ask kb ask_faq --question question --answer answer --intent intent --synonyms \(synonyms.path) --as ask_kb")
        #expect(r.succeeded && r.output.contains("knowledge base 'ask_kb': 45 entries"), "\(r.output)")
        r = s.execute("ask \"退货的邮费谁出?\" --kb ask_kb")
        #expect(r.output.contains("answer: 质量问题退货运费由我们承担"), "\(r.output)")
        r = s.execute("ask query \"where is my order 10001?\" --kb ask_kb --orders ask_orders")
        #expect(r.output.contains("answer: Order 10001: 已签收, shipped on 2025-11-02"), "\(r.output)")
        r = s.execute("ask \"   \" --kb ask_kb")
        #expect(!r.succeeded && r.output.contains("the question is empty"))
        r = s.execute("ask \"退货\" --kb ask_kbb")
        #expect(!r.succeeded && r.output.contains("unknown dataset 'ask_kbb'") && r.output.contains("ask_kb"))
        s.lineReader = { _ in nil }
        var inputs = ["怎么申请退货？", "那运费呢？", "/exit"][...]
        s.lineReader = { _ in inputs.popFirst() }
        r = s.execute("ask chat --kb ask_kb --orders ask_orders --as ask_chat")
        #expect(r.succeeded && r.subInputs == ["怎么申请退货？", "那运费呢？", "/exit"])
        #expect(r.output.components(separatedBy: "bot: ").count == 3 && r.output.contains("运费"), "\(r.output)")
        #expect(try s.workspace.dataset(named: "ask_chat").rowCount == 2)
        r = s.execute("ask --help")
        #expect(r.output.contains("kb") && r.output.contains("chat"))
        r = s.execute("ask query --help")
        #expect(r.output.contains("ask \"退货要多久?\""), "\(r.output)")
    }

    @Test func knowledgeBaseAndModelSurviveARestart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ask-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let question = "ask \"钱什么时候退回来\" --kb ask_kb --model ask_intents"
        var before = ""
        do {
            let s = Session(workspace: try Workspace(directory: directory), plugins: [AskPlugin.self])
            for name in ["faq", "utterances"] {
                #expect(s.execute("load ask_\(name) \(Examples.folder.appendingPathComponent("\(name).csv").path)").succeeded)
            }
            #expect(s.execute("ask kb ask_faq --question question --answer answer --intent intent --as ask_kb").succeeded)
            #expect(s.execute("ask train ask_utterances --text text --intent intent --as ask_intents").succeeded)
            before = s.execute(question).output
        }
        let reopened = Session(workspace: try Workspace(directory: directory), plugins: [AskPlugin.self])
        let after = reopened.execute(question)
        #expect(after.succeeded && after.output == before && before.contains("intent: refund"), "\(before)\n\(after.output)")
    }
}
