import Foundation
import OpsKit
import OpsKitTesting
import Testing

@testable import Recommend

@Suite struct ContentTests {
    @Test func phoneIsClosestToPhoneWithSharedTerm() throws {
        let datasets = InMemoryDatasets(["products": try phoneCatalogue()])
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描述", "--item", "P1", "--top", "3"])
        let result = try datasets.dataset(named: "similar")
        #expect(result.columnNames == ["商品ID", "rank", "score", "reason"])
        #expect(try strings(result, "商品ID").first == "P3")
        #expect(try strings(result, "reason").first?.contains("智能手机") == true)
        // P2 and P4 share no term with P1: only positive similarities are listed.
        #expect(try numbers(result, "rank") == [1])
        // Cosine of items 1 and 3 from scikit-learn on these four texts, obtained as
        // in tfidfEqualsScikitLearn: (X @ X.T)[0, 2].
        #expect(abs(try numbers(result, "score")[0] - 0.42263853628954956) < 1e-9)
        #expect(output.contains("P3"))
    }

    /// Reference values from scikit-learn 1.x, obtained with
    /// `TfidfVectorizer(analyzer=tokens, sublinear_tf=S).fit_transform(docs)` where
    /// `tokens` is scripts/bench/recommend_tokens.py (the same tokenizer in Python)
    /// and docs are the four phone/tablet descriptions plus "Phone case 手机壳, phone".
    @Test(arguments: [false, true]) func tfidfEqualsScikitLearn(sublinear: Bool) {
        let docs = ["智能手机,大屏幕,高性能", "平板电脑,轻薄便携", "智能手机,拍照功能强", "笔记本电脑,续航长", "Phone case 手机壳, phone"]
        let tokens = docs.map { TextTokenizer().tokens($0) }
        let model = TFIDFVectorizer(fitting: tokens, options: .init(sublinearTF: sublinear))
        let x = model.transform(tokens)
        func value(_ doc: Int, _ term: String) -> Double { x.value(row: doc, column: model.termIndex[term]!) }
        let expected: [(Int, String, Double, Double)] = [
            (0, "智能", 0.2089974060170293, 0.2143704511265856),
            (0, "性能", 0.2590468977552465, 0.2657066486758687),
            (2, "手机", 0.17961803397566553, 0.18458183102577547),
            (3, "电脑", 0.22417208853305665, 0.22417208853305665),
            (4, "phone", 0.6923134125405996, 0.6304609138300203),
            (4, "手机", 0.2318251804907321, 0.24937408075307363),
        ]
        for (doc, term, plain, sub) in expected {
            #expect(abs(value(doc, term) - (sublinear ? sub : plain)) < 1e-9, "\(doc) \(term)")
        }
        let s02 = x.dot(row: 0, with: x, row: 2), s04 = x.dot(row: 0, with: x, row: 4)
        #expect(abs(s02 - (sublinear ? 0.37819439442854635 : 0.4100494868515304)) < 1e-9)
        #expect(abs(s04 - (sublinear ? 0.13312598842777815 : 0.12065577505246963)) < 1e-9)
    }

    @Test func sharedPhrasesJoinBigramsAndLatinWords() throws {
        let texts = ["智能手机,拍照功能强 Phone", "智能手机 phone case"]
        let tokens = texts.map { TextTokenizer().tokens($0) }
        let model = TFIDFVectorizer(fitting: tokens)
        let x = model.transform(tokens)
        let runs = PhraseRuns(texts[0], vectorizer: model)
        let phrases = SharedTerms.phrases(runs, item: 0, of: x, query: x, queryRow: 1)
        #expect(Set(phrases) == ["智能手机", "Phone"])
        // Only 能 of 功能 is shared with 高性能: a lone character, dropped next to the phrase.
        let other = TFIDFVectorizer(fitting: [TextTokenizer().tokens("拍照功能强"), TextTokenizer().tokens("高性能")])
        let y = other.transform([TextTokenizer().tokens("拍照功能强"), TextTokenizer().tokens("高性能")])
        #expect(SharedTerms.phrases(PhraseRuns("拍照功能强", vectorizer: other), item: 0, of: y, query: y, queryRow: 1) == ["能"])
    }

    @Test func basketExcludesItsItemsAndTopIsClamped() throws {
        let datasets = InMemoryDatasets(["products": try phoneCatalogue()])
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(
            SimilarCommand.self, ["products", "--text", "描述", "--item", "P2", "--item", "P3", "--top", "9", "--as", "b"])
        // The basket shares 智能手机 with P1 and 电脑 with P4; its own items never come back.
        #expect(Set(try strings(try datasets.dataset(named: "b"), "商品ID")) == ["P1", "P4"])
        #expect(output.contains("warning: --top 9 is more than the 2 candidate items"))
    }

    @Test func allItemsListsEveryItem() throws {
        let datasets = InMemoryDatasets(["products": try phoneCatalogue()])
        try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描述", "--all-items", "--top", "1"])
        let result = try datasets.dataset(named: "similar")
        #expect(result.columnNames == ["商品ID", "similar_商品ID", "rank", "score", "reason"])
        let pairs = Dictionary(uniqueKeysWithValues: zip(try strings(result, "商品ID"), try strings(result, "similar_商品ID")))
        #expect(pairs["P1"] == "P3" && pairs["P3"] == "P1")
        #expect(pairs["P2"] == "P4" && pairs["P4"] == "P2")  // both share 电脑
    }

    @Test func badInputGivesClearErrors() throws {
        var catalogue = try phoneCatalogue()
        try catalogue.setColumn(Column(name: "描述", strings: ["智能手机,大屏幕,高性能", nil, "智能手机,拍照功能强", "  "]))
        let datasets = InMemoryDatasets(["products": catalogue])
        let output = try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描述", "--item", "P1"])
        #expect(output.contains("note: 2 item(s) with empty or missing '描述' skipped"))
        #expect(try strings(try datasets.dataset(named: "similar"), "商品ID") == ["P3"])
        #expect {
            try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描述", "--item", "P01"])
        } throws: { ($0 as? OpsError)?.message.contains("did you mean 'P1'") == true }
        #expect {
            try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描述", "--item", "P2"])
        } throws: { ($0 as? OpsError)?.message == "item 'P2' has no text in '描述'" }
        #expect {
            try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描 述", "--item", "P1"])
        } throws: { ($0 as? OpsError)?.message.contains("unknown column") == true }
        #expect(throws: OpsError.self) { try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描述"]) }
        #expect(throws: OpsError.self) {
            try PluginHarness(RecommendPlugin.self, on: datasets).run(SimilarCommand.self, ["products", "--text", "描述", "--item", "P1", "--top", "0"])
        }
    }
}
