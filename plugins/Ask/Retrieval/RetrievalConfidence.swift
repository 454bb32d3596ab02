import Foundation

/// The knowledge base's confidence in its best entry: the matched share of the
/// question's topic (``FAQMatch/coverage``) mapped to the probability that the
/// entry is the right answer, `σ(intercept + slope · coverage)` (Platt scaling).
///
/// The two constants are a logistic regression of "the best entry is the
/// expected one" (out-of-scope questions: never) on the coverage over the
/// eight bundled Chinese paraphrase sets (examples/*_paraphrases.csv and
/// examples/ask_validation, 620 questions of eight shops); refit them with
/// `scripts/bench/ask_calibrate.py`. The coverage does not grow with the size
/// of the knowledge base, so one threshold on this probability serves small
/// and large knowledge bases alike; `ask evaluate` reports how well calibrated
/// it is on a test set (expected calibration error).
enum RetrievalConfidence {
    static let intercept = -1.21
    static let slope = 7.68

    static func probability(coverage: Double) -> Double { 1 / (1 + exp(-(intercept + slope * coverage))) }

    /// The probability threshold equivalent to a threshold on the coverage
    /// (knowledge bases stored before the confidence was calibrated).
    static func threshold(fromCoverage t: Double) -> Double { probability(coverage: t) }
}
