import Foundation
import OpsKit
import Testing

@testable import Ask

@Suite struct BM25Tests {
    /// d0 = a b, d1 = a c c; k1 = 1.5, b = 0.75, avgdl = 2.5.
    let index = BM25Index(documents: [["a", "b"], ["a", "c", "c"]], parameters: BM25Parameters(k1: 1.5, b: 0.75))

    @Test func scoresMatchTheFormulaByHand() {
        // idf(c) = ln 2; d1: tf 2, norm 1.5·(0.25 + 0.75·3/2.5) = 1.725 → ln2·2·2.5/3.725
        let c = index.search(index.queryTerms(["c"]), limit: 5)
        #expect(c.count == 1 && c[0].document == 1)
        #expect(abs(c[0].score - 0.9303989) < 1e-6)
        // idf(a) = ln 1.2; d0 norm 1.275 → 0.2003534, d1 norm 1.725 → 0.1672675
        let a = index.search(index.queryTerms(["a"]), limit: 5)
        #expect(a.map(\.document) == [0, 1])
        #expect(abs(a[0].score - 0.2003534) < 1e-6 && abs(a[1].score - 0.1672675) < 1e-6)
        // a + b: d0 = 0.2003534 + ln2·2.5/2.275
        let ab = index.search(index.queryTerms(["a", "b", "b", "zzz"]), limit: 1)
        #expect(ab.map(\.document) == [0])
        #expect(abs(ab[0].score - (0.2003534 + 0.7617002)) < 1e-6)
    }

    /// d0 = (question a, answer b), d1 = (question b, answer c), answer weight 0.35:
    /// df counts a document with the largest weight of the fields holding the term.
    @Test func documentFrequencyIsWeightedByTheStrongestField() {
        let fields = BM25Index(fields: [[["a"], ["b"]], [["b"], ["c"]]], weights: [1, 0.35], parameters: BM25Parameters())
        func idf(_ t: String) -> Double { fields.idf[Int(fields.termIndex[t]!)] }
        #expect(abs(idf("a") - log(2.0)) < 1e-12)  // df 1
        #expect(abs(idf("b") - log(1 + 1.15 / 1.85)) < 1e-12)  // df 0.35 + 1
        #expect(abs(idf("c") - log(1 + 2.15 / 0.85)) < 1e-12)  // df 0.35
    }

    @Test func unknownAndEmptyQueriesFindNothing() {
        #expect(index.search(index.queryTerms(["zzz"]), limit: 3).isEmpty)
        #expect(index.search([], limit: 3).isEmpty)
        #expect(BM25Index(documents: [], parameters: BM25Parameters()).search([(0, 1)], limit: 3).isEmpty)
    }

    @Test func weightedTermsAndContains() {
        let half = index.search(index.queryTerms(["c"], weight: 0.5), limit: 1)
        #expect(abs(half[0].score - 0.9303989 / 2) < 1e-6)
        let c = index.termIndex["c"]!
        #expect(index.contains(term: c, document: 1) && !index.contains(term: c, document: 0))
    }
}

@Suite struct SynonymTests {
    @Test func rewritesPhrasesToTheFirstOfTheirGroup() throws {
        let table = try SynonymTable(parsing: "# comment\n快递 = 物流 = 配送\n\nShipping = delivery\n", source: "syn.txt")
        #expect(table.groups == [["快递", "物流", "配送"], ["Shipping", "delivery"]])
        #expect(table.normalize("物流要几天") == "快递要几天")
        #expect(table.normalize("配送费") == "快递费")
        #expect(table.normalize("Delivery time") == "shipping time")
        // Latin phrases match whole words only.
        #expect(table.normalize("redelivery") == "redelivery")
    }

    @Test func theBuiltInLexiconReadsColloquialShopperWordings() {
        let table = Lexicon.table(builtIn: true, user: [])
        #expect(table.normalize("平时穿什么码").contains("尺码"))
        #expect(table.normalize("不知道选多大").contains("尺码"))
        #expect(table.normalize("会不会是假货").contains("正品"))
        #expect(table.normalize("可以收到货再付吗").contains("货到付款"))
        #expect(table.normalize("钱什么时候退给我").contains("退款"))
        // a phrase is one group's only: 尺码 questions do not become 鞋码 ones
        #expect(!table.normalize("穿什么码").contains("鞋码"))
    }

