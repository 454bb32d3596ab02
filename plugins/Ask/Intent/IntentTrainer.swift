import Foundation
import OpsKit

/// Trains an ``IntentClassifier``: fits the features on all texts, holds out a
/// stratified share to fit the temperature, then refits on everything
/// (warm-started) with L-BFGS.
struct IntentTrainer {
    /// Inverse L2 regularisation strength (scikit-learn's `C`).
    var c = 10.0
    /// Share of each intent's examples held out to calibrate (intents with fewer than 4 keep all).
    var calibrationShare = 0.15
    var maxIterations = 300

    struct Summary {
        let examples: Int
        let features: Int
        let iterations: Int
        let converged: Bool
        /// Accuracy of the first fit on the held-out share (nil without a held-out share).
        let heldOutAccuracy: Double?
        let heldOutCount: Int
        let temperature: Double
    }

    /// The two fits: on all but the held-out share (to calibrate the temperature), then on everything.
    enum Stage { case calibrate, fit }

    /// `stage` is called before each fit,
    /// `iteration` after every L-BFGS iteration (it may throw to cancel).
    func train(
        texts: [String], labels: [String], seed: UInt64,
        stage: (Stage) -> Void, iteration: (Int, Double) throws -> Void
    ) throws -> (IntentClassifier, Summary) {
        let names = Array(Set(labels)).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let id = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
        let y = labels.map { id[$0]! }
        let featurizer = IntentFeaturizer(fitting: texts)
        let x = featurizer.matrix(texts)
        let k = names.count
        let optimizer = LBFGS(maxIterations: maxIterations)
        let heldOut = Self.stratifiedHoldout(y, classCount: k, share: calibrationShare, seed: seed)
        var parameters = [Double](repeating: 0, count: x.columnCount * k + k)
        var temperature = 1.0
        var heldOutAccuracy: Double?
        if !heldOut.isEmpty {
            stage(.calibrate)
            let isHeldOut = Set(heldOut)
            let trainRows = (0..<texts.count).filter { !isHeldOut.contains($0) }
            let objective = SoftmaxObjective(x: x.selectingRows(trainRows), labels: trainRows.map { y[$0] }, classCount: k, c: c)
            _ = try optimizer.minimize(&parameters, objective: objective.evaluate, onIteration: iteration)
            let first = Self.classifier(names, featurizer, parameters, temperature: 1, c: c)
            var logits: [Double] = []
            var correct = 0
            for row in heldOut {
                let p = first.probabilities(features: x.entries(ofRow: row))
                logits += p.map { log(Swift.max($0, 1e-300)) }
                if p.indices.max(by: { p[$0] < p[$1] }) == Int(y[row]) { correct += 1 }
            }
            temperature = TemperatureScaling.fit(logits: logits, labels: heldOut.map { y[$0] }, classCount: k)
            heldOutAccuracy = Double(correct) / Double(heldOut.count)
        }
        stage(.fit)
        let objective = SoftmaxObjective(x: x, labels: y, classCount: k, c: c)
        let outcome = try optimizer.minimize(&parameters, objective: objective.evaluate, onIteration: iteration)
        let model = Self.classifier(names, featurizer, parameters, temperature: temperature, c: c)
        let summary = Summary(
            examples: texts.count, features: x.columnCount, iterations: outcome.iterations, converged: outcome.converged,
            heldOutAccuracy: heldOutAccuracy, heldOutCount: heldOut.count, temperature: temperature)
        return (model, summary)
    }

    private static func classifier(
        _ labels: [String], _ featurizer: IntentFeaturizer, _ parameters: [Double], temperature: Double, c: Double
    ) -> IntentClassifier {
        let split = featurizer.featureCount * labels.count
        return IntentClassifier(
            labels: labels, featurizer: featurizer, weights: Array(parameters[0..<split]),
            bias: Array(parameters[split...]), temperature: temperature, threshold: IntentClassifier.defaultThreshold, c: c)
    }

    /// Row indices held out per class (shuffled with `seed`), ascending.
    static func stratifiedHoldout(_ y: [Int32], classCount: Int, share: Double, seed: UInt64) -> [Int] {
        var byClass = [[Int]](repeating: [], count: classCount)
        for (row, label) in y.enumerated() { byClass[Int(label)].append(row) }
        var random = SeededGenerator(seed: seed)
        var held: [Int] = []
        for var rows in byClass where rows.count >= 4 {
            for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, random.nextIndex(i + 1)) }
            held += rows.prefix(Int(Double(rows.count) * share))
        }
        return held.sorted()
    }
}

extension SparseMatrix {
    /// The given rows, in order, as a new matrix.
    func selectingRows(_ rows: [Int]) -> SparseMatrix {
        var start = [0], columns: [Int32] = [], values: [Double] = []
        for row in rows {
            let r = range(ofRow: row)
            columns += self.columns[r]
            values += self.values[r]
            start.append(columns.count)
        }
        return SparseMatrix(rowCount: rows.count, columnCount: columnCount, rowStart: start, columns: columns, values: values)
    }

    /// Row `row` as (column, value) pairs.
    func entries(ofRow row: Int) -> [(column: Int32, value: Double)] {
        range(ofRow: row).map { (columns[$0], values[$0]) }
    }
}
