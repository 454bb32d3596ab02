import Foundation
import OpsKit

/// A trained intent classifier: TF-IDF features, a softmax layer
/// (`W` feature-major, one bias per intent) and a temperature that calibrates
/// its probabilities.
struct IntentClassifier: Sendable {
    /// Default hand-off threshold on the top probability when none was tuned.
    static let defaultThreshold = 0.3

    let labels: [String]
    let featurizer: IntentFeaturizer
    /// `featureCount × labels.count`, feature-major.
    let weights: [Double]
    let bias: [Double]
    let temperature: Double
    let threshold: Double
    /// The inverse regularisation strength it was trained with.
    let c: Double

    /// Calibrated probabilities of every intent, in `labels` order.
    func probabilities(_ text: String) -> [Double] {
        probabilities(features: featurizer.features(text))
    }

    func probabilities(features: [(column: Int32, value: Double)]) -> [Double] {
        let k = labels.count
        var scores = bias
        weights.withUnsafeBufferPointer { w in
            scores.withUnsafeMutableBufferPointer { s in
                for (column, value) in features {
                    let row = w.baseAddress! + Int(column) * k
                    for j in 0..<k { s[j] += value * row[j] }
                }
                for j in 0..<k { s[j] /= temperature }
                _ = SoftmaxMath.softmaxInPlace(s.baseAddress!, count: k)
            }
        }
        return scores
    }

    /// Intents ranked by probability (ties: label order), at most `limit`.
    func rank(_ text: String, limit: Int) -> [(intent: Int, probability: Double)] {
        let p = probabilities(text)
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] > p[$1] : $0 < $1 }
        return order.prefix(limit).map { ($0, p[$0]) }
    }

    func with(threshold: Double) -> IntentClassifier {
        IntentClassifier(
            labels: labels, featurizer: featurizer, weights: weights, bias: bias, temperature: temperature,
            threshold: threshold, c: c)
    }
}