    @Test func phraseEdgesFollowTheTextsSegmentationNotStrayWordPairs() throws {
        let table = try SynonymTable(parsing: "价格 = 多少钱\n运费 = 邮费\n快递 = 物流", source: "t")
        // 费多 is a dictionary word, but 邮费/多少/钱 is how the text reads: both phrases are rewritten
        #expect(table.normalize("邮费多少钱") == "运费价格")
        // 物流业 is one word: 物流 in it is not the phrase
        #expect(table.normalize("物流业发展") == "物流业发展")
        #expect(table.normalize("物流到了") == "快递到了")
    }

    @Test func bothViewsOfATextAreKept() throws {
        let analyzer = TextAnalyzer(synonyms: try SynonymTable(parsing: "运费 = 包邮 = 邮费", source: "t"))
        let views = analyzer.views("包邮吗")
        #expect(views.canonical.contains("运费") && !views.canonical.contains("包邮"))
        #expect(views.literal.contains("包邮") && !views.literal.contains("运费"))
        let plain = analyzer.views("退货要多久")
        #expect(plain.canonical == plain.literal)
    }

    @Test func badLinesNameTheFileAndLine() {
        #expect(throws: OpsError.self) { try SynonymTable(parsing: "a = b\n快递\n", source: "syn.txt") }
        do {
            _ = try SynonymTable(parsing: "a = b\n快递\n", source: "syn.txt")
        } catch let error as OpsError {
            #expect(error.message.contains("syn.txt:2"))
        } catch {}
    }
}

@Suite struct KnowledgeBaseTests {
    static let faq: [FAQEntry] = [
        FAQEntry(question: "退货需要多长时间?", answer: "退货审核通过后 3-5 个工作日退款。", intent: "退货"),
        FAQEntry(question: "退货的运费由谁承担?", answer: "质量问题由我们承担运费。", intent: "运费"),
        FAQEntry(question: "快递几天能到?", answer: "一般 2-3 天送达。", intent: "物流"),
        FAQEntry(question: "可以开发票吗?", answer: "可以,在订单详情页申请电子发票。", intent: "发票"),
        FAQEntry(question: "How do I change my password?", answer: "Settings → Security → Password.", intent: "account"),
        FAQEntry(question: "怎么修改收货地址?", answer: "发货前可在订单详情页修改地址。", intent: "地址"),
    ]

    static func kb() throws -> KnowledgeBase {
        KnowledgeBase(
            entries: faq, userSynonyms: try SynonymTable(parsing: "快递 = 物流 = 配送\n发票 = 收据", source: "t").groups,
            parameters: BM25Parameters(), threshold: 0.35)
    }

    @Test(arguments: [
        ("退货要多久?", 0), ("退货一般多久能处理好", 0), ("退货运费谁出?", 1), ("退回商品的运费谁付", 1),
        ("物流一般要几天?", 2), ("配送几天到", 2), ("能给我开收据吗", 3), ("发票怎么开", 3),
        ("how can I change the password", 4), ("地址填错了想修改", 5),
    ])
    func paraphrasesRetrieveTheirEntry(question: String, expected: Int) throws {
        let top = try Self.kb().retrieve(question, limit: 3)
        #expect(top.first?.entry == expected, "\(question) → \(top)")
    }

    @Test func theEntrysOwnWordingWinsWithinASynonymGroup() throws {
        // 包邮 and 运费 are one group: both entries match 包邮不 through it, the one that says 包邮 ranks first
        let entries = [
            FAQEntry(question: "退换货的运费谁出?", answer: "质量问题来回运费由我们承担。", intent: "return_fee"),
            FAQEntry(question: "满多少包邮?", answer: "满99元包邮。", intent: "shipping_fee"),
        ]
        let kb = KnowledgeBase(
            entries: entries, userSynonyms: [["运费", "包邮", "邮费"]], usesLexicon: false, parameters: BM25Parameters(), threshold: 0.4)
        let top = kb.retrieve("包邮不", limit: 2)
        #expect(top.map(\.entry) == [1, 0])
        // a wording of the group that neither entry uses still finds both through the canonical view
        #expect(Set(kb.retrieve("邮费贵吗", limit: 2).map(\.entry)) == [0, 1])
    }

    @Test func coverageIsTheMatchedShareOfTheQuestion() throws {
        let kb = try Self.kb()
        let exact = kb.retrieve("可以开发票吗?", limit: 1)
        #expect(abs(exact[0].coverage - 1) < 1e-9)
        let partial = kb.retrieve("发票 火星", limit: 1)
        #expect(partial[0].coverage > 0.2 && partial[0].coverage < 0.8)
        #expect(kb.retrieve("🙂🙂 ?!", limit: 3).isEmpty)
    }

