import Foundation
import OpsKit
import Testing

@testable import Ask

@Suite struct KBCommandTests {
    @Test func buildsAndSkipsRowsWithoutAnswers() throws {
        let h = Harness(["faq": Harness.faq])
        let out = try h.run(KBCommand.self, ["faq", "--question", "问题", "--answer", "答案", "--intent", "意图", "--as", "ask_kb"])
        #expect(out.contains("skipped 1 row with a missing or empty answer"))
        #expect(out.contains("knowledge base 'ask_kb': 7 entries (1 skipped)"))
        let kb = try KnowledgeBaseStore.knowledgeBase(from: h.dataset("ask_kb"), name: "ask_kb")
        #expect(kb.entries.count == 7 && !kb.entries.contains { $0.question == "这个问题没有答案" })
    }

    @Test func badOptionsAreClearErrors() throws {
        let h = Harness(["faq": Harness.faq])
        #expect(throws: OpsError.self) { try h.run(KBCommand.self, ["faq", "--question", "问", "--answer", "答案"]) }
        #expect(throws: OpsError.self) { try h.run(KBCommand.self, ["faq", "--question", "问题", "--answer", "答案", "--b", "2"]) }
        #expect(throws: OpsError.self) {
            try h.run(KBCommand.self, ["faq", "--question", "问题", "--answer", "答案", "--synonyms", "/nonexistent/syn.txt"])
        }
        #expect(h.datasets.datasetNames == ["faq"])
    }
}

@Suite struct QueryCommandTests {
    static func harness() throws -> Harness {
        let h = Harness(["faq": Harness.faq, "orders": Harness.orders])
        try h.run(KBCommand.self, ["faq", "--question", "问题", "--answer", "答案", "--intent", "意图"])
        return h
    }

    @Test func answersAParaphraseWithItsSource() throws {
        let out = try Self.harness().run(QueryCommand.self, ["退货要付运费吗"])
        #expect(out.contains("answer: 质量问题由我们承担运费。"))
        #expect(out.contains("matched: 退货的运费谁来承担? (entry 2, intent shipping_cost)"))
    }

    @Test func handsOffAndRecordsTheMaskedQuestion() throws {
        let h = try Self.harness()
        let out = try h.run(QueryCommand.self, ["我的手机号 13812345678 怎么修改绑定"])
        #expect(out.contains("正在为您转接人工客服"))
        #expect(out.contains("phone 138****5678") && !out.contains("13812345678"))
        let log = try h.dataset("handoffs")
        #expect(log.rowCount == 1)
        #expect(log.columns[2].formatted(at: 0) == "我的手机号 138****5678 怎么修改绑定")
        try h.run(QueryCommand.self, ["🙂🙂🙂"])
        #expect(try h.dataset("handoffs").rowCount == 2)
    }

    @Test func answersOrdersFromTheOrdersDataset() throws {
        let h = try Self.harness()
        let out = try h.run(QueryCommand.self, ["where is my order 10002?"])
        #expect(out.contains("answer: Order 10002: 配送中, shipped on 2025-11-03 (1 item)."))
        let missing = try h.run(QueryCommand.self, ["订单 99999 到哪了"])
        #expect(missing.contains("hand-off: unknown order 99999"))
    }

    @Test func badQuestionsAndSources() throws {
        let h = try Self.harness()
        #expect(throws: OpsError.self) { try h.run(QueryCommand.self, ["   "]) }
        #expect(throws: OpsError.self) { try h.run(QueryCommand.self, ["退货", "--kb", "kbb"]) }
        do {
            try h.run(QueryCommand.self, ["退货", "--kb", "kbb"])
        } catch let error as OpsError {
            #expect(error.message.contains("did you mean 'kb'"))
        }
        #expect(throws: OpsError.self) { try h.run(QueryCommand.self, ["退货", "--kb", "faq"]) }
        #expect(throws: OpsError.self) { try h.run(QueryCommand.self, ["退货", "--threshold", "1.5"]) }
        let long = String(repeating: "退货运费 ", count: 20_480)  // 100 KB
        let out = try h.run(QueryCommand.self, [long])
        #expect(out.contains("warning: the question has 102399 characters; only the first 1000 are used"))
        let mixed = try h.run(QueryCommand.self, ["😀 how do I reset my 密码 password?? 🔑"])
        #expect(mixed.contains("Reset password"))
        #expect(throws: OpsError.self) { try Harness().run(QueryCommand.self, ["退货"]) }
    }
}

