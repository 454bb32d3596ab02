import Testing

@testable import OpsKit

@Suite struct ChineseSegmenterTests {
    let segmenter = ChineseSegmenter.shared

    @Test func bundledDictionaryLoads() {
        #expect(segmenter.wordCount > 100_000)
    }

    /// Expected outputs are jieba 0.42.1's `jieba.cut(text)` (default mode, HMM on).
    @Test(arguments: [
        ("我来到北京清华大学", "我/来到/北京/清华大学"),
        ("他来到了网易杭研大厦", "他/来到/了/网易/杭研/大厦"),  // 杭研: an unknown word found by the HMM
        ("电器有没有联保", "电器/有没有/联保"),
        ("刚下的单能撤销吗", "刚下/的/单能/撤销/吗"),
        ("邮费要多少钱", "邮费/要/多少/钱"),
        ("钱什么时候退给我", "钱/什么/时候/退/给/我"),
        ("包邮吗", "包邮/吗"),
        ("运废多少钱", "运废/多少/钱"),
    ])
    func segmentsAsJieba(text: String, expected: String) {
        #expect(segmenter.words(text).joined(separator: "/") == expected)
    }

    @Test func mixedScriptsKeepLatinRunsWhole() {
        #expect(segmenter.words("iPhone15 保修多久？") == ["iPhone15", "保修", "多久", "？"])
    }

    @Test func wordRangesCoverTheCJKRunsOnly() {
        let scalars = Array("退货 ok 你们有线下店".unicodeScalars)
        let ranges = ChineseSegmenter.shared.wordRanges(scalars)
        let words = ranges.map { String(String.UnicodeScalarView(scalars[$0.range])) }
        #expect(words == ChineseSegmenter.shared.words("退货 你们有线下店"))
        #expect(ranges.map(\.runStart) == words.indices.map { $0 == 0 || $0 == 1 })
    }

    @Test func badInputNeverCrashes() {
        #expect(segmenter.words("").isEmpty)
        #expect(segmenter.words("？！。…") == ["？！。…"])
        #expect(segmenter.words("😀😀 👍").count == 2)
        let long = String(repeating: "退款多久能到账", count: 15_000)
        #expect(segmenter.words(long).joined() == long)
    }

    @Test func tokenizerAddsWordsWithoutCountingTwice() {
        let tokens = TextTokenizer(cjkUnigrams: true, cjkBigrams: true, cjkWords: true).tokens("清华大学")
        #expect(tokens == ["清", "华", "大", "学", "清华", "华大", "大学", "清华大学"])
        #expect(TextTokenizer(cjkUnigrams: false, cjkBigrams: false, cjkWords: true).tokens("我来到北京") == ["我", "来到", "北京"])
    }
}

@Suite struct TextNormalizerTests {
    let normalizer = TextNormalizer.shared

    @Test(arguments: [
        ("ＡＢＣ１２３，退貨", "ABC123,退货"),
        ("運費怎麼算？", "运费怎么算?"),
        ("两件", "2件"),
        ("三十五天", "35天"),
        ("一百二十块", "120块"),
        ("一百二块", "120块"),
        ("两千零五元", "2005元"),
        ("一万五千元", "15000元"),
        ("双十一", "双十一"),
        ("第一次", "第1次"),
        ("我一米七穿多大码", "我170cm穿多大码"),
        ("一米七五", "175cm"),
        ("1米68", "168cm"),
        ("二零二四年", "2024年"),
        ("一起买一样的", "一起买一样的"),
        ("统一价", "统一价"),
        ("十分满意", "十分满意"),
        ("十分钟", "10分钟"),
    ])
    func normalizes(text: String, expected: String) {
        #expect(normalizer.normalize(text) == expected)
    }

    @Test func chineseNumeralValues() {
        #expect(ChineseNumber.parse(Array("三十五".unicodeScalars)) == 35)
        #expect(ChineseNumber.parse(Array("十".unicodeScalars)) == 10)
        #expect(ChineseNumber.parse(Array("一百零五".unicodeScalars)) == 105)
        #expect(ChineseNumber.parse(Array("两万".unicodeScalars)) == 20000)
    }
}
