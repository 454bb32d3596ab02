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

// MARK: Help
extension AskText {
    static var summary: Localized {
        .init(en: "Customer service: FAQ retrieval, intent recognition, multi-turn chat, hand-off",
              zh: "智能客服：FAQ 检索、意图识别、多轮对话、转人工")
    }
    static var questionHelp: Localized { .init(en: "The question (quote it).", zh: "问题（请加引号）。") }
    static var textColumnHelp: Localized { .init(en: "Column of question texts.", zh: "问题文本列。") }
    static var timingsNote: Localized {
        .init(en: " (for benchmarks; the output is then not stable).", zh: "（用于基准测试；输出因此不稳定）。")
    }
    /// A `--timings` flag's help: what it prints, then ``timingsNote``.
    static func timingsHelp(_ en: String, _ zh: String) -> Localized {
        .init(en: en + timingsNote.en, zh: zh + timingsNote.zh)
    }
}

// MARK: Help: the shared assistant options
extension AskText {
    static var kbOptionHelp: Localized {
        .init(en: "Knowledge base made by `ask kb` (default, when neither --kb nor --model is given: kb, if it exists).",
              zh: "由 `ask kb` 建立的知识库（--kb 和 --model 都未给出时默认为 kb，如果存在）。")
    }
    static var modelOptionHelp: Localized {
        .init(en: "Intent model made by `ask train` (default, when neither is given: intent_model, if it exists).",
              zh: "由 `ask train` 训练的意图模型（两者都未给出时默认为 intent_model，如果存在）。")
    }
    static var thresholdOptionHelp: Localized {
        .init(en: "Hand off below this confidence (default: the one stored with the knowledge base or model).",
              zh: "置信度低于此值时转人工（默认为知识库或模型中保存的阈值）。")
    }
    static var ordersOptionHelp: Localized {
        .init(en: "Orders dataset for order questions (columns order_id, status, ship_date).",
              zh: "回答订单问题所用的订单数据集（列 order_id、status、ship_date）。")
    }
    static var catalogOptionHelp: Localized {
        .init(en: "Product catalogue whose names are recognised in questions.", zh: "商品目录：问题中出现的商品名据此识别。")
    }
    static var catalogColumnHelp: Localized {
        .init(en: "Column of product names in the catalogue (default: 名称 or name).", zh: "商品目录中的商品名列（默认为 名称 或 name）。")
    }
}

