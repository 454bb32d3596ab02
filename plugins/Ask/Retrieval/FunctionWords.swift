import OpsKit

/// How much a question's term says about *what* is asked, as a weight in
/// retrieval and in the confidence.
///
/// Shoppers wrap a topic in question templates and particles (请问, 我想问一下,
/// 怎么办, 能不能, 吗, 啊; "how do I", "can you"): such terms say what kind of
/// question it is, not what it is about, and in a small knowledge base they
/// are frequent enough to make an unrelated entry look like a match
/// (失眠了怎么办 → 付款失败了怎么办). A Chinese term made only of function
/// characters, or an English stop word, weighs ``functionWeight``; a single
/// Chinese character from a longer run weighs ``unigramWeight`` (it backs up
/// segmentation and typos, but stray shared characters should not decide).
/// The lists are general Chinese and English grammar, not any FAQ's words.
/// Function terms still rank (an entry sharing 怎么退 beats one sharing 退),
/// but do not count towards the confidence (``coverageWeight(_:)``). Words
/// addressing the shop (老板, 亲亲) weigh as function terms, generic nouns
/// for the goods (商品, 东西) as single characters.
enum TermWeighting {
    static let functionWeight = 0.2
    static let unigramWeight = 0.6
    /// A character pair of a question that straddles two of its words (``TermViews/canonicalStraddling``).
    static let straddlingWeight = 0.5

    /// A question term's weight, given whether it is a pair straddling two words.
    static func weight(_ term: String, straddling: Bool) -> Double {
        let w = weight(term)
        return straddling ? min(w, straddlingWeight) : w
    }

    /// Weights of a question's terms (as ``TextAnalyzer`` gives them), in order.
    static func weights(_ terms: [String]) -> [Double] {
        terms.map(weight)
    }

    /// A term's weight in the confidence (the matched share of the question):
    /// function terms count for nothing there, so a question made only of
    /// templates matches nothing, and one that shares only its template with
    /// an entry is not confidently answered by it.
    static func coverageWeight(_ term: String) -> Double { coverageWeight(ofWeight: weight(term)) }

    /// The confidence weight of a term of retrieval weight `w` (from ``weight(_:)``).
    static func coverageWeight(ofWeight w: Double) -> Double { w == functionWeight ? 0 : w }

    static func weight(_ term: String) -> Double {
        let scalars = term.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if addressWords.contains(term) { return functionWeight }
        if genericWords.contains(term) { return unigramWeight }
        if TextScript.isCJK(first) {
            if scalars.allSatisfy({ functionCharacters.contains($0) }) { return functionWeight }
            return scalars.count == 1 ? unigramWeight : 1
        }
        return englishStopWords.contains(term) ? functionWeight : 1
    }

    /// Pronouns, particles, question words, modal and light verbs, measure words.
    static let functionCharacters: Set<Unicode.Scalar> = Set(
        "我你您他她它们的了吗呢吧啊呀哦嘛哈么怎咋啥什如何样能可以会要想是不没有这那哪个一下还就都也很在和给让把被得地着过亲该办弄呗嗯呐喔哇几些点儿请问谁为与及或者但又再才只自己好行麻烦帮"
            .unicodeScalars)

    /// How shoppers address the shop in a chat (老板，能便宜点吗): a greeting, not a topic.
    static let addressWords: Set<String> = ["老板", "掌柜", "店家", "亲亲", "亲爱的", "小姐姐", "小哥哥", "美女", "帅哥", "客官"]

    /// Nouns for "the goods" that every shop's questions use (收到的商品, 东西坏了):
    /// they weigh as a single character, so sharing one does not decide the entry.
    static let genericWords: Set<String> = ["东西", "商品", "产品", "宝贝", "货物", "物品", "item", "items", "goods", "product", "products"]

    static let englishStopWords: Set<String> = [
        "a", "an", "the", "i", "me", "my", "you", "your", "we", "our", "it", "its", "is", "are", "am", "was", "be", "do",
        "does", "did", "can", "could", "will", "would", "should", "how", "what", "when", "where", "which", "who", "why",
        "to", "of", "in", "on", "for", "at", "by", "with", "and", "or", "if", "so", "this", "that", "there", "please",
        "hi", "hello", "any", "some", "get", "have", "has", "want", "need", "know", "tell", "about", "much", "many",
    ]
}
