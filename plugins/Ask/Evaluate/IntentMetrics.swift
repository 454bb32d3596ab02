import OpsKit

/// One test question's outcome: the expected intent, the predicted intents
/// best first, and the confidence of the first.
struct RankedPrediction: Sendable {
    let expected: String
    let ranking: [String]
    let confidence: Double

    var top: String? { ranking.first }

    /// The expected label of a question with several right answers, written
    /// `A|B` (an FAQ's twin entries, one per language, for a question in both):
    /// the alternative ranked first, else the first written. A label without `|` is itself.
    static func resolve(_ label: String, in ranking: [String]) -> String {
        let alternatives = label.split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        guard alternatives.count > 1 else { return label }
        return ranking.first(where: alternatives.contains) ?? alternatives[0]
    }
}

/// Accuracy, macro-F1, top-3 accuracy and MRR on in-scope questions; recall
/// and precision of out-of-scope detection at a threshold; and the threshold
/// that maximises accuracy over all questions (answer when confidence ≥ t,
/// otherwise hand off, which is right exactly for out-of-scope questions).
struct IntentMetrics: Sendable, Equatable {
    let inScopeCount: Int
    let outOfScopeCount: Int
    let accuracy: Double
    let macroF1: Double
    let top3Accuracy: Double
    let meanReciprocalRank: Double
    let threshold: Double
    /// Accuracy on in-scope questions when low confidence hands off.
    let inScopeAccuracyAtThreshold: Double
    let outOfScopeRecall: Double
    let outOfScopePrecision: Double
    /// Accuracy over all questions at ``threshold``.
    let overallAccuracy: Double
    let bestThreshold: Double
    let bestOverallAccuracy: Double
    /// Expected calibration error of the confidence as the probability that
    /// the answer is right (out-of-scope questions: never), over 10 equal bins.
    let calibrationError: Double
    /// Answer-or-hand-off trade-off at a few thresholds.
    let abstention: [AbstentionPoint]

    /// At threshold `threshold`, the share of questions answered and the share of those answered right.
    struct AbstentionPoint: Sendable, Equatable {
        let threshold: Double, answered: Double, accuracyOfAnswered: Double
    }

    static let abstentionThresholds = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]

    init(_ predictions: [RankedPrediction], oosLabel: String, threshold: Double) {
        let inScope = predictions.filter { $0.expected != oosLabel }
        inScopeCount = inScope.count
        outOfScopeCount = predictions.count - inScope.count
        self.threshold = threshold
        func share(_ count: Int, of total: Int) -> Double { total == 0 ? .nan : Double(count) / Double(total) }
        accuracy = share(inScope.filter { $0.top == $0.expected }.count, of: inScope.count)
        top3Accuracy = share(inScope.filter { $0.ranking.prefix(3).contains($0.expected) }.count, of: inScope.count)
        meanReciprocalRank = inScope.isEmpty ? .nan
            : inScope.reduce(0.0) { sum, p in sum + (p.ranking.firstIndex(of: p.expected).map { 1 / Double($0 + 1) } ?? 0) }
                / Double(inScope.count)
        macroF1 = Self.macroF1(inScope)
        func answered(_ p: RankedPrediction, _ t: Double) -> String { p.confidence >= t ? (p.top ?? oosLabel) : oosLabel }
        inScopeAccuracyAtThreshold = share(inScope.filter { answered($0, threshold) == $0.expected }.count, of: inScope.count)
        let oos = predictions.filter { $0.expected == oosLabel }
        outOfScopeRecall = share(oos.filter { answered($0, threshold) == oosLabel }.count, of: oos.count)
        let flagged = predictions.filter { answered($0, threshold) == oosLabel }
        outOfScopePrecision = share(flagged.filter { $0.expected == oosLabel }.count, of: flagged.count)
        overallAccuracy = share(predictions.filter { answered($0, threshold) == $0.expected }.count, of: predictions.count)
        (bestThreshold, bestOverallAccuracy) = Self.bestThreshold(predictions, oosLabel: oosLabel)
        let outcomes = predictions.map { (confidence: $0.confidence, right: $0.expected != oosLabel && $0.top == $0.expected) }
        calibrationError = Self.calibrationError(outcomes)
        abstention = Self.abstentionThresholds.map { t in
            let answered = outcomes.filter { $0.confidence >= t }
            return AbstentionPoint(
                threshold: t, answered: share(answered.count, of: outcomes.count),
                accuracyOfAnswered: share(answered.filter(\.right).count, of: answered.count))
        }
    }

    /// `Σ_bins (n_bin/n)·|mean confidence − share right|` over 10 equal-width bins of the confidence.
    static func calibrationError(_ outcomes: [(confidence: Double, right: Bool)], bins: Int = 10) -> Double {
        guard !outcomes.isEmpty else { return .nan }
        var count = [Int](repeating: 0, count: bins), confidence = [Double](repeating: 0, count: bins)
        var right = [Double](repeating: 0, count: bins)
        for o in outcomes {
            let bin = min(bins - 1, max(0, Int(o.confidence * Double(bins))))
            count[bin] += 1
            confidence[bin] += o.confidence
            right[bin] += o.right ? 1 : 0
        }
        var error = 0.0
        for bin in 0..<bins where count[bin] > 0 { error += abs(confidence[bin] - right[bin]) / Double(outcomes.count) }
        return error
    }

    /// Mean F1 over the expected intents (precision counts every prediction of the intent).
    private static func macroF1(_ rows: [RankedPrediction]) -> Double {
        var truePositive: [String: Int] = [:], predicted: [String: Int] = [:], actual: [String: Int] = [:]
        for row in rows {
            actual[row.expected, default: 0] += 1
            if let top = row.top { predicted[top, default: 0] += 1 }
            if row.top == row.expected { truePositive[row.expected, default: 0] += 1 }
        }
        guard !actual.isEmpty else { return .nan }
        var sum = 0.0
        for (label, count) in actual {
            let tp = Double(truePositive[label] ?? 0)
            let p = Double(predicted[label] ?? 0)
            sum += tp == 0 ? 0 : 2 * tp / (p + Double(count))
        }
        return sum / Double(actual.count)
    }

    /// Sweeps thresholds at every confidence: the lowest that maximises overall accuracy.
    static func bestThreshold(_ rows: [RankedPrediction], oosLabel: String) -> (Double, Double) {
        guard !rows.isEmpty else { return (0, .nan) }
        let sorted = rows.sorted { $0.confidence < $1.confidence }
        // Threshold at sorted[i].confidence: rows before i hand off, rows from i answer.
        var answeredRight = sorted.filter { ($0.top ?? oosLabel) == $0.expected }.count
        var handedOffRight = 0
        var best = (threshold: 0.0, correct: answeredRight)
        var i = 0
        while i < sorted.count {
            let t = sorted[i].confidence
            if answeredRight + handedOffRight > best.correct { best = (t, answeredRight + handedOffRight) }
            while i < sorted.count, sorted[i].confidence == t {
                if (sorted[i].top ?? oosLabel) == sorted[i].expected { answeredRight -= 1 }
                if sorted[i].expected == oosLabel { handedOffRight += 1 }
                i += 1
            }
        }
        if handedOffRight + answeredRight > best.correct { best = (sorted[sorted.count - 1].confidence.nextUp, handedOffRight) }
        return (best.threshold, Double(best.correct) / Double(rows.count))
    }
}

extension IntentMetrics {
    /// A figure of the metric tables: three decimals, `–` when it is undefined (no such questions).
    static func figure(_ value: Double) -> String { value.isNaN ? "–" : ValueFormat.fixed(value, digits: 3) }
}
