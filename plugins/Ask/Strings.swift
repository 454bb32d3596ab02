import OpsKit

/// Every user-facing text of the `ask` plugin, in both languages
/// (`L(English, 中文)`, docs/contributing.md). Replies to shoppers follow the
/// script of the question (a Chinese question gets a Chinese answer); the
/// workbench's own messages follow the interface language.
enum AskText {
    static func badSynonymLine(source: String, line: Int, text: String) -> String {
        L("\(source):\(line): '\(text)' is not a synonym group", "\(source):\(line)：「\(text)」不是同义词组")
    }
    static var synonymHint: String { L("write one group per line: 快递 = 物流 = 配送", "每行写一组：快递 = 物流 = 配送") }
    static func notAKnowledgeBase(_ name: String) -> String { L("dataset '\(name)' is not a knowledge base", "数据集「\(name)」不是知识库") }
    static var kbHint: String {
        L("build one with: ask kb FAQ --question COL --answer COL --as NAME", "先建立知识库：ask kb FAQ --question 列 --answer 列 --as 名称")
    }
    static func badStoredSetting(_ name: String, _ key: String) -> String {
        L("knowledge base '\(name)' has a bad setting '\(key)'", "知识库「\(name)」的设置「\(key)」有误")
    }
}

extension AskText {
    static func notAModel(_ name: String) -> String { L("dataset '\(name)' is not an intent model", "数据集「\(name)」不是意图模型") }
    static var modelHint: String {
        L("train one with: ask train UTTERANCES --text COL --intent COL --as NAME", "先训练模型：ask train 语料 --text 列 --intent 列 --as 名称")
    }
    static func intentNameClash(_ label: String) -> String { L("an intent may not be called '\(label)'", "意图不能命名为「\(label)」") }
    static var intentNameClashHint: String {
        L("kind, term and value name the model's own columns: rename that intent", "kind、term 和 value 是模型自身的列名：请给该意图改名")
    }
}

// MARK: Replies
extension AskText {
    /// The intent of order questions (a label in data, the same in both languages).
    static let orderIntent = "order_status"
    static func phoneEntity(_ masked: String) -> String { L("phone \(masked)", "电话 \(masked)") }
    static func productEntity(_ name: String) -> String { L("product \(name)", "商品 \(name)") }
    static func orderEntity(_ id: Int64) -> String { L("order \(id)", "订单 \(id)") }
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

    static var reasonNoMatch: String { L("no match", "没有匹配的条目") }
    static var reasonOutOfScope: String { L("out of scope", "超出范围") }
    static var reasonNoOrders: String { L("order question but no orders dataset", "订单问题，但没有订单数据集") }
    static func reasonUnknownOrder(_ id: Int64) -> String { L("unknown order \(id)", "未知订单 \(id)") }
    static func reasonLowConfidence(_ confidence: Double, _ threshold: Double) -> String {
        let c = ValueFormat.fixed(confidence, digits: 2), t = ValueFormat.fixed(threshold, digits: 2)
        return L("confidence \(c) below threshold \(t)", "置信度 \(c) 低于阈值 \(t)")
    }
}

extension AskText {
    static var notAHandoffLog: String {
        L("dataset 'handoffs' exists but is not a hand-off log", "数据集「handoffs」已存在，但不是转人工记录")
    }
    static var handoffLogHint: String {
        L("rename or drop it (rename handoffs my_handoffs) so ask can record hand-offs there",
          "请改名或删除它（rename handoffs my_handoffs），以便 ask 在其中记录转人工")
    }
}

// MARK: Query output
extension AskText {
    static var answerLabel: String { L("answer: ", "回答：") }
    static var confidenceLabel: String { L("confidence: ", "置信度：") }
    static var matchedLabel: String { L("matched: ", "匹配：") }
    static var intentLabel: String { L("intent: ", "意图：") }
    static var entitiesLabel: String { L("entities: ", "实体：") }
    static var handoffLabel: String { L("hand-off: ", "转人工：") }
    static var alternativesLabel: String { L("alternatives:", "其他可能：") }
    static var followUpNote: String { L("note: read as a follow-up of the previous question", "注：按上一个问题的追问理解") }
    static var botPrefix: String { L("bot: ", "客服：") }
    static func matched(_ question: String, row: Int, intent: String?) -> String {
        L("\(question) (entry \(row)\(intent.map { ", intent \($0)" } ?? ""))",
          "\(question)（第 \(row) 条\(intent.map { "，意图 \($0)" } ?? "")）")
    }
    static func alternative(_ n: Int, question: String, confidence: Double, answer: String) -> String {
        "  \(n). \(question) (\(ValueFormat.fixed(confidence, digits: 2))) → \(answer)"
    }
    static func recordedHandoff(_ count: Int) -> String {
        L("recorded \(count) hand-off\(count == 1 ? "" : "s") in dataset 'handoffs'", "已在数据集「handoffs」中记录 \(count) 次转人工")
    }
    static var noKnowledge: String { L("no knowledge base or intent model to answer from", "没有可用于回答的知识库或意图模型") }
    static var emptyQuestion: String { L("the question is empty", "问题为空") }
    static var emptyQuestionHint: String {
        L("ask \"退货要多久?\" or ask query \"where is my order 10023?\"", "例如：ask \"退货要多久?\" 或 ask query \"where is my order 10023?\"")
    }
    static func longQuestion(_ length: Int) -> String {
        L("the question has \(length) characters; only the first \(Assistant.maxQuestionLength) are used",
          "问题有 \(length) 个字符，只使用前 \(Assistant.maxQuestionLength) 个")
    }
}

