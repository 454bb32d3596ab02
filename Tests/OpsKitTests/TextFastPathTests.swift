import Foundation
import Testing

@testable import OpsKit

/// The tokenizer, the segmenter's `words` and the script tests take shortcuts
/// (terms cut from UTF-8 bytes, ASCII decided without the Unicode tables, a
/// hashed trie): these tests hold them to the plain scalar-by-scalar
/// definitions on the repository's Chinese texts and on seeded random text
/// made of the awkward cases (CR LF, combining marks, emoji sequences,
/// full-width and ideographic spaces, kana, Hangul, astral ideographs).
@Suite struct TextFastPathTests {
    /// Lines of the example FAQs and their paraphrase sets, then random text.
    static let texts: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var texts: [String] = []
        for name in ["faq.csv", "faq_paraphrases.csv", "grocery_faq.csv", "grocery_faq_paraphrases.csv"] {
            let url = root.appendingPathComponent("examples").appendingPathComponent(name)
            if let text = try? String(contentsOf: url, encoding: .utf8) { texts += text.split(separator: "\n").map(String.init) }
        }
        let pieces = [
            "退款", "多久", "能", "到账", "清华大学", "杭研", "运废", "我", "的", "了", "iPhone15", "Pro", "OK", "café", "e\u{301}",
            " ", "  ", "\t", "\r\n", "\n", "\u{3000}", "\u{00A0}", "\u{2028}", "，", "。", "？！", "……", "!", "-", "_", "１２３",
            "😀", "👍🏽", "👨‍👩‍👧", "\u{301}", "が", "カタカナ", "한국어", "\u{20BB7}", "\u{F900}", "Ωmega", "Straße", "٣",
        ]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<400 {
            texts.append((0..<(1 + random.nextIndex(12))).map { _ in pieces[random.nextIndex(pieces.count)] }.joined())
        }
        return texts
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.texts.count > 420, "the example FAQ files are missing")
    }

    @Test func asciiIsDecidedAsTheUnicodeTablesDecide() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!, p = scalar.properties
            #expect(TextScript.isWordScalar(scalar) == (p.isAlphabetic || p.numericType != nil || scalar == "_"), "\(value)")
            #expect(TextScript.isMostlyCJK("中" + String(repeating: String(scalar), count: 3)) == !p.isAlphabetic, "\(value)")
            #expect(ChineseSegmenter.isASCIISpace(value) == Character(scalar).isWhitespace, "\(value)")
        }
    }

    /// `words` keeps a one-scalar run unless it is a space: a one-scalar Character is a space when its scalar is.
    @Test func aLoneScalarIsASpaceWhenItsCharacterIs() {
        let disagreeing = (UInt32(0)..<0x3_0000).compactMap(Unicode.Scalar.init).filter {
            Character($0).isWhitespace != $0.properties.isWhitespace
        }
        #expect(disagreeing.isEmpty)
    }

    @Test func tokensAreThoseOfTheScalarByScalarDefinition() {
        let settings = [(true, true, true), (true, true, false), (false, true, true), (false, false, true), (true, false, false)]
        for (unigrams, bigrams, words) in settings {
            let tokenizer = TextTokenizer(cjkUnigrams: unigrams, cjkBigrams: bigrams, cjkWords: words)
            for text in Self.texts {
                #expect(tokenizer.tokens(text) == Self.referenceTokens(text, tokenizer), "\(text)")
            }
        }
    }

    @Test func wordsAreThoseOfTheCharacterDefinition() {
        for text in Self.texts {
            #expect(ChineseSegmenter.shared.words(text) == Self.referenceWords(text), "\(text)")
        }
    }

    /// Every word of the bundled dictionary is found, and its proper prefixes that are not words are not.
    @Test func everyDictionaryWordIsAWord() {
        let lines = ChineseResources.lines("zh_dict.txt")
        var words = Set<Substring>()
        for line in lines {
            let fields = line.split(separator: " ")
            if fields.count >= 2, fields[0] != "#total", let frequency = Double(fields[1]), frequency > 0 { words.insert(fields[0]) }
        }
        #expect(words.count > 100_000)
        let segmenter = ChineseSegmenter.shared
        var missing: [Substring] = [], extra: [Substring] = []
        for word in words {
            let values = word.unicodeScalars.map(\.value)
            if !segmenter.isWord(values[...]) { missing.append(word) }
            for end in 1..<values.count {
                let prefix = Substring(word.unicodeScalars.prefix(end))
                if !words.contains(prefix), segmenter.isWord(values[..<end]) { extra.append(prefix) }
            }
        }
        #expect(missing.isEmpty && extra.isEmpty, "\(missing.prefix(5)) \(extra.prefix(5))")
    }

    @Test func trieNumbersNodesAndGrows() {
        var trie = PrefixTrie()
        #expect(trie.nodeCount == 1)
        let a = trie.insert("ab".unicodeScalars), b = trie.insert("abc".unicodeScalars), c = trie.insert("ab".unicodeScalars)
        #expect(a == 2 && b == 3 && c == a && trie.nodeCount == 4)
        #expect(trie.insert("".unicodeScalars) == PrefixTrie.root)
        // Scalar 0 under the root and the largest scalar: keys never look like an empty slot.
        let zero = trie.insert([Unicode.Scalar(UInt8(0))]), top = trie.insert([Unicode.Scalar(0x10FFFF)!])
        #expect(trie.child(PrefixTrie.root, 0) == zero && trie.child(PrefixTrie.root, 0x10FFFF) == top)
        var nodes: [String: Int32] = [:]
        for k in 0..<5_000 { nodes["w\(k)"] = trie.insert("w\(k)".unicodeScalars) }
        for (word, node) in nodes {
            var walked = PrefixTrie.root
            for scalar in word.unicodeScalars { walked = trie.child(walked, scalar.value) ?? -1 }
            #expect(walked == node, "\(word)")
        }
        #expect(trie.child(a, "x".unicodeScalars.first!.value) == nil)
        #expect(trie.child(PrefixTrie.root, "q".unicodeScalars.first!.value) == nil)
    }

    /// `TextTokenizer.tokens` as first written: scalar views appended one scalar at a time.
    static func referenceTokens(_ text: String, _ tokenizer: TextTokenizer) -> [String] {
        var tokens: [String] = [], word = String.UnicodeScalarView(), run: [Unicode.Scalar] = []
        func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
        func flushWord() {
            if !word.isEmpty { tokens.append(String(word).lowercased()) }
            word.removeAll()
        }
        func flushRun() {
            guard !run.isEmpty else { return }
            if tokenizer.cjkUnigrams || run.count == 1 { tokens += run.map { String(Character($0)) } }
            if tokenizer.cjkBigrams, run.count > 1 { tokens += (0..<(run.count - 1)).map { string(run[$0...($0 + 1)]) } }
            if tokenizer.cjkWords {
                var start = 0
                for length in ChineseSegmenter.shared.segment(run.map(\.value)[...]) {
                    let skip = length == 1 && (tokenizer.cjkUnigrams || run.count == 1) || length == 2 && tokenizer.cjkBigrams
                    if !skip { tokens.append(string(run[start..<(start + length)])) }
                    start += length
                }
            }
            run.removeAll()
        }
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            if TextScript.isCJK(scalar) {
                flushWord()
                run.append(scalar)
            } else if p.isAlphabetic || p.numericType != nil || scalar == "_" {
                flushRun()
                word.append(scalar)
            } else if !word.isEmpty, p.generalCategory == .nonspacingMark {
                word.append(scalar)
            } else {
                flushWord()
                flushRun()
            }
        }
        flushWord()
        flushRun()
        return tokens
    }

    /// `ChineseSegmenter.words` as first written: pieces rebuilt scalar by scalar, other runs split on Characters.
    static func referenceWords(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func piece(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        var result: [String] = [], i = 0
        while i < scalars.count {
            let cjk = TextScript.isCJK(scalars[i])
            var j = i
            while j < scalars.count, TextScript.isCJK(scalars[j]) == cjk { j += 1 }
            if cjk {
                var start = i
                for length in ChineseSegmenter.shared.segment(scalars[i..<j].map(\.value)[...]) {
                    result.append(piece(start..<(start + length)))
                    start += length
                }
            } else {
                result += piece(i..<j).split(whereSeparator: \.isWhitespace).map(String.init)
            }
            i = j
        }
        return result
    }
}
