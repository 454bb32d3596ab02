import Foundation
import OpsKit

/// The multinomial logistic regression objective on a sparse design matrix:
/// `(1/N) Σᵢ [logΣₖ exp(sᵢₖ) − sᵢ,yᵢ] + ‖W‖² / (2·C·N)`, with `sᵢ = xᵢW + b`
/// (the intercept `b` is not penalised — scikit-learn's `LogisticRegression`).
///
/// Parameters are one flat buffer: `W` feature-major (`W[f·K + k]`), then `b`.
/// Scores are computed in parallel over row chunks, the gradient of `W` in
/// parallel over feature chunks through the transposed matrix.
final class SoftmaxObjective: @unchecked Sendable {
    let x: SparseMatrix
    private let xt: SparseMatrix
    let labels: [Int32]
    let classCount: Int
    let c: Double
    /// Scores, then probabilities minus one-hot labels, per row (N·K).
    private var residual: [Double]

    init(x: SparseMatrix, labels: [Int32], classCount: Int, c: Double) {
        self.x = x
        self.xt = x.transposed()
        self.labels = labels
        self.classCount = classCount
        self.c = c
        residual = [Double](repeating: 0, count: x.rowCount * classCount)
    }

    var parameterCount: Int { x.columnCount * classCount + classCount }

    /// The objective at `w`; writes its gradient into `gradient`.
    func evaluate(_ w: UnsafeBufferPointer<Double>, gradient: UnsafeMutableBufferPointer<Double>) -> Double {
        let n = x.rowCount, k = classCount, featureCount = x.columnCount
        let biasOffset = featureCount * k
        let chunks = Swift.min(64, Swift.max(1, n / 256))
        var partialLoss = [Double](repeating: 0, count: chunks)
        var partialBias = [Double](repeating: 0, count: chunks * k)
        let inverseN = 1 / Double(n)
        residual.withUnsafeMutableBufferPointer { r in
            partialLoss.withUnsafeMutableBufferPointer { losses in
                partialBias.withUnsafeMutableBufferPointer { biases in
                    x.rowStart.withUnsafeBufferPointer { rowStart in
                        x.columns.withUnsafeBufferPointer { columns in
                            x.values.withUnsafeBufferPointer { values in
                                labels.withUnsafeBufferPointer { y in
                                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                                        var loss = 0.0
                                        let bias = biases.baseAddress! + chunk * k
                                        for i in (chunk * n / chunks)..<((chunk + 1) * n / chunks) {
                                            let s = r.baseAddress! + i * k
                                            for j in 0..<k { s[j] = w[biasOffset + j] }
                                            for p in rowStart[i]..<rowStart[i + 1] {
                                                let v = values[p]
                                                let row = w.baseAddress! + Int(columns[p]) * k
                                                for j in 0..<k { s[j] += v * row[j] }
                                            }
                                            let label = Int(y[i])
                                            let labelScore = s[label]
                                            loss += SoftmaxMath.softmaxInPlace(s, count: k) - labelScore
                                            s[label] -= 1
                                            for j in 0..<k {
                                                s[j] *= inverseN
                                                bias[j] += s[j]
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
        let penalty = 1 / (c * Double(n))
        residual.withUnsafeBufferPointer { r in
            xt.rowStart.withUnsafeBufferPointer { rowStart in
                xt.columns.withUnsafeBufferPointer { columns in
                    xt.values.withUnsafeBufferPointer { values in
                        let featureChunks = Swift.min(64, Swift.max(1, featureCount / 512))
                        DispatchQueue.concurrentPerform(iterations: featureChunks) { chunk in
                            for f in (chunk * featureCount / featureChunks)..<((chunk + 1) * featureCount / featureChunks) {
                                let g = gradient.baseAddress! + f * k
                                let wf = w.baseAddress! + f * k
                                for j in 0..<k { g[j] = penalty * wf[j] }
                                for p in rowStart[f]..<rowStart[f + 1] {
                                    let v = values[p]
                                    let ri = r.baseAddress! + Int(columns[p]) * k
                                    for j in 0..<k { g[j] += v * ri[j] }
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
}

/// Softmax helpers shared by training and prediction.
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