// MARK: Chat
extension AskText {
    static var chatWelcome: String {
        L("chat started: ask questions, /reset to forget the context, /exit to return", "对话开始：请提问；/reset 清除上下文，/exit 返回")
    }
    static var chatReset: String { L("context cleared", "上下文已清除") }
    static var chatEmpty: String { L("chat ended without questions", "对话结束，没有提问") }
    static func chatSummary(turns: Int, handoffs: Int, log: String) -> String {
        L("chat ended: \(turns) question\(turns == 1 ? "" : "s"), \(handoffs) handed off; turns stored in '\(log)'",
          "对话结束：\(turns) 个问题，\(handoffs) 个转人工；对话记录保存在「\(log)」")
    }
}

// MARK: Knowledge base
extension AskText {
    static var indexing: String { L("indexing", "建立索引") }
    static var missingAnswer: String { L("missing or empty answer", "缺少答案或答案为空") }
    static var missingQuestion: String { L("missing or empty question", "缺少问题或问题为空") }
    static func skippedRows(_ count: Int, _ why: String) -> String {
        L("skipped \(count) row\(count == 1 ? "" : "s") with a \(why)", "跳过 \(count) 行（\(why)）")
    }
    static func noEntries(_ name: String) -> String {
        L("dataset '\(name)' has no row with both a question and an answer", "数据集「\(name)」没有同时有问题和答案的行")
    }
    static var noEntriesHint: String {
        L("check --question and --answer (show the dataset with: show NAME)", "请检查 --question 和 --answer（用 show 名称 查看数据集）")
    }
    static func unreadableFile(_ path: String) -> String { L("cannot read '\(path)'", "无法读取「\(path)」") }
    static func kbSummary(
        name: String, entries: Int, skipped: Int, intents: Int, synonymGroups: Int, terms: Int, k1: Double, b: Double, threshold: Double
    ) -> String {
        var parts = [L("knowledge base '\(name)': \(entries) entries", "知识库「\(name)」：\(entries) 条")]
        if skipped > 0 { parts[0] += L(" (\(skipped) skipped)", "（跳过 \(skipped) 行）") }
        if intents > 0 { parts.append(L("\(intents) intents", "\(intents) 个意图")) }
        parts.append(L("\(synonymGroups) synonym group\(synonymGroups == 1 ? "" : "s")", "\(synonymGroups) 组同义词"))
        parts.append(L("\(terms) index terms", "\(terms) 个检索词"))
        parts.append("BM25 k1=\(ValueFormat.double(k1)) b=\(ValueFormat.double(b))")
        parts.append(L("hand-off below \(ValueFormat.fixed(threshold, digits: 2))", "置信度低于 \(ValueFormat.fixed(threshold, digits: 2)) 转人工"))
        return parts.joined(separator: L(", ", "，"))
    }
}

