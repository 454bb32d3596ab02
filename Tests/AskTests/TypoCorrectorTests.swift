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
        // 后几 sounds like the vocabulary's 后即, but 几 belongs to 几天, which the shopper typed.
        let corrector = TypoCorrector(vocabulary: ["后即", "几天"])
        #expect(corrector.correct("发货后几天到") == "发货后几天到")
        // Without 几天 in the vocabulary the same run is a slip towards 后即.
        #expect(TypoCorrector(vocabulary: ["后即"]).correct("发货后几天到") == "发货后即天到")
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
