import Foundation
import OpsKit
import Testing

@testable import Ask

@Suite struct IntentFeatureTests {
    @Test func charNGramsMatchScikitLearnCharWB() {
        // sklearn TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).build_analyzer()("Hi  Card!")
        #expect(IntentFeaturizer.charTerms("Hi  Card!") == [
            " h", "hi", "i ", " hi", "hi ", " hi ", " c", "ca", "ar", "rd", "d!", "! ", " ca", "car", "ard", "rd!",
            "d! ", " car", "card", "ard!", "rd! ",
        ])
        #expect(IntentFeaturizer.charTerms("a") == [" a", "a ", " a "])
    }

    @Test func wordTermsAreUnigramsThenBigrams() {
        #expect(IntentFeaturizer.wordTerms("Card arrived") == ["card", "arrived", "card arrived"])
        #expect(IntentFeaturizer.wordTerms("退货") == ["退", "货", "退 货"])
        #expect(IntentFeaturizer.wordTerms("🙂") == [])
    }

    @Test func blocksAreUnitLengthAndScaled() {
        let featurizer = IntentFeaturizer(fitting: ["card arrived", "card lost", "lost card again"])
        let row = featurizer.features("card lost")
        let norm = row.reduce(0) { $0 + $1.value * $1.value }
        #expect(abs(norm - 1) < 1e-9)  // two unit blocks, each scaled by 1/√2
        #expect(row.map(\.column) == row.map(\.column).sorted())
    }
}

@Suite struct OptimizerTests {
    @Test func lbfgsFindsTheMinimumOfAQuadratic() {
        var x = [Double](repeating: 0, count: 50)
        let outcome = LBFGS(gradientTolerance: 1e-8, relativeTolerance: 0).minimize(&x, objective: { x, g in
            var f = 0.0
            for i in 0..<x.count {
                let d = x[i] - Double(i)
                f += Double(i + 1) * d * d
                g[i] = 2 * Double(i + 1) * d
            }
            return f
        }, onIteration: { _, _ in })
        #expect(outcome.converged)
        for i in 0..<50 { #expect(abs(x[i] - Double(i)) < 1e-6) }
    }

    @Test func softmaxGradientMatchesFiniteDifferences() {
        var random = SeededGenerator(seed: 7)
        var x = SparseMatrix(columnCount: 5)
        var labels: [Int32] = []
        for i in 0..<12 {
            x.appendRow([(Int32(i % 5), random.nextUnit()), (Int32((i + 2) % 5), random.nextUnit() - 0.5)])
            labels.append(Int32(i % 3))
        }
        let objective = SoftmaxObjective(x: x, labels: labels, classCount: 3, c: 2)
        var w = (0..<objective.parameterCount).map { _ in random.nextGaussian() * 0.3 }
        var g = [Double](repeating: 0, count: w.count)
        let f = w.withUnsafeBufferPointer { wp in g.withUnsafeMutableBufferPointer { objective.evaluate(wp, gradient: $0) } }
        #expect(f > 0)
        var scratch = g
        for i in 0..<w.count {  // the products run in Float: a coarser step and tolerance
            let h = 1e-3
            w[i] += h
            let up = w.withUnsafeBufferPointer { wp in scratch.withUnsafeMutableBufferPointer { objective.evaluate(wp, gradient: $0) } }
            w[i] -= 2 * h
            let down = w.withUnsafeBufferPointer { wp in scratch.withUnsafeMutableBufferPointer { objective.evaluate(wp, gradient: $0) } }
            w[i] += h
            #expect(abs((up - down) / (2 * h) - g[i]) < 1e-4)
        }
    }

    @Test func temperatureRecoversTheSamplingTemperature() {
        var random = SeededGenerator(seed: 3)
        var logits: [Double] = [], labels: [Int32] = []
        for _ in 0..<6000 {
            let z = (0..<3).map { _ in random.nextGaussian() * 3 }
            let p = z.map { exp($0 / 2) }
            let u = random.nextUnit() * p.reduce(0, +)
            labels.append(u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2)
            logits += z
        }
        let t = TemperatureScaling.fit(logits: logits, labels: labels, classCount: 3)
        #expect(abs(t - 2) < 0.2, "T = \(t)")
    }
}

@Suite struct IntentTrainerTests {
    static let examples: [(String, String)] = [
        ("where is my parcel", "track"), ("track my package", "track"), ("has my order shipped", "track"),
        ("when will my package arrive", "track"), ("package tracking number", "track"),
        ("我的快递到哪了", "track"), ("查一下物流", "track"),
        ("I want a refund", "refund"), ("refund my money", "refund"), ("how do I get my money back", "refund"),
        ("return this item for a refund", "refund"), ("can I get a refund", "refund"),
        ("我要退款", "refund"), ("退钱", "refund"),
        ("change my password", "account"), ("reset my password", "account"), ("I forgot my password", "account"),
        ("update my email address", "account"), ("log in problem", "account"),
        ("修改密码", "account"), ("忘记密码了", "account"),
    ]

    @Test func learnsSeparableIntentsAndIsDeterministic() throws {
        let trainer = IntentTrainer(c: 10)
        let (model, summary) = try trainer.train(
            texts: Self.examples.map(\.0), labels: Self.examples.map(\.1), seed: 1, stage: { _ in }, iteration: { _, _ in })
        #expect(model.labels == ["account", "refund", "track"])
        #expect(summary.heldOutCount == 3)  // one of each intent's seven examples
        for (text, label) in Self.examples { #expect(model.labels[model.rank(text, limit: 1)[0].intent] == label) }
        #expect(model.labels[model.rank("where is my package now", limit: 1)[0].intent] == "track")
        #expect(model.labels[model.rank("密码忘了怎么办", limit: 1)[0].intent] == "account")
        let p = model.probabilities("refund please")
        #expect(abs(p.reduce(0, +) - 1) < 1e-9)
        let (again, _) = try trainer.train(
            texts: Self.examples.map(\.0), labels: Self.examples.map(\.1), seed: 1, stage: { _ in }, iteration: { _, _ in })
        #expect(again.weights == model.weights && again.temperature == model.temperature)
    }

    @Test func handOffConfidenceCountsTheWordsTheModelNeverSaw() throws {
        let (model, _) = try IntentTrainer(c: 10).train(
            texts: Self.examples.map(\.0), labels: Self.examples.map(\.1), seed: 1, stage: { _ in }, iteration: { _, _ in })
        let featurizer = model.featurizer
        #expect(featurizer.knownShare("track my package") == 1)
        #expect(featurizer.knownShare("zebra quantum violin") == 0)
        #expect(featurizer.knownShare("🙂 !!") == 0)
        let half = featurizer.knownShare("track my zebra")
        #expect(half > 0 && half < 1)
        // a rare known word weighs more than a common one: "password" (3 utterances) vs "my" (7)
        #expect(featurizer.knownShare("password zebra") > featurizer.knownShare("my zebra"))
        let assistant = Assistant(kb: nil, model: model)
        let known = assistant.rankIntents("where is my package")
        let p = model.rank("where is my package", limit: 1)[0].probability
        #expect(known.ranking.first == "track" && abs(known.confidence - p) < 1e-12)
        let foreign = assistant.rankIntents("package zebra quantum violin")
        let q = model.rank("package zebra quantum violin", limit: 1)[0].probability
        #expect(foreign.confidence < q / 2)
    }
}
