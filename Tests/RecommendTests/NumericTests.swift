import Foundation
import OpsKit
import Testing

@testable import Recommend

@Suite struct NumericTests {
    @Test func inverseOfAHandWorkedMatrix() throws {
        // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8.
        var a: [Double] = [4, 2, 2, 3]
        try SymmetricInverse.invert(&a, n: 2)
        let expected = [3.0 / 8, -2.0 / 8, -2.0 / 8, 4.0 / 8]
        for (x, y) in zip(a, expected) { #expect(abs(x - y) < 1e-15) }
    }

    @Test func blockedInverseTimesMatrixIsIdentity() throws {
        // n = 150 spans two 128-column panels, with a ragged last 4-row tile (150 = 37·4 + 2).
        let n = 150
        var random = SeededGenerator(seed: 3)
        let m = (0..<(n * n)).map { _ in random.nextUnit() - 0.5 }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n { a[i * n + j] = (0..<n).reduce(0.0) { $0 + m[i * n + $1] * m[j * n + $1] } + (i == j ? 1 : 0) }
        }
        var inverse = a
        try SymmetricInverse.invert(&inverse, n: n)
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n {
                let v = (0..<n).reduce(0.0) { $0 + a[i * n + $1] * inverse[$1 * n + j] }
                worst = max(worst, abs(v - (i == j ? 1 : 0)))
            }
        }
        #expect(worst < 1e-9)
    }

    @Test func inverseAcrossPanelsAndRaggedTilesMatchesIdentity() throws {
        // n = 301: three 128-column Cholesky panels, the last 4-row tile one row high.
        let n = 301
        var random = SeededGenerator(seed: 11)
        var a = [Double](repeating: 0, count: n * n)
        for _ in 0..<(2 * n) {  // G = XᵀX + 3I for a random sparse binary X, as EASE builds it
            let items = Set((0..<8).map { _ in random.nextIndex(n) })
            for i in items { for j in items { a[i * n + j] += 1 } }
        }
        for i in 0..<n { a[i * n + i] += 3 }
        var inverse = a
        try SymmetricInverse.invert(&inverse, n: n)
        var worst = 0.0, asymmetry = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var v = 0.0
                for k in 0..<n { v += a[i * n + k] * inverse[k * n + j] }
                worst = max(worst, abs(v - (i == j ? 1 : 0)))
                asymmetry = max(asymmetry, abs(inverse[i * n + j] - inverse[j * n + i]))
            }
        }
        #expect(worst < 1e-12)
        #expect(asymmetry == 0)
    }

    @Test func notPositiveDefiniteIsReported() {
        var a: [Double] = [1, 2, 2, 1]
        #expect(throws: SymmetricInverse.NotPositiveDefinite.self) { try SymmetricInverse.invert(&a, n: 2) }
    }

    @Test func bootstrapIsSeededAndBracketsTheMean() {
        let values = (0..<200).map { Double($0 % 7) }
        let a = Bootstrap.meanInterval(values, seed: 5), b = Bootstrap.meanInterval(values, seed: 5)
        #expect(a.low == b.low && a.high == b.high)
        let mean = values.reduce(0, +) / 200
        #expect(a.low < mean && mean < a.high)
        #expect(a.high - a.low < 1)
        let constant = Bootstrap.meanInterval([0.25, 0.25, 0.25], seed: 1)
        #expect(constant.low == 0.25 && constant.high == 0.25)
    }

    @Test func mrrAndNoveltyMatchHandWorkedValues() {
        // First hit at rank 2 (1/2) and at rank 1 (1); items' self-information 1, 2, 3 bits.
        let m = RankingMetrics(
            lists: [[0, 1], [2, 0]], relevant: [[1], [2]], k: 2, catalogueSize: 3, information: [1, 2, 3])
        #expect(abs(m.mrr - 0.75) < 1e-15)
        #expect(abs(m.novelty - ((1.0 + 2) / 2 + (3.0 + 1) / 2) / 2) < 1e-15)
        #expect(m.ndcgPerUser.count == 2)
    }
}
