import Foundation
import OpsKit

/// Text → index terms: synonyms normalised, then OpsKit's ``TextTokenizer``
/// (Latin words, CJK unigrams and bigrams), as the `recommend` plugin tokenises.
struct TextAnalyzer: Sendable {
    let synonyms: SynonymTable
    private let tokenizer = TextTokenizer()

    init(synonyms: SynonymTable = .empty) { self.synonyms = synonyms }

    func terms(_ text: String) -> [String] { tokenizer.tokens(synonyms.normalize(text)) }

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