// MARK: Help: ask kb
extension AskText {
    static var kbAbstract: Localized {
        .init(en: "Build a knowledge base: a BM25F index over FAQ questions, answers and extra columns, with synonyms.",
              zh: "建立知识库：对 FAQ 的问题、答案和附加列建立 BM25F 索引，支持同义词。")
    }
    static var kbDiscussion: Localized {
        .init(
            en: """
                Every field is searched with its own weight (BM25F): the question, the answer and the \
                optional --keywords and --paraphrases columns. Text is folded (full-width, traditional \
                characters, Chinese numbers), synonyms are rewritten (the built-in e-commerce lexicon plus \
                a --synonyms file with one group per line: 快递 = 物流 = 配送), then tokenised as Latin words, \
                CJK characters, character pairs and Chinese words. Rows with a missing or empty question or \
                answer are skipped and counted. The result is a dataset (settings, user synonym groups and \
                FAQ rows) from which the index is rebuilt when a question is asked.
                """,
            zh: """
                每个字段按各自的权重检索（BM25F）：问题、答案，以及可选的 --keywords 和 --paraphrases 列。\
                文本先做规范化（全角、繁体字、中文数字），再改写同义词（内置电商词表，加上 --synonyms 文件，\
                每行一组：快递 = 物流 = 配送），然后切分为拉丁字母单词、汉字、相邻字对和中文词。\
                问题或答案缺失、为空的行会被跳过并计数。结果是一个数据集（设置、用户同义词组和 FAQ 行），\
                提问时据此重建索引。
                """)
    }
    static var faqHelp: Localized { .init(en: "FAQ dataset.", zh: "FAQ 数据集。") }
    static var questionColumnHelp: Localized { .init(en: "Column of questions.", zh: "问题列。") }
    static var answerColumnHelp: Localized { .init(en: "Column of answers.", zh: "答案列。") }
    static var kbIntentColumnHelp: Localized {
        .init(en: "Column of intents (optional; used by evaluate and with a model).", zh: "意图列（可选；供 evaluate 使用，以及与意图模型配合）。")
    }
    static var keywordsColumnHelp: Localized {
        .init(en: "Column of keywords searched with the question (optional).", zh: "与问题一同检索的关键词列（可选）。")
    }
    static var paraphrasesColumnHelp: Localized {
        .init(en: "Column of other wordings of the question (optional).", zh: "同一问题的其他问法列（可选）。")
    }
    static var synonymsFileHelp: Localized {
        .init(en: "Synonyms file added to the built-in lexicon: one group per line, `快递 = 物流 = 配送`.",
              zh: "追加到内置词表的同义词文件：每行一组，如 `快递 = 物流 = 配送`。")
    }
    static var noLexiconHelp: Localized {
        .init(en: "Leave out the built-in e-commerce lexicon (only --synonyms apply).", zh: "不用内置电商词表（只用 --synonyms 的同义词）。")
    }
    static var k1Help: Localized { .init(en: "BM25 term-frequency saturation k1 (≥ 0).", zh: "BM25 词频饱和参数 k1（≥ 0）。") }
    static var bHelp: Localized { .init(en: "BM25 length normalisation b (0…1).", zh: "BM25 文档长度归一化参数 b（0…1）。") }
    static var kbThresholdHelp: Localized {
        .init(en: "Hand-off threshold stored with the knowledge base (0…1; `ask evaluate` tunes it).",
              zh: "随知识库保存的转人工阈值（0…1；可用 `ask evaluate` 调优）。")
    }
    static var kbTimingsHelp: Localized { timingsHelp("Print how long building the index took", "打印建立索引的用时") }
}

// MARK: Help: ask train
extension AskText {
    static var trainAbstract: Localized {
        .init(en: "Train an intent classifier: logistic regression on word and character n-gram TF-IDF.",
              zh: "训练意图分类器：基于词和字符 n-gram TF-IDF 的逻辑回归。")
    }
    static var trainDiscussion: Localized {
        .init(
            en: """
                Multinomial logistic regression (L2, scikit-learn's C) fitted with L-BFGS on both cores. \
                A stratified share of the utterances is held out to fit a temperature that calibrates \
                the confidence; the model is then refitted on all of them. The model is stored as a \
                dataset of weights (one row per feature, one column per intent).
                """,
            zh: """
                多项逻辑回归（L2 正则，C 与 scikit-learn 的含义相同），用 L-BFGS 在两个处理器核上拟合。\
                按意图分层留出一部分语料，拟合用于校准置信度的温度参数；之后在全部语料上重新拟合。\
                模型保存为权重数据集（每个特征一行，每个意图一列）。
                """)
    }
    static var utterancesHelp: Localized { .init(en: "Dataset of labelled utterances.", zh: "已标注意图的语料数据集。") }
    static var utteranceTextHelp: Localized { .init(en: "Column of utterance texts.", zh: "语料文本列。") }
    static var intentColumnHelp: Localized { .init(en: "Column of intents.", zh: "意图列。") }
    static var cHelp: Localized {
        .init(en: "Inverse L2 regularisation strength (> 0; larger fits closer).", zh: "L2 正则强度的倒数（> 0；越大拟合越贴近训练数据）。")
    }
    /// The stages of training, shown beside the progress bar.
    static func trainingStage(_ stage: IntentTrainer.Stage) -> String {
        switch stage {
        case .calibrate: return L("calibrate", "校准")
        case .fit: return L("fit", "拟合")
        }
    }
}