// MARK: Training
extension AskText {
    static var training: String { L("training", "训练") }
    static func lossDetail(_ loss: Double) -> String { L("loss \(ValueFormat.fixed(loss, digits: 4))", "损失 \(ValueFormat.fixed(loss, digits: 4))") }
    static func skippedUtterances(_ n: Int) -> String {
        L("skipped \(n) row\(n == 1 ? "" : "s") with an empty text or intent", "跳过 \(n) 行（文本或意图为空）")
    }
    static func tooFewIntents(column: String, classes: [String]) -> String {
        classes.isEmpty
            ? L("intent column '\(column)' is empty", "意图列「\(column)」为空")
            : L("intent column '\(column)' has one class ('\(classes[0])'): a classifier needs at least two",
                "意图列「\(column)」只有一类（「\(classes[0])」）：分类器至少需要两类")
    }
    static var tooFewIntentsHint: String {
        L("label utterances with two or more intents (e.g. add out-of-scope examples labelled oos)",
          "请用两个或更多意图标注语料（例如加入标为 oos 的范围外例句）")
    }
    static func notConverged(_ iterations: Int) -> String {
        L("L-BFGS stopped after \(iterations) iterations before the gradient tolerance was reached",
          "L-BFGS 迭代 \(iterations) 次后停止，梯度尚未达到容差")
    }
    static func trainSummary(name: String, summary: IntentTrainer.Summary, intents: Int, threshold: Double) -> String {
        var text = L("intent model '\(name)': \(summary.examples) utterances, \(intents) intents, \(summary.features) features; ",
                     "意图模型「\(name)」：\(summary.examples) 条语料，\(intents) 个意图，\(summary.features) 个特征；")
        text += L("L-BFGS \(summary.iterations) iterations", "L-BFGS 迭代 \(summary.iterations) 次")
        if let accuracy = summary.heldOutAccuracy {
            let a = ValueFormat.fixed(accuracy, digits: 3)
            text += L("; held-out accuracy \(a) on \(summary.heldOutCount)", "；留出集 \(summary.heldOutCount) 条上准确率 \(a)")
        }
        let temperature = ValueFormat.fixed(summary.temperature, digits: 2), t = ValueFormat.fixed(threshold, digits: 2)
        text += L("; temperature \(temperature); hand-off below \(t)", "；温度 \(temperature)；置信度低于 \(t) 转人工")
        return text
    }
}

// MARK: Evaluation
extension AskText {
    static var evaluating: String { L("evaluating", "评估") }
    static func noTestRows(_ name: String) -> String {
        L("dataset '\(name)' has no row with both a text and an intent", "数据集「\(name)」没有同时有文本和意图的行")
    }
    static func kbSource(_ name: String) -> String { L("knowledge base '\(name)'", "知识库「\(name)」") }
    static func modelSource(_ name: String) -> String { L("intent model '\(name)'", "意图模型「\(name)」") }
    static func evaluated(_ m: IntentMetrics, against: String) -> String {
        let n = m.inScopeCount + m.outOfScopeCount
        return L("evaluated \(n) questions (\(m.inScopeCount) in scope, \(m.outOfScopeCount) out of scope) with \(against)",
                 "用\(against)评估了 \(n) 个问题（范围内 \(m.inScopeCount) 个，范围外 \(m.outOfScopeCount) 个）")
    }
    static var metricHeaders: [String] { [L("metric", "指标"), L("value", "数值")] }
    static func metricRows(_ m: IntentMetrics) -> [[String]] {
        func f(_ v: Double) -> String { v.isNaN ? "–" : ValueFormat.fixed(v, digits: 3) }
        var rows = [
            [L("accuracy", "准确率"), f(m.accuracy)], [L("macro-F1", "宏平均 F1"), f(m.macroF1)],
            [L("top-3 accuracy", "前 3 准确率"), f(m.top3Accuracy)], [L("MRR", "平均倒数排名（MRR）"), f(m.meanReciprocalRank)],
            [L("threshold in force", "当前阈值"), f(m.threshold)],
            [L("in-scope accuracy at threshold", "阈值下范围内准确率"), f(m.inScopeAccuracyAtThreshold)],
        ]
        if m.outOfScopeCount > 0 {
            rows += [
                [L("out-of-scope recall", "范围外召回率"), f(m.outOfScopeRecall)],
                [L("out-of-scope precision", "范围外精确率"), f(m.outOfScopePrecision)],
                [L("overall accuracy at threshold", "阈值下总体准确率"), f(m.overallAccuracy)],
                [L("best threshold", "最佳阈值"), f(m.bestThreshold)],
                [L("overall accuracy at best", "最佳阈值下总体准确率"), f(m.bestOverallAccuracy)],
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
    static func noOutOfScope(_ label: String) -> String {
        L("no test question is labelled '\(label)', so no threshold can be tuned", "没有标为「\(label)」的测试问题，无法调阈值")
    }
    static var noOutOfScopeHint: String {
        L("add out-of-scope questions to the test set, or name their label with --oos-label", "请在测试集中加入范围外问题，或用 --oos-label 指定其标签")
    }
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
        L("timing: index of \(entries) entries built in \(ValueFormat.fixed(seconds, digits: 3)) s",
          "计时：\(entries) 条的索引用时 \(ValueFormat.fixed(seconds, digits: 3)) 秒")
    }
    static func latencyTiming(p50: Double, p99: Double, count: Int) -> String {
        let a = ValueFormat.fixed(p50, digits: 3), b = ValueFormat.fixed(p99, digits: 3)
        return L("timing: per question p50 \(a) ms, p99 \(b) ms over \(count) questions", "计时：\(count) 个问题，每个问题 p50 \(a) 毫秒，p99 \(b) 毫秒")
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
    static var utf8Hint: String { L("give a readable UTF-8 text file", "请给出可读的 UTF-8 文本文件") }
}
