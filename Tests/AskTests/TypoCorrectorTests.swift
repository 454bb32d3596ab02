import Testing

@testable import Ask

/// Pinyin-input slips: a run of single characters (or a word the dictionary
/// does not know) one same-sounding character away from exactly one
/// vocabulary word is repaired; characters of a word the shopper typed are not.
@Suite struct TypoCorrectorTests {
    @Test func repairsAHomophoneSlipTowardsTheVocabulary() {
        let corrector = TypoCorrector(vocabulary: ["运费", "退款"])
        #expect(corrector.correct("运废多少钱") == "运费多少钱")
        #expect(corrector.correct("退宽要等几天") == "退款要等几天")
        #expect(corrector.correct("运费多少钱") == "运费多少钱")
    }

    @Test func leavesTheCharactersOfAVocabularyWordAlone() {
        // 后今 sounds like the vocabulary's 后金, but 今 belongs to 今天, which the shopper typed.
        let corrector = TypoCorrector(vocabulary: ["后金", "今天"])
        #expect(corrector.correct("发货后今天到") == "发货后今天到")
        // Without 今天 in the vocabulary the same run is a slip towards 后金.
        #expect(TypoCorrector(vocabulary: ["后金"]).correct("发货后今天到") == "发货后金天到")
    }

    @Test func aParticleIsNeverTheSlip() {
        // 吗 sounds like 码, and 换码 is a vocabulary word, but 可以换吗 asks "can I exchange it?"
        let corrector = TypoCorrector(vocabulary: ["换码"])
        #expect(corrector.correct("不喜欢可以换吗") == "不喜欢可以换吗")
        #expect(corrector.correct("可以换玛") == "可以换码")
    }

    @Test func leavesADictionaryWordHoldingAVocabularyWordAlone() {
        // 会员费 is a dictionary word holding 会员: its 员费 is not a slip of 运费.
        let corrector = TypoCorrector(vocabulary: ["运费", "会员"])
        #expect(corrector.correct("会员费退款") == "会员费退款")
        #expect(corrector.correct("运废退款") == "运费退款")
    }

    @Test func anAmbiguousRunIsLeftAlone() {
        // 运废 is one sound-alike away from 运费 (废/费) and from 孕废 (运/孕): no repair.
        #expect(TypoCorrector(vocabulary: ["运费", "孕废"]).correct("运废") == "运废")
        #expect(TypoCorrector(vocabulary: ["运费"]).correct("运废") == "运费")
    }

    @Test func theKnowledgeBaseOffersItsWordsNotItsCharacterPairs() throws {
        // 店里卖的手机 gives the index the pair 卖的; 买的 is no slip of it.
        let kb = KnowledgeBase(
            entries: [FAQEntry(question: "店里卖的手机是正品吗？", answer: "全部正品。", intent: nil)], usesLexicon: false,
            parameters: BM25Parameters(), threshold: KnowledgeBase.defaultThreshold)
        #expect(kb.corrector.correct("刚买的手机") == "刚买的手机")
    }
}
