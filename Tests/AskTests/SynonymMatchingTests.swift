import Foundation
import OpsKit
import OpsKitTesting
import Testing

@testable import Ask

/// The synonym table finds phrases by walking a trie over their scalars;
/// these tests hold it to the dictionary lookup it replaced (one candidate
/// string per phrase length, compared by canonical equivalence).
@Suite struct SynonymMatchingTests {
    /// The built-in lexicon plus user groups that overlap it, share prefixes
    /// and move a built-in phrase to another group.
    static let table = Lexicon.table(builtIn: true, user: [
        ["快递费", "邮费", "express fee"], ["退", "退款多久", "refund"], ["ab", "a b", "abc", "ABCD"], ["到账", "到帐了"],
    ])

    /// Texts as `normalize` sees them: the example FAQs and paraphrases, and
    /// seeded random strings of lexicon phrases glued with characters that do
    /// and do not form words across the phrase boundaries.
    static let texts: [[Unicode.Scalar]] = {
        var texts: [String] = []
        for name in ["faq.csv", "faq_paraphrases.csv", "grocery_faq.csv", "grocery_faq_paraphrases.csv", "ask_validation/mall_questions.csv"] {
            let url = OpsKitTesting.SharedData.repositoryFile("examples/" + name)
            if let text = try? String(contentsOf: url, encoding: .utf8) { texts += text.split(separator: "\n").map(String.init) }
        }
        let phrases = Array(table.phrases.keys).sorted()
        let glue = ["", " ", "x", "re", "s", "的", "账", "多", "了", "，", "1", "-", "😀", "吗"]
        var random = SeededGenerator(seed: 5)
        for _ in 0..<1_500 {
            texts.append((0..<(1 + random.nextIndex(6))).map { _ in
                glue[random.nextIndex(glue.count)] + phrases[random.nextIndex(phrases.count)]
            }.joined())
        }
        return texts.map { Array(TextNormalizer.shared.normalize($0).lowercased().unicodeScalars) }
    }()

    @Test func theTrieFindsWhatTheLookupFinds() {
        #expect(Self.texts.count > 1_550)
        var rewritten = 0
        for scalars in Self.texts {
            let byTrie = Self.table.rewrite(scalars, byTrie: true)
            #expect(byTrie == Self.table.rewrite(scalars, byTrie: false), "\(String(String.UnicodeScalarView(scalars)))")
            if byTrie != nil { rewritten += 1 }
        }
        #expect(rewritten > 1_000)  // the comparison is about texts that do change
    }

    @Test func theTrieIsUsedForPlainTextAndPhrases() {
        #expect(Self.table.normalize("包邮吗？到帐了吗") == "运费吗？到账吗")
        #expect(Self.table.normalize("Express fee please") == "快递费 please")
        #expect(Self.table.normalize("abcd abc a b ab") == "ab ab ab ab")
    }

    /// Text with combining marks takes the lookup, which compares by canonical
    /// equivalence: marks typed in another order still match.
    @Test func canonicallyEquivalentSpellingsStillMatch() {
        let table = SynonymTable(groups: [["target", "q\u{301}\u{323}"]])
        #expect(table.normalize("q\u{323}\u{301} now") == "target now")
        #expect(table.normalize("q\u{301}\u{323}") == "target")
    }

    /// Plain scalars have no canonical decomposition and combining class 0, so
    /// for them canonical equivalence is identity (checked against Foundation).
    @Test func plainScalarsHaveNoOtherCanonicalSpelling() {
        let plain = (UInt32(0)..<0x2_0000).compactMap(Unicode.Scalar.init).filter(SynonymTable.isPlain)
        #expect(plain.count > 25_000)
        let variant = plain.filter { scalar in
            let text = String(scalar)
            return scalar.properties.canonicalCombiningClass != .notReordered
                || text.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) == false
        }
        #expect(variant.isEmpty, "\(variant.prefix(5).map(\.value))")
    }

    @Test func tablesAreEqualWhenTheirGroupsAre() {
        #expect(SynonymTable(groups: [["a", "b"]]) == SynonymTable(groups: [["a", "b"]]))
        #expect(SynonymTable(groups: [["a", "b"]]) != SynonymTable(groups: [["b", "a"]]))
    }
}
