import OpsKit

/// Repairs homophone slips of pinyin input (运废 → 运费, 退宽 → 退款): a
/// two- or three-character run of the question that is neither a dictionary
/// word nor in the vocabulary is replaced by the one vocabulary word that
/// differs from it in exactly one character of the same sound.
///
/// The vocabulary is the knowledge base's own Chinese words and the lexicon's
/// phrases, so a question is only ever steered towards words the knowledge
/// base can match; runs with two candidates are left alone, and a particle
/// or pronoun is never the slip (换吗 stays, though 换码 is a word). A run that
/// takes a character from a vocabulary word the segmenter reads in the
/// question (后|今天), or from a dictionary word holding one (会员费), is
/// not a slip: the shopper typed that word.
struct TypoCorrector: Sendable {
    /// Vocabulary words by length and the position of the character left out: "运\0" → [运费, 运输...].
    private let byMask: [String: [String]]
    private let vocabulary: Set<String>

    init<S: Sequence>(vocabulary words: S) where S.Element == String {
        var vocabulary = Set<String>(), byMask: [String: [String]] = [:]
        for word in words {
            let scalars = Array(word.unicodeScalars)
            guard (2...3).contains(scalars.count), scalars.allSatisfy(TextScript.isCJK), vocabulary.insert(word).inserted else { continue }
            for k in scalars.indices { byMask[Self.mask(scalars, k), default: []].append(word) }
        }
        self.byMask = byMask
        self.vocabulary = vocabulary
    }

    /// The text with slips repaired (text already folded by ``TextNormalizer``).
    func correct(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let locked = wordCharacters(scalars)
        var out = String.UnicodeScalarView(), i = 0, changed = false
        while i < scalars.count {
            if TextScript.isCJK(scalars[i]), let (length, word) = repair(scalars, at: i, locked: locked) {
                out.append(contentsOf: word.unicodeScalars)
                i += length
                changed = true
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return changed ? String(out) : text
    }

    /// Whether each scalar belongs to a word the segmenter reads in the text
    /// that is, or holds, a vocabulary word.
    private func wordCharacters(_ s: [Unicode.Scalar]) -> [Bool] {
        var locked = [Bool](repeating: false, count: s.count)
        for (range, _) in ChineseSegmenter.shared.wordRanges(s) where range.count > 1 && holdsVocabularyWord(Array(s[range])) {
            for k in range { locked[k] = true }
        }
        return locked
    }

    /// A vocabulary word, or a dictionary word that holds one (会员费 holds 会员).
    private func holdsVocabularyWord(_ word: [Unicode.Scalar]) -> Bool {
        if vocabulary.contains(String(String.UnicodeScalarView(word))) { return true }
        guard word.count > 2, ChineseSegmenter.shared.isWord(word.map(\.value)[...]) else { return false }
        for length in 2..<word.count {
            for start in 0...(word.count - length) where vocabulary.contains(String(String.UnicodeScalarView(word[start..<(start + length)]))) {
                return true
            }
        }
        return false
    }

    private func repair(_ s: [Unicode.Scalar], at i: Int, locked: [Bool]) -> (Int, String)? {
        for length in [3, 2] where i + length <= s.count {
            let window = Array(s[i..<(i + length)])
            guard window.allSatisfy(TextScript.isCJK), !locked[i..<(i + length)].contains(true) else { continue }
            if isKnown(window) { return nil }  // a real word starts here: leave it
            if length == 3, isKnown(Array(window[0..<2])) || isKnown(Array(window[1..<3])) { continue }
            var found: String?
            for k in 0..<length {
                for candidate in byMask[Self.mask(window, k)] ?? [] {
                    let c = Array(candidate.unicodeScalars)[k]
                    guard c != window[k], !TermWeighting.functionCharacters.contains(window[k]), Pinyin.shared.soundAlike(c, window[k]) else {
                        continue
                    }
                    if let f = found, f != candidate { return nil }  // ambiguous
                    found = candidate
                }
            }
            if let found { return (length, found) }
        }
        return nil
    }

    private func isKnown(_ scalars: [Unicode.Scalar]) -> Bool {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return vocabulary.contains(String(view)) || ChineseSegmenter.shared.isWord(scalars.map(\.value)[...])
    }

    private static func mask(_ scalars: [Unicode.Scalar], _ k: Int) -> String {
        var view = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() { view.append(i == k ? "\u{0}" : s) }
        return String(view)
    }
}
