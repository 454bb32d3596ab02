import OpsKit

/// Every user-facing text of the `ask` plugin, in one place for translation.
enum AskText {
    static func badSynonymLine(source: String, line: Int, text: String) -> String {
        "\(source):\(line): '\(text)' is not a synonym group"
    }
    static let synonymHint = "write one group per line: 快递 = 物流 = 配送"
    static func notAKnowledgeBase(_ name: String) -> String { "dataset '\(name)' is not a knowledge base" }
    static let kbHint = "build one with: ask kb FAQ --question COL --answer COL --as NAME"
    static func badStoredSetting(_ name: String, _ key: String) -> String {
        "knowledge base '\(name)' has a bad setting '\(key)'"
    }
}

extension AskText {
    static func notAModel(_ name: String) -> String { "dataset '\(name)' is not an intent model" }
    static let modelHint = "train one with: ask train UTTERANCES --text COL --intent COL --as NAME"
    static func intentNameClash(_ label: String) -> String { "an intent may not be called '\(label)'" }
    static let intentNameClashHint = "kind, term and value name the model's own columns: rename that intent"
}

// MARK: Replies
extension AskText {
    static let orderIntent = "order_status"
    static func phoneEntity(_ masked: String) -> String { "phone \(masked)" }
    static func productEntity(_ name: String) -> String { "product \(name)" }
    static func orderEntity(_ id: Int64) -> String { "order \(id)" }
    private static let orderWords = ["订单", "单号", "order"]
    static func mentionsOrder(_ text: String) -> Bool { orderWords.contains { text.lowercased().contains($0) } }

    static func orderAnswer(_ order: OrderBook.Order, chinese: Bool) -> String {
        if chinese {
            let shipped = order.shipDate.map { "，发货日期 \($0)" } ?? "，尚未发货"
            return "订单 \(order.id)：\(order.status)\(shipped)（共 \(order.items) 件商品）。"
        }
        let shipped = order.shipDate.map { ", shipped on \($0)" } ?? ", not shipped yet"
        return "Order \(order.id): \(order.status)\(shipped) (\(order.items) item\(order.items == 1 ? "" : "s"))."
    }

    static func intentOnly(_ intent: String, chinese: Bool) -> String {
        chinese ? "识别到的意图：\(intent)（没有知识库可以回答）。" : "Recognised intent: \(intent) (no knowledge base to answer from)."
    }

    static func handoffMessage(chinese: Bool) -> String {
        chinese ? "这个问题我不太确定，正在为您转接人工客服。" : "I'm not sure about this one — transferring you to a human agent."
    }

    static let reasonNoMatch = "no match"
    static let reasonOutOfScope = "out of scope"
    static let reasonNoOrders = "order question but no orders dataset"
    static func reasonUnknownOrder(_ id: Int64) -> String { "unknown order \(id)" }
    static func reasonLowConfidence(_ confidence: Double, _ threshold: Double) -> String {
        "confidence \(ValueFormat.fixed(confidence, digits: 2)) below threshold \(ValueFormat.fixed(threshold, digits: 2))"
    }
}

extension AskText {
    static let notAHandoffLog = "dataset 'handoffs' exists but is not a hand-off log"
    static let handoffLogHint = "rename or drop it (rename handoffs my_handoffs) so ask can record hand-offs there"
}

// MARK: Query output
extension AskText {
    static let answerLabel = "answer: "
    static let confidenceLabel = "confidence: "
    static let matchedLabel = "matched: "
    static let intentLabel = "intent: "
    static let entitiesLabel = "entities: "
    static let handoffLabel = "hand-off: "
    static let alternativesLabel = "alternatives:"
    static let followUpNote = "note: read as a follow-up of the previous question"
    static let botPrefix = "bot: "
    static func matched(_ question: String, row: Int, intent: String?) -> String {
        "\(question) (entry \(row)\(intent.map { ", intent \($0)" } ?? ""))"
    }
    static func alternative(_ n: Int, question: String, confidence: Double, answer: String) -> String {
        "  \(n). \(question) (\(ValueFormat.fixed(confidence, digits: 2))) → \(answer)"
    }
    static func recordedHandoff(_ count: Int) -> String {
        "recorded \(count) hand-off\(count == 1 ? "" : "s") in dataset 'handoffs'"
    }
    static let noKnowledge = "no knowledge base or intent model to answer from"
    static func thresholdRange(_ value: Double) -> String { "\(ValueFormat.double(value)) is not between 0 and 1" }
    static let thresholdHint = "confidences are shares between 0 and 1; `ask evaluate` suggests one"
    static let emptyQuestion = "the question is empty"
    static let emptyQuestionHint = "ask \"退货要多久?\" or ask query \"where is my order 10023?\""
    static func longQuestion(_ length: Int) -> String {
        "the question has \(length) characters; only the first \(Assistant.maxQuestionLength) are used"
    }
}