@Suite struct TrainAndEvaluateTests {
    @Test func oneClassIsRefused() throws {
        let one = try Dataset(columns: [Column(name: "text", strings: ["a", "b", "c"]), Column(name: "intent", strings: ["x", "x", "x"])])
        let h = Harness(["u": one])
        #expect(throws: OpsError.self) { try h.run(TrainCommand.self, ["u", "--text", "text", "--intent", "intent"]) }
        do {
            try h.run(TrainCommand.self, ["u", "--text", "text", "--intent", "intent"])
        } catch let error as OpsError {
            #expect(error.message.contains("has one class ('x')"))
        }
    }

    @Test func trainsStoresAndEvaluates() throws {
        let h = Harness(["u": Harness.utterances, "faq": Harness.faq])
        let out = try h.run(TrainCommand.self, ["u", "--text", "text", "--intent", "intent", "--as", "m"])
        #expect(out.contains("intent model 'm': 24 utterances, 4 intents"))
        let model = try IntentModelStore.model(from: h.dataset("m"), name: "m")
        #expect(model.labels == ["oos", "refund", "return", "shipping_time"])
        let query = try h.run(QueryCommand.self, ["想退货怎么弄", "--model", "m"])
        #expect(query.contains("intent: return"))
        let eval = try h.run(EvaluateCommand.self, ["u", "--text", "text", "--intent", "intent", "--model", "m", "--as", "ev"])
        #expect(eval.contains("evaluated 24 questions (18 in scope, 6 out of scope) with intent model 'm'"))
        let ev = try h.dataset("ev")
        #expect(ev.columnNames == ["text", "expected", "predicted", "confidence"] && ev.rowCount == 24)
        try h.run(EvaluateCommand.self, ["u", "--text", "text", "--intent", "intent", "--model", "m", "--save-threshold"])
        let tuned = try IntentModelStore.model(from: h.dataset("m"), name: "m")
        #expect(tuned.threshold != IntentClassifier.defaultThreshold || tuned.weights == model.weights)
        // --tune-share: tuned on one part, measured on the other, reproducibly with --seed
        let args = ["u", "--text", "text", "--intent", "intent", "--model", "m", "--tune-share", "0.5", "--seed", "5"]
        let split = try h.run(EvaluateCommand.self, args)
        #expect(split.contains("tuned on 12 questions; the figures below are on the other 12"))
        #expect(split.contains("evaluated 12 questions") && split.contains("calibration error (ECE)"))
        #expect(try h.run(EvaluateCommand.self, args) == split)
        #expect(throws: OpsError.self) { try h.run(EvaluateCommand.self, args.dropLast(4) + ["--tune-share", "1"]) }
    }
}

@Suite struct ChatCommandTests {
    @Test func followUpsReuseTopicAndEntities() throws {
        let h = try QueryCommandTests.harness()
        let out = try h.run(ChatCommand.self, ["--as", "log"], input: [
            "怎么申请退货?", "那运费呢?", "where is order 10001 and 10002?", "and the other one?",
            "电话 138 1234 5678 打不通", "/exit", "never read",
        ])
        let turns = out.components(separatedBy: "bot: ")
        #expect(turns.count == 6)
        #expect(turns[1].hasPrefix("在订单页点击申请退货。"))
        #expect(turns[2].hasPrefix("质量问题由我们承担运费。"))
        #expect(turns[3].hasPrefix("Order 10001"))
        #expect(turns[4].hasPrefix("Order 10002"))
        #expect(!out.contains("138 1234 5678") && out.contains("138****5678"))
        let log = try h.dataset("log")
        #expect(log.rowCount == 5)
        #expect(!(log.columns[1].stringValues().contains { $0?.contains("1234 5678") == true }))
    }
}

