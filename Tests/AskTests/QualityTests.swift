import Foundation
import OpsKit
import Testing

@testable import Ask

/// Full-size quality checks against the scikit-learn TF-IDF + LogisticRegression
/// baseline figures measured on the same splits (scripts/bench/ask re-measures
/// both in one run). Slow: release build and OPSBENCH_SLOW_TESTS=1 only.
@Suite(.enabled(if: SharedData.slowTestsEnabled && SharedData.exists("banking77/train.csv")))
struct QualityTests {
    static func train(_ rows: [(String, String)]) throws -> IntentClassifier {
        let start = Date()
        let (model, summary) = try IntentTrainer().train(
            texts: rows.map(\.0), labels: rows.map(\.1), seed: 42, stage: { _ in }, iteration: { _, _ in })
        print("trained \(summary.examples) examples, \(summary.features) features, \(summary.iterations) iterations, T=\(summary.temperature), held-out \(summary.heldOutAccuracy ?? .nan) in \(Date().timeIntervalSince(start)) s")
        return model
    }

    /// Predictions as `ask evaluate --model` makes them (the assistant's ranking and hand-off confidence).
    static func predictions(_ model: IntentClassifier, _ rows: [(String, String)]) -> [RankedPrediction] {
        let assistant = Assistant(kb: nil, model: model)
        return rows.map { text, label in
            let (ranking, confidence) = assistant.rankIntents(text)
            return RankedPrediction(expected: label, ranking: ranking, confidence: confidence)
        }
    }

    @Test func banking77BeatsTheBaseline() throws {
        let model = try Self.train(try SharedData.csvPairs("banking77/train.csv"))
        let metrics = IntentMetrics(Self.predictions(model, try SharedData.csvPairs("banking77/test.csv")), oosLabel: "oos", threshold: 0)
        print("banking77 accuracy \(metrics.accuracy) macro-F1 \(metrics.macroF1) top-3 \(metrics.top3Accuracy)")
        #expect(metrics.accuracy >= 0.8769)  // sklearn TfidfVectorizer() + LogisticRegression() on this split
    }

    @Test func clinc150BeatsTheBaselineWithOutOfScope() throws {
        let data = try SharedData.clinc()
        let model = try Self.train(data["train"]!)
        let validation = IntentMetrics(Self.predictions(model, data["val"]! + data["oos_val"]!), oosLabel: "oos", threshold: 0)
        let test = IntentMetrics(
            Self.predictions(model, data["test"]! + data["oos_test"]!), oosLabel: "oos", threshold: validation.bestThreshold)
        print("clinc150 threshold \(validation.bestThreshold) in-scope \(test.inScopeAccuracyAtThreshold) oos recall \(test.outOfScopeRecall)")
        #expect(test.inScopeAccuracyAtThreshold >= 0.8884 && test.outOfScopeRecall >= 0.374)
    }
}
