import Foundation
import OpsKit

/// The multinomial logistic regression objective on a sparse design matrix:
/// `(1/N) Σᵢ [logΣₖ exp(sᵢₖ) − sᵢ,yᵢ] + ‖W‖² / (2·C·N)`, with `sᵢ = xᵢW + b`
/// (the intercept `b` is not penalised — scikit-learn's `LogisticRegression`).
///
/// Parameters are one flat `Double` buffer: `W` feature-major (`W[f·K + k]`),
/// then `b`. The two sparse products run in `Float` (half the memory traffic,
/// twice the SIMD width) with losses and sums in `Double`: scores in parallel
/// over row chunks, the gradient of `W` in parallel over feature chunks
/// through the transposed matrix.
final class SoftmaxObjective: @unchecked Sendable {
    let rowCount: Int
    let featureCount: Int
    let classCount: Int
    let c: Double
    private let labels: [Int32]
    private let rowStart: [Int], columns: [Int32], values: [Float]
    private let featureStart: [Int], featureRows: [Int32], featureValues: [Float]
    /// `W` as `Float`, refreshed at every evaluation.
    private var weights: [Float]
    /// Scores, then (probabilities − one-hot labels) / N, per row (N·K).
    private var residual: [Float]

    init(x: SparseMatrix, labels: [Int32], classCount: Int, c: Double) {
        let xt = x.transposed()
        rowCount = x.rowCount
        featureCount = x.columnCount
        self.classCount = classCount
        self.c = c
        self.labels = labels
        rowStart = x.rowStart
        columns = x.columns
        values = x.values.map(Float.init)
        featureStart = xt.rowStart
        featureRows = xt.columns
        featureValues = xt.values.map(Float.init)
        weights = [Float](repeating: 0, count: x.columnCount * classCount)
        residual = [Float](repeating: 0, count: x.rowCount * classCount)
    }

    var parameterCount: Int { featureCount * classCount + classCount }

    /// The objective at `w`; writes its gradient into `gradient`.
    func evaluate(_ w: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = rowCount, k = classCount, biasOffset = featureCount * classCount
        for i in 0..<biasOffset { weights[i] = Float(w[i]) }
        let chunks = Swift.min(64, Swift.max(1, n / 256))
        var partialLoss = [Double](repeating: 0, count: chunks)
        var partialBias = [Double](repeating: 0, count: chunks * k)
        let inverseN = 1 / Double(n)
        weights.withUnsafeBufferPointer { wf in
            residual.withUnsafeMutableBufferPointer { r in
                partialLoss.withUnsafeMutableBufferPointer { losses in
                    partialBias.withUnsafeMutableBufferPointer { biases in
                        rowStart.withUnsafeBufferPointer { rowStart in
                            columns.withUnsafeBufferPointer { columns in
                                values.withUnsafeBufferPointer { values in
                                    labels.withUnsafeBufferPointer { y in
                                        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                                            var loss = 0.0
                                            let bias = biases.baseAddress! + chunk * k
                                            for i in (chunk * n / chunks)..<((chunk + 1) * n / chunks) {
                                                let s = r.baseAddress! + i * k
                                                for j in 0..<k { s[j] = Float(w[biasOffset + j]) }
                                                for p in rowStart[i]..<rowStart[i + 1] {
                                                    let v = values[p]
                                                    let row = wf.baseAddress! + Int(columns[p]) * k
                                                    for j in 0..<k { s[j] += v * row[j] }
                                                }
                                                let label = Int(y[i])
                                                let labelScore = Double(s[label])
                                                loss += Self.softmaxInPlace(s, count: k) - labelScore
                                                s[label] -= 1
                                                let scale = Float(inverseN)
                                                for j in 0..<k {
                                                    s[j] *= scale
                                                    bias[j] += Double(s[j])
                                                }
                                            }
                                            losses[chunk] = loss
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let penalty = 1 / (c * Double(n))
        let featureChunks = Swift.min(64, Swift.max(1, featureCount / 512))
        residual.withUnsafeBufferPointer { r in
            featureStart.withUnsafeBufferPointer { start in
                featureRows.withUnsafeBufferPointer { rows in
                    featureValues.withUnsafeBufferPointer { values in
                        DispatchQueue.concurrentPerform(iterations: featureChunks) { chunk in
                            var sum = [Float](repeating: 0, count: k)
                            sum.withUnsafeMutableBufferPointer { g in
                                for f in (chunk * featureCount / featureChunks)..<((chunk + 1) * featureCount / featureChunks) {
                                    for j in 0..<k { g[j] = 0 }
                                    for p in start[f]..<start[f + 1] {
                                        let v = values[p]
                                        let ri = r.baseAddress! + Int(rows[p]) * k
                                        for j in 0..<k { g[j] += v * ri[j] }
                                    }
                                    for j in 0..<k { gradient[f * k + j] = Double(g[j]) + penalty * w[f * k + j] }
                                }
                            }
                        }
                    }
                }
            }
        }
        var squaredNorm = 0.0
        for i in 0..<biasOffset { squaredNorm += w[i] * w[i] }
        for j in 0..<k {
            var sum = 0.0
            for chunk in 0..<chunks { sum += partialBias[chunk * k + j] }
            gradient[biasOffset + j] = sum
        }
        return partialLoss.reduce(0, +) * inverseN + 0.5 * penalty * squaredNorm
    }

    /// Replaces scores by probabilities; returns log Σₖ exp(scoreₖ) in `Double`.
    @inline(__always)
    private static func softmaxInPlace(_ s: UnsafeMutablePointer<Float>, count k: Int) -> Double {
        var maximum = -Float.infinity
        for j in 0..<k where s[j] > maximum { maximum = s[j] }
        var sum = 0.0
        for j in 0..<k {
            let e = Foundation.exp(s[j] - maximum)
            s[j] = e
            sum += Double(e)
        }
        let inverse = Float(1 / sum)
        for j in 0..<k { s[j] *= inverse }
        return Double(maximum) + Foundation.log(sum)
    }
}

/// Softmax for prediction (in `Double`).
enum SoftmaxMath {
    /// Replaces scores by probabilities; returns log Σₖ exp(scoreₖ), so the
    /// cross-entropy of a label is the result minus the label's score.
    @inline(__always)
    static func softmaxInPlace(_ s: UnsafeMutablePointer<Double>, count k: Int) -> Double {
        var maximum = -Double.infinity
        for j in 0..<k where s[j] > maximum { maximum = s[j] }
        var sum = 0.0
        for j in 0..<k {
            s[j] = exp(s[j] - maximum)
            sum += s[j]
        }
        let inverse = 1 / sum
        for j in 0..<k { s[j] *= inverse }
        return maximum + log(sum)
    }
}