// MARK: Help: ask query, ask chat
extension AskText {
    static var queryAbstract: Localized {
        .init(en: "Answer one question from the knowledge base, the intent model and the orders.",
              zh: "根据知识库、意图模型和订单回答一个问题。")
    }
    static var queryDiscussion: Localized {
        .init(
            en: """
                Prints the best answer, its confidence, the matched FAQ entry and intent, and up to two \
                alternatives when their scores are close. Below the threshold it hands off to a human and \
                records the question (phone numbers masked) in the dataset 'handoffs'. Order ids that exist \
                in the orders dataset are answered with the order's status and ship date.
                """,
            zh: """
                打印最佳答案、置信度、匹配到的 FAQ 条目和意图；其他候选得分接近时，再列出至多两个。\
                置信度低于阈值时转人工，并把问题（电话号码已打码）记入数据集「handoffs」。\
                订单数据集中存在的订单号，以该订单的状态和发货日期作答。
                """)
    }
    static var chatAbstract: Localized {
        .init(en: "Chat with the assistant; follow-ups reuse the previous turn's topic and entities.",
              zh: "与客服助手多轮对话；追问沿用上一轮的话题和实体。")
    }
    static var chatDiscussion: Localized {
        .init(
            en: """
                Reads questions from a sub-prompt (in scripts: the lines that follow) until /exit. \
                Follow-ups such as "那运费呢?" or "and the other one?" reuse the previous question, \
                order ids and products. /reset forgets the context. Every turn is written to the \
                --as dataset and hand-offs to 'handoffs', phone numbers masked.
                """,
            zh: """
                在子提示符下逐行读取问题（脚本中为其后的各行），直到 /exit。\
                "那运费呢?"、"and the other one?" 这样的追问沿用上一个问题、订单号和商品。\
                /reset 清除上下文。每一轮都写入 --as 数据集，转人工的写入「handoffs」，电话号码均已打码。
                """)
    }
}

// MARK: Help: ask evaluate
extension AskText {
    static var evaluateAbstract: Localized {
        .init(en: "Measure intent accuracy, macro-F1, top-3, MRR and out-of-scope detection; tune the threshold.",
              zh: "评估意图准确率、宏平均 F1、前 3 准确率、MRR 和范围外识别；调优阈值。")
    }
    static var evaluateDiscussion: Localized {
        .init(
            en: """
                With --kb the predicted intent is the intent of the retrieved FAQ entry; with --model the \
                classifier's. Accuracy, macro-F1, top-3 accuracy and MRR are over in-scope questions; \
                out-of-scope recall and precision are at the threshold in force; the suggested threshold \
                maximises accuracy over all questions (low confidence hands off, which is right exactly \
                for out-of-scope ones). --save-threshold stores it with the knowledge base and/or model. \
                With --tune-share S the threshold is tuned on a random share S of the questions and every \
                figure is measured, at that threshold, on the others, so the accuracy is not optimistic. \
                The calibration error (ECE) compares the confidence with the share of answers that are \
                right; the second table shows how many questions are answered, and how many of those \
                right, at several thresholds.
                """,
            zh: """
                用 --kb 时，预测意图取检索到的 FAQ 条目的意图；用 --model 时取分类器的预测。\
                准确率、宏平均 F1、前 3 准确率和 MRR 只在范围内问题上计算；范围外召回率和精确率按当前阈值计算；\
                建议阈值使全部问题上的准确率最高（置信度低即转人工，对范围外问题这正是对的）。\
                --save-threshold 把它保存到知识库和/或模型中。用 --tune-share S 时，阈值在随机抽取的 S 比例的问题上调优，\
                所有指标都在该阈值下用其余问题计算，因此准确率不会偏乐观。校准误差（ECE）比较置信度与答对的比例；\
                第二张表列出在若干阈值下作答的问题比例，以及其中答对的比例。
                """)
    }
    static var testsetHelp: Localized {
        .init(en: "Dataset of test questions with their expected intent.", zh: "测试问题及其期望意图的数据集。")
    }
    static var expectedIntentHelp: Localized {
        .init(
            en: "Column of expected intents (several right ones as A|B).",
            zh: "期望意图列（多个正确答案写作 A|B）。")
    }
    static var evaluateKBHelp: Localized {
        .init(en: "Knowledge base to evaluate (its entries' intents).", zh: "要评估的知识库（取其条目的意图）。")
    }
    static var evaluateModelHelp: Localized { .init(en: "Intent model to evaluate.", zh: "要评估的意图模型。") }
    static var oosLabelHelp: Localized {
        .init(en: "Expected intent that marks out-of-scope questions.", zh: "标记范围外问题的期望意图。")
    }
    static var evaluateThresholdHelp: Localized {
        .init(en: "Threshold in force (default: the stored one).", zh: "评估所用的阈值（默认为已保存的阈值）。")
    }
    static var saveThresholdHelp: Localized {
        .init(en: "Store the best threshold with the knowledge base and/or model.", zh: "把最佳阈值保存到知识库和/或模型中。")
    }
    static var tuneShareHelp: Localized {
        .init(
            en: "Tune the threshold on this share of the questions (0…1, drawn with --seed) and measure on the rest (default: tune and measure on all).",
            zh: "在这一比例的问题上调优阈值（0…1，按 --seed 抽取），在其余问题上评估（默认在全部问题上调优并评估）。")
    }
    static var evaluateTimingsHelp: Localized { timingsHelp("Print per-question latency percentiles", "打印每个问题的延迟分位数") }
    static var evaluateResultHelp: Localized {
        .init(en: "Store one row per question: text, expected, predicted, confidence.", zh: "保存结果，每个问题一行：文本、期望意图、预测意图、置信度。")
    }
}