@Suite struct EntityTests {
    @Test func phonesAreMaskedAndOrderIdsFound() {
        #expect(Entities.masked("call 13812345678 now") == "call 138****5678 now")
        #expect(Entities.masked("+86 138-1234-5678") == "+86 138****5678")
        #expect(Entities.masked("021-12345678 or 10023") == "021****5678 or 10023")
        let e = Entities(in: "order 10023 and 10045, phone 13912345678, model A320")
        #expect(e.numbers == [10023, 10045] && e.phones == ["13912345678"])
    }
}

@Suite struct MetricTests {
    /// Hand-worked: 3 in scope (a, a, b), 2 out of scope.
    @Test func metricsByHand() {
        let rows = [
            RankedPrediction(expected: "a", ranking: ["a", "b"], confidence: 0.9),
            RankedPrediction(expected: "a", ranking: ["b", "a"], confidence: 0.6),
            RankedPrediction(expected: "b", ranking: ["b", "a"], confidence: 0.3),
            RankedPrediction(expected: "oos", ranking: ["a", "b"], confidence: 0.4),
            RankedPrediction(expected: "oos", ranking: ["b", "a"], confidence: 0.2),
        ]
        let m = IntentMetrics(rows, oosLabel: "oos", threshold: 0.5)
        #expect(m.accuracy == 2.0 / 3)
        // F1(a) = 2·1/(1+2) = 2/3; F1(b) = 2·1/(2+1) = 2/3
        #expect(abs(m.macroF1 - 2.0 / 3) < 1e-12)
        #expect(m.top3Accuracy == 1 && abs(m.meanReciprocalRank - (1 + 0.5 + 1) / 3) < 1e-12)
        // at 0.5: answered rows 1 (right), 2 (wrong); handed off 3 (wrong), 4, 5 (right)
        #expect(m.inScopeAccuracyAtThreshold == 1.0 / 3)
        #expect(m.outOfScopeRecall == 1 && m.outOfScopePrecision == 2.0 / 3 && m.overallAccuracy == 3.0 / 5)
        // thresholds: 0 → 2/5, 0.3 → 3/5 (row 5 handed off), 0.4 → 2/5, 0.6 → 3/5, 0.9 → 2/5: lowest best is 0.3
        #expect(m.bestThreshold == 0.3 && m.bestOverallAccuracy == 3.0 / 5)
        // calibration: one row per bin, |0.9−1| + |0.6−0| + |0.3−1| + |0.4−0| + |0.2−0| = 2.0, over 5 rows
        #expect(abs(m.calibrationError - 0.4) < 1e-12)
        let half = m.abstention.first { $0.threshold == 0.5 }
        #expect(half?.answered == 2.0 / 5 && half?.accuracyOfAnswered == 0.5)
    }

    /// `A|B` names twin right answers: the one ranked first counts.
    @Test func alternativeLabelsResolveToTheBestRankedOne() {
        #expect(RankedPrediction.resolve("How do I return?|怎么退货？", in: ["怎么退货？", "How do I return?"]) == "怎么退货？")
        #expect(RankedPrediction.resolve("How do I return?|怎么退货？", in: ["x", "How do I return?"]) == "How do I return?")
        #expect(RankedPrediction.resolve("How do I return? | 怎么退货？", in: ["x"]) == "How do I return?")
        #expect(RankedPrediction.resolve("return", in: ["x"]) == "return")
    }
}
