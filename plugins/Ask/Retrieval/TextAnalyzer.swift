import Foundation
import OpsKit

/// A text's index terms read two ways: as written (``literal``) and with the
/// synonyms rewritten to their group's phrase (``canonical``). The canonical
/// view lets 包邮 find 运费; the literal one keeps what a group blurs, so a
/// question that says 起球 prefers the entry that says 起球 over one that
/// says only a near-synonym. The two are equal for text without lexicon phrases.
struct TermViews: Sendable, Equatable {
    var canonical: [String]
    var literal: [String]
    /// Of a question: the character pairs of each view that straddle two of
    /// its words (有线 in 有/线下/店), weaker evidence than a word or a pair inside one.
    var canonicalStraddling: Set<String> = []
    var literalStraddling: Set<String> = []
}

/// Text → index terms: spellings folded (``TextNormalizer``: full-width,
/// traditional characters, Chinese numbers), synonyms rewritten (for the
/// canonical view), then OpsKit's ``TextTokenizer`` with words: Latin words,
/// CJK characters, character pairs and the words of ``ChineseSegmenter``.
struct TextAnalyzer: Sendable {
    let synonyms: SynonymTable
    private let tokenizer = TextTokenizer(cjkUnigrams: true, cjkBigrams: true, cjkWords: true)

    init(synonyms: SynonymTable = .empty) { self.synonyms = synonyms }

    /// Both views of a text.
    func views(_ text: String) -> TermViews { views(folded: TextNormalizer.shared.normalize(text)).views }

    /// Both views of a question, with homophone slips repaired first, and
    /// the character pairs of each that straddle two words.
    func queryViews(_ text: String, corrector: TypoCorrector?) -> TermViews {
        let folded = TextNormalizer.shared.normalize(text)
        let repaired = corrector?.correct(folded) ?? folded
        var (views, rewritten) = views(folded: repaired)
        views.literalStraddling = Self.straddlingPairs(repaired)
        views.canonicalStraddling = rewritten.map(Self.straddlingPairs) ?? views.literalStraddling
        return views
    }

    /// Both views, and the rewritten text when the synonyms changed it.
    private func views(folded: String) -> (views: TermViews, rewritten: String?) {
        let literal = tokenizer.tokens(folded)
        let rewritten = synonyms.normalize(folded)
        guard rewritten != folded.lowercased() else { return (TermViews(canonical: literal, literal: literal), nil) }
        return (TermViews(canonical: tokenizer.tokens(rewritten), literal: literal), rewritten)
    }

    /// The character pairs of the text's CJK runs that no word of its segmentation holds.
    static func straddlingPairs(_ text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars)
        var straddling = Set<String>()
        // a word that does not begin its run follows another word of it: their two edge characters straddle
        for (range, runStart) in ChineseSegmenter.shared.wordRanges(scalars) where !runStart {
            straddling.insert(String(String.UnicodeScalarView(scalars[(range.lowerBound - 1)...range.lowerBound])))
        }
        return straddling
    }

    /// Both views of many texts, computed over all cores; order preserved.
    func views(of texts: [String]) -> [TermViews] {
        guard !texts.isEmpty else { return [] }
        let chunk = 2048
        let chunks = (texts.count + chunk - 1) / chunk
        var result = [TermViews](repeating: TermViews(canonical: [], literal: []), count: texts.count)
        result.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(texts.count, (c + 1) * chunk) { (base + i).pointee = views(texts[i]) }
            }
        }
        return result
    }
}