// MARK: Chat
extension AskText {
    static let chatWelcome = "chat started: ask questions, /reset to forget the context, /exit to return"
    static let chatReset = "context cleared"
    static let chatEmpty = "chat ended without questions"
    static func chatSummary(turns: Int, handoffs: Int, log: String) -> String {
        "chat ended: \(turns) question\(turns == 1 ? "" : "s"), \(handoffs) handed off; turns stored in '\(log)'"
    }
}

// MARK: Knowledge base
extension AskText {
    static let indexing = "indexing"
    static let missingAnswer = "missing or empty answer"
    static let missingQuestion = "missing or empty question"
    static func skippedRows(_ count: Int, _ why: String) -> String { "skipped \(count) row\(count == 1 ? "" : "s") with a \(why)" }
    static func noEntries(_ name: String) -> String { "dataset '\(name)' has no row with both a question and an answer" }
    static let noEntriesHint = "check --question and --answer (show the dataset with: show NAME)"
    static func unreadableFile(_ path: String) -> String { "cannot read '\(path)'" }
    static func mustBeNonNegative(_ v: Double) -> String { "\(ValueFormat.double(v)) must be a number ≥ 0" }
    static func mustBeShare(_ v: Double) -> String { "\(ValueFormat.double(v)) must be between 0 and 1" }
    static func kbSummary(
        name: String, entries: Int, skipped: Int, intents: Int, synonymGroups: Int, terms: Int, k1: Double, b: Double, threshold: Double
    ) -> String {
        var parts = ["knowledge base '\(name)': \(entries) entries"]
        if skipped > 0 { parts[0] += " (\(skipped) skipped)" }
        if intents > 0 { parts.append("\(intents) intents") }
        parts.append("\(synonymGroups) synonym group\(synonymGroups == 1 ? "" : "s")")
        parts.append("\(terms) index terms")
        parts.append("BM25 k1=\(ValueFormat.double(k1)) b=\(ValueFormat.double(b))")
        parts.append("hand-off below \(ValueFormat.fixed(threshold, digits: 2))")
        return parts.joined(separator: ", ")
    }
}

// MARK: Training
extension AskText {
    static let training = "training"
    static func lossDetail(_ loss: Double) -> String { "loss \(ValueFormat.fixed(loss, digits: 4))" }
    static func mustBePositive(_ v: Double) -> String { "\(ValueFormat.double(v)) must be a number > 0" }
    static func skippedUtterances(_ n: Int) -> String { "skipped \(n) row\(n == 1 ? "" : "s") with an empty text or intent" }
    static func tooFewIntents(column: String, classes: [String]) -> String {
        classes.isEmpty ? "intent column '\(column)' is empty"
            : "intent column '\(column)' has one class ('\(classes[0])'): a classifier needs at least two"
    }
    static let tooFewIntentsHint = "label utterances with two or more intents (e.g. add out-of-scope examples labelled oos)"
    static func notConverged(_ iterations: Int) -> String {
        "L-BFGS stopped after \(iterations) iterations before the gradient tolerance was reached"
    }
    static func trainSummary(name: String, summary: IntentTrainer.Summary, intents: Int, threshold: Double) -> String {
        var text = "intent model '\(name)': \(summary.examples) utterances, \(intents) intents, \(summary.features) features; "
        text += "L-BFGS \(summary.iterations) iterations"
        if let accuracy = summary.heldOutAccuracy {
            text += "; held-out accuracy \(ValueFormat.fixed(accuracy, digits: 3)) on \(summary.heldOutCount)"
        }
        text += "; temperature \(ValueFormat.fixed(summary.temperature, digits: 2)); hand-off below \(ValueFormat.fixed(threshold, digits: 2))"
        return text
    }
}

