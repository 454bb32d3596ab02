import Foundation
import OpsKit

/// Text → index terms: spellings folded (``TextNormalizer``: full-width,
/// traditional characters, Chinese numbers), synonyms rewritten, then OpsKit's
/// ``TextTokenizer`` with words: Latin words, CJK characters, character pairs
/// and the words of ``ChineseSegmenter``.
struct TextAnalyzer: Sendable {
    let synonyms: SynonymTable
    private let tokenizer = TextTokenizer(cjkUnigrams: true, cjkBigrams: true, cjkWords: true)

    init(synonyms: SynonymTable = .empty) { self.synonyms = synonyms }

    /// The folded, synonym-rewritten, lower-cased text that is tokenised.
    func normalized(_ text: String) -> String { synonyms.normalize(TextNormalizer.shared.normalize(text)) }

    func terms(_ text: String) -> [String] { tokenizer.tokens(normalized(text)) }

    /// The terms of a question: as ``terms(_:)``, with homophone slips repaired first.
    func queryTerms(_ text: String, corrector: TypoCorrector?) -> [String] {
        guard let corrector else { return terms(text) }
        return tokenizer.tokens(synonyms.normalize(corrector.correct(TextNormalizer.shared.normalize(text))))
    }

    /// Terms of many texts, computed over all cores; order preserved.
    func terms(of texts: [String]) -> [[String]] {
        guard !texts.isEmpty else { return [] }
        let chunk = 2048
        let chunks = (texts.count + chunk - 1) / chunk
        var result = [[String]](repeating: [], count: texts.count)
        result.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(texts.count, (c + 1) * chunk) { (base + i).pointee = terms(texts[i]) }
            }
        }
        return result
    }
}