// MARK: Help: ask terms
extension AskText {
    static var termsAbstract: Localized {
        .init(en: "Show how a question is read: folded text, Chinese words and the terms searched.",
              zh: "显示问题是如何被解读的：规范化后的文本、中文分词和检索词。")
    }
    static var termsDiscussion: Localized {
        .init(
            en: """
                Prints the question after folding (full-width, traditional characters, Chinese numbers), \
                after repairing pinyin slips and rewriting synonyms (with --kb: that knowledge base's \
                lexicon and vocabulary; without: the built-in lexicon), its Chinese words (jieba's \
                dictionary and HMM) and the terms searched. With --file, segments a whole UTF-8 file \
                instead and prints the word count (with --timings, the processor time it took).
                """,
            zh: """
                打印问题经过规范化（全角、繁体字、中文数字）、拼音错字纠正和同义词改写之后的文本\
                （用 --kb 时按该知识库的词表和词汇，否则按内置词表），它的中文分词（jieba 词典和 HMM）以及检索词。\
                用 --file 时改为切分整个 UTF-8 文件并打印词数（加 --timings 时还打印所用的处理器时间）。
                """)
    }
    static var termsKBHelp: Localized {
        .init(en: "Knowledge base whose lexicon and vocabulary apply.", zh: "使用其词表和词汇的知识库。")
    }
    static var termsFileHelp: Localized {
        .init(en: "Segment this UTF-8 text file into words instead.", zh: "改为把这个 UTF-8 文本文件切分成词。")
    }
    static var termsTimingsHelp: Localized { timingsHelp("With --file, print how long segmenting took", "配合 --file，打印切分用时") }
}

// MARK: Replies
extension AskText {
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
    /// Where a chat turn's answer came from, in its bracketed source line (the `kind` column keeps the code).
    static func replyKind(_ kind: Reply.Kind) -> String {
        switch kind {
        case .faq: return L("faq", "FAQ")
        case .order: return L("order", "订单")
        case .intent: return L("intent", "意图")
        case .handoff: return L("handoff", "转人工")
        }
    }
    static func matched(_ question: String, row: Int, intent: String?) -> String {
        L("\(question) (entry \(row)\(intent.map { ", intent \($0)" } ?? ""))",
          "\(question)（第 \(row) 条\(intent.map { "，意图 \($0)" } ?? "")）")
    }
    static func alternative(_ n: Int, question: String, confidence: Double, answer: String) -> String {
        let shown = ValueFormat.fixed(confidence, digits: 2)
        return "  \(n). \(question) (\(shown)) → \(answer)"
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
        let f = IntentMetrics.figure
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
        let f = IntentMetrics.figure
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
    static func literalTermsLine(_ text: String) -> String { L("as typed:  \(text)", "原词：    \(text)") }
    static func segmentedFile(_ path: String, words: Int, bytes: Int) -> String {
        L("\(path): \(bytes) bytes, \(words) words", "\(path)：\(bytes) 字节，\(words) 个词")
    }
    static var utf8Hint: String { L("give a readable UTF-8 text file", "请给出可读的 UTF-8 文本文件") }
}