// MARK: Evaluation
extension AskText {
    static let evaluating = "evaluating"
    static func noTestRows(_ name: String) -> String { "dataset '\(name)' has no row with both a text and an intent" }
    static func kbSource(_ name: String) -> String { "knowledge base '\(name)'" }
    static func modelSource(_ name: String) -> String { "intent model '\(name)'" }
    static func evaluated(_ m: IntentMetrics, against: String) -> String {
        "evaluated \(m.inScopeCount + m.outOfScopeCount) questions (\(m.inScopeCount) in scope, \(m.outOfScopeCount) out of scope) with \(against)"
    }
    static let metricHeaders = ["metric", "value"]
    static func metricRows(_ m: IntentMetrics) -> [[String]] {
        func f(_ v: Double) -> String { v.isNaN ? "–" : ValueFormat.fixed(v, digits: 3) }
        var rows = [
            ["accuracy", f(m.accuracy)], ["macro-F1", f(m.macroF1)], ["top-3 accuracy", f(m.top3Accuracy)],
            ["MRR", f(m.meanReciprocalRank)], ["threshold in force", f(m.threshold)],
            ["in-scope accuracy at threshold", f(m.inScopeAccuracyAtThreshold)],
        ]
        if m.outOfScopeCount > 0 {
            rows += [
                ["out-of-scope recall", f(m.outOfScopeRecall)], ["out-of-scope precision", f(m.outOfScopePrecision)],
                ["overall accuracy at threshold", f(m.overallAccuracy)],
                ["best threshold", f(m.bestThreshold)], ["overall accuracy at best", f(m.bestOverallAccuracy)],
            ]
        }
        rows.append([L("calibration error (ECE)", "校准误差（ECE）"), f(m.calibrationError)])
        return rows
    }
    static var abstentionHeaders: [String] { [L("threshold", "阈值"), L("answered", "作答比例"), L("right when answered", "作答准确率")] }
    static func abstentionRows(_ m: IntentMetrics) -> [[String]] {
        func f(_ v: Double) -> String { v.isNaN ? "–" : ValueFormat.fixed(v, digits: 3) }
        return m.abstention.map { [ValueFormat.fixed($0.threshold, digits: 2), f($0.answered), f($0.accuracyOfAnswered)] }
    }
    static func tunedOnPart(tuning: Int, measured: Int, threshold: Double) -> String {
        L("threshold \(ValueFormat.fixed(threshold, digits: 3)) tuned on \(tuning) questions; the figures below are on the other \(measured)",
          "阈值 \(ValueFormat.fixed(threshold, digits: 3)) 由 \(tuning) 个问题调得；以下指标基于其余 \(measured) 个问题")
    }
    static func mustBeOpenShare(_ value: Double) -> String {
        L("\(ValueFormat.double(value)) must be strictly between 0 and 1", "\(ValueFormat.double(value)) 必须大于 0 且小于 1")
    }
    static func noOutOfScope(_ label: String) -> String { "no test question is labelled '\(label)', so no threshold can be tuned" }
    static let noOutOfScopeHint = "add out-of-scope questions to the test set, or name their label with --oos-label"
    static func savedThreshold(_ t: Double, onAll: Bool) -> String {
        onAll
            ? L("stored threshold \(ValueFormat.fixed(t, digits: 3)) (tuned on all these questions: the accuracy at best is optimistic; --tune-share holds some out)",
                "已保存阈值 \(ValueFormat.fixed(t, digits: 3))（在全部问题上调得，最佳准确率偏乐观；可用 --tune-share 留出一部分）")
            : L("stored threshold \(ValueFormat.fixed(t, digits: 3))", "已保存阈值 \(ValueFormat.fixed(t, digits: 3))")
    }
}

// MARK: Benchmark timings
extension AskText {
    static func indexTiming(seconds: Double, entries: Int) -> String {
        "timing: index of \(entries) entries built in \(ValueFormat.fixed(seconds, digits: 3)) s"
    }
    static func latencyTiming(p50: Double, p99: Double, count: Int) -> String {
        "timing: per question p50 \(ValueFormat.fixed(p50, digits: 3)) ms, p99 \(ValueFormat.fixed(p99, digits: 3)) ms over \(count) questions"
    }

    static func segmentTiming(seconds: Double, bytes: Int) -> String {
        L("timing: segmented \(bytes) bytes in \(ValueFormat.fixed(seconds, digits: 3)) s",
          "计时：切分 \(bytes) 字节用时 \(ValueFormat.fixed(seconds, digits: 3)) 秒")
    }
}

// MARK: ask terms
extension AskText {
    static func foldedLine(_ text: String) -> String { L("folded:    \(text)", "规范化：  \(text)") }
    static func repairedLine(_ text: String) -> String { L("repaired:  \(text)", "纠错后：  \(text)") }
    static func rewrittenLine(_ text: String) -> String { L("synonyms:  \(text)", "同义改写：\(text)") }
    static func wordsLine(_ text: String) -> String { L("words:     \(text)", "分词：    \(text)") }
    static func termsLine(_ text: String) -> String { L("terms:     \(text)", "检索词：  \(text)") }
    static func segmentedFile(_ path: String, words: Int, bytes: Int) -> String {
        L("\(path): \(bytes) bytes, \(words) words", "\(path)：\(bytes) 字节，\(words) 个词")
    }
    static let utf8Hint = L("give a readable UTF-8 text file", "请给出可读的 UTF-8 文本文件")
}
