import Foundation

/// Temperature scaling (Guo et al. 2017): the `T` that minimises the negative
/// log-likelihood of held-out labels under `softmax(z / T)`.
enum TemperatureScaling {
    /// `logits` is row-major (`rows × classCount`). Golden-section search on
    /// log T in [−3, 3] (the NLL is unimodal in T).
    static func fit(logits: [Double], labels: [Int32], classCount: Int) -> Double {
        guard !labels.isEmpty else { return 1 }
        var low = -3.0, high = 3.0
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = high - ratio * (high - low), b = low + ratio * (high - low)
        var fa = nll(logits, labels, classCount, exp(a)), fb = nll(logits, labels, classCount, exp(b))
        for _ in 0..<60 {
            if fa < fb {
                high = b; b = a; fb = fa
                a = high - ratio * (high - low); fa = nll(logits, labels, classCount, exp(a))
            } else {
                low = a; a = b; fa = fb
                b = low + ratio * (high - low); fb = nll(logits, labels, classCount, exp(b))
            }
        }
        return exp((low + high) / 2)
    }

    /// Mean negative log-likelihood at temperature `t`.
    static func nll(_ logits: [Double], _ labels: [Int32], _ k: Int, _ t: Double) -> Double {
        var total = 0.0
        for (i, label) in labels.enumerated() {
            let row = logits[(i * k)..<((i + 1) * k)]
            let maximum = row.max()! / t
            var sum = 0.0
            for z in row { sum += exp(z / t - maximum) }
            total += maximum + log(sum) - logits[i * k + Int(label)] / t
        }
        return total / Double(labels.count)
    }
}