    @Test func pairsStraddlingTwoWordsWeighLess() {
        // 有/线下/店: 有线 is a word elsewhere, here it only straddles two
        let pairs = TextAnalyzer.straddlingPairs("你们有线下店吗")
        #expect(pairs.contains("有线") && !pairs.contains("线下"))
        #expect(TermWeighting.weight("有线", straddling: true) == TermWeighting.straddlingWeight)
        #expect(TermWeighting.weight("吗呢", straddling: true) == TermWeighting.functionWeight)
        #expect(TextAnalyzer.straddlingPairs("退货 refund").isEmpty)
    }

    @Test func addressingTheShopIsNoTopic() {
        #expect(TermWeighting.weight("老板") == TermWeighting.functionWeight)
        #expect(TermWeighting.weight("商品") == TermWeighting.unigramWeight)
        // 你们老板是谁 says nothing a shop's FAQ could answer: nothing to match
        let kb = KnowledgeBase(
            entries: [FAQEntry(question: "收到的商品有质量问题怎么办?", answer: "运费由商家承担。", intent: "defect")],
            parameters: BM25Parameters(), threshold: 0.4)
        #expect(kb.retrieve("你们老板是谁", limit: 1).isEmpty)
    }

    @Test func questionTemplatesWeighLessThanTopics() throws {
        #expect(TermWeighting.weight("怎么办") == TermWeighting.functionWeight)
        #expect(TermWeighting.weight("能不能") == TermWeighting.functionWeight)
        #expect(TermWeighting.weight("吗") == TermWeighting.functionWeight)
        #expect(TermWeighting.weight("how") == TermWeighting.functionWeight)
        #expect(TermWeighting.weight("退") == TermWeighting.unigramWeight)
        #expect(TermWeighting.weight("会员") == 1)  // one function character is not enough
        #expect(TermWeighting.weight("下单") == 1)
        #expect(TermWeighting.weight("refund") == 1)
        // Sharing only a template with an entry is a weak match: 失眠了怎么办 is not about a failed payment.
        let kb = KnowledgeBase(
            entries: [FAQEntry(question: "付款失败了怎么办？", answer: "请检查余额后重新支付。", intent: "payment"),
                      FAQEntry(question: "怎么开发票？", answer: "下单时勾选开具发票。", intent: "invoice")],
            usesLexicon: false, parameters: BM25Parameters(), threshold: KnowledgeBase.defaultThreshold)
        let stray = kb.retrieve("失眠了怎么办", limit: 1).first?.coverage ?? 0
        let topical = kb.retrieve("付款失败了怎么办", limit: 1).first?.coverage ?? 0
        #expect(stray < 0.3 && topical > 0.99, "\(stray) \(topical)")
        #expect(kb.retrieve("怎么办呢？", limit: 3).isEmpty)  // only a template: nothing to match
    }

    @Test func contextTermsHelpAFollowUp() throws {
        let kb = try Self.kb()
        let alone = kb.retrieve("那运费呢?", limit: 1)
        let inContext = kb.retrieve("那运费呢?", context: "退货要多久?", limit: 1)
        #expect(inContext.first?.entry == 1)
        #expect(alone.first?.entry == 1 || alone.isEmpty || inContext[0].score > alone[0].score)
    }

    @Test func roundTripsThroughADataset() throws {
        let kb = try Self.kb()
        let dataset = try KnowledgeBaseStore.dataset(kb)
        #expect(dataset.rowCount == 4 + 2 + Self.faq.count)  // settings k1, b, handoff, lexicon; 2 user groups
        let back = try KnowledgeBaseStore.knowledgeBase(from: dataset, name: "kb")
        #expect(back.entries == kb.entries && back.synonyms == kb.synonyms && back.parameters == kb.parameters)
        #expect(back.retrieve("配送几天到", limit: 1).first?.entry == 2)
        // stored before the confidence was calibrated: a threshold on the coverage, converted
        var old = dataset.columns.map { $0.stringValues() }
        let row = old[1].firstIndex(of: KnowledgeBaseStore.Setting.handoff)!
        old[1][row] = KnowledgeBaseStore.Setting.coverageThreshold
        old[2][row] = "0.15"
        let legacy = try Dataset(columns: zip(dataset.columnNames, old).map { Column(name: $0, strings: $1) })
        let converted = try KnowledgeBaseStore.knowledgeBase(from: legacy, name: "kb").threshold
        #expect(abs(converted - RetrievalConfidence.probability(coverage: 0.15)) < 1e-12)
        let notKB = try Dataset(columns: [Column(name: "x", strings: ["a"])])
        #expect(throws: OpsError.self) { try KnowledgeBaseStore.knowledgeBase(from: notKB, name: "x") }
    }
}
