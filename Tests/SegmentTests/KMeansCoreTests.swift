import OpsKit
import Testing

@testable import Segment

@Suite struct KMeansCoreTests {
    /// The classroom example: (1,2),(2,3),(8,7),(9,8) with rows 1 and 3 as initial centres.
    @Test func workedExampleConvergesToHandComputedCentres() throws {
        let x = Matrix(rows: 4, cols: 2, values: [1, 2, 2, 3, 8, 7, 9, 8])
        var centers = [1.0, 2, 8, 7]
        let result = try Lloyd.run(x, centers: &centers, maxIterations: 10, tolerance: 0, checkCancellation: {})
        #expect(result.labels == [0, 0, 1, 1])
        #expect(result.centers == [1.5, 2.5, 8.5, 7.5])
        #expect(result.inertia == 2.0)
        #expect(result.converged)
    }

    @Test func fitOnWorkedExampleWithGivenCentres() throws {
        let x = Matrix(rows: 4, cols: 2, values: [1, 2, 2, 3, 8, 7, 9, 8])
        var random = SeededGenerator(seed: 1)
        let options = KMeansOptions(k: 2, initialization: .given([1, 2, 8, 7]))
        var data = x
        let result = try KMeans.fit(&data, options: options, random: &random)
        #expect(result.labels == [0, 0, 1, 1])
        for (got, want) in zip(result.centers, [1.5, 2.5, 8.5, 7.5]) { #expect(abs(got - want) < 1e-12) }
    }

    @Test func seededBlobsAreRecoveredWithAdjustedRandIndexAbove099() throws {
        let (x, truth) = Blobs.make(perCluster: 300, centers: [[0, 0, 0], [10, 10, 0], [-10, 8, 5], [8, -9, -6]], spread: 1.0, seed: 7)
        for algorithm in KMeansAlgorithm.allCases {
            var random = SeededGenerator(seed: 42)
            var options = KMeansOptions(k: 4, nInit: 3)
            options.algorithm = algorithm
            options.batchSize = 256
            var data = x
        let result = try KMeans.fit(&data, options: options, random: &random)
            let ari = AdjustedRand.index(truth, result.labels.map(Int.init))
            #expect(ari >= 0.99, "\(algorithm): ARI \(ari)")
        }
    }

    @Test func sameSeedGivesSameResult() throws {
        let (x, _) = Blobs.make(perCluster: 200, centers: [[0, 0], [3, 3], [6, 0]], spread: 1.5, seed: 3)
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
        var data = x
        let first = try KMeans.fit(&data, options: KMeansOptions(k: 3), random: &a)
        var copy = x
        let second = try KMeans.fit(&copy, options: KMeansOptions(k: 3), random: &b)
        #expect(first.labels == second.labels)
        #expect(first.inertia == second.inertia)
    }

    @Test func kMeansPlusPlusRefusesMoreClustersThanDistinctRows() {
        let x = Matrix(rows: 5, cols: 1, values: [1, 1, 2, 2, 2])
        var random = SeededGenerator(seed: 1)
        #expect(throws: TooFewDistinctRows.self) { try Seeding.kMeansPlusPlus(x, k: 3, random: &random) }
        #expect(Seeding.distinctRows(x, limit: 10) == 2)
    }

    @Test func emptyClusterIsReseededWithTheFarthestPoint() throws {
        // The third centre is far from everything: it gets no points and must take the farthest one.
        let x = Matrix(rows: 5, cols: 1, values: [0, 1, 2, 10, 30])
        var centers = [0.0, 10, 1000]
        let result = try Lloyd.run(x, centers: &centers, maxIterations: 20, tolerance: 0, checkCancellation: {})
        #expect(Set(result.labels).count == 3)
        #expect(result.centers.contains(30))
    }

    @Test func silhouetteMatchesHandComputedValue() throws {
        let x = Matrix(rows: 4, cols: 1, values: [0, 1, 10, 11])
        let scores = try Silhouette.scores(x, labelings: [[0, 0, 1, 1], [0, 1, 1, 1]], ks: [2, 2])
        let expected = (9.5 / 10.5 + 8.5 / 9.5) / 2
        #expect(abs(scores[0] - expected) < 1e-12)
        // Second labeling: row 0 alone (0); row 1: a = 9.5, b = 1 → (1 − 9.5)/9.5; rows 2,3: a = (9+1)/2, (10+1)/2; b = 10, 11.
        let s1 = (1 - 9.5) / 9.5, s2 = (10 - 5) / 10.0, s3 = (11 - 5.5) / 11.0
        #expect(abs(scores[1] - (0 + s1 + s2 + s3) / 4) < 1e-12)
    }

    @Test func kneedleFindsTheElbow() {
        let y: [Double] = [100, 50, 20, 15, 12, 10, 9]
        #expect(Kneedle.elbow(x: (1...7).map(Double.init), y: y) == 2)
        #expect(Kneedle.elbow(x: [1, 2, 3], y: [3, 2, 1]) == nil)
    }

    @Test func quantileMatchesNumpyLinear() {
        let sorted: [Double] = [1, 2, 3, 4, 10]
        #expect(Quantile.linear(sorted: sorted, 0.25) == 2)
        // numpy.percentile([1, 2, 3, 4, 10], 90) prints 7.6000000000000005: the same rounding, bit for bit.
        #expect(Quantile.linear(sorted: sorted, 0.9) == 7.6000000000000005)
        #expect(Quantile.linear(sorted: sorted, 0.5) == 3)
    }

    @Test func scalersRoundTripCentres() {
        let x = Matrix(rows: 4, cols: 2, values: [1, 5, 2, 5, 3, 5, 10, 5])
        for method in ScalingMethod.allCases {
            var scaled = x
            let (scaler, constant) = FeatureScaler.fit(method, to: x)
            #expect(constant == [1])
            scaler.transform(&scaled)
            let back = scaler.inverse(scaled.values)
            for (a, b) in zip(back, x.values) { #expect(abs(a - b) < 1e-9, "\(method)") }
        }
        var standard = x
        FeatureScaler.fit(.standard, to: x).scaler.transform(&standard)
        let column = stride(from: 0, to: 8, by: 2).map { standard.values[$0] }
        #expect(abs(column.reduce(0, +)) < 1e-12)
        #expect(abs(column.map { $0 * $0 }.reduce(0, +) / 4 - 1) < 1e-12)
    }
}

/// Gaussian blobs with known labels.
enum Blobs {
    static func make(perCluster: Int, centers: [[Double]], spread: Double, seed: UInt64) -> (Matrix, [Int]) {
        var random = SeededGenerator(seed: seed)
        var values = [Double](), labels = [Int]()
        for round in 0..<perCluster {
            for (label, center) in centers.enumerated() {
                _ = round
                values += center.map { $0 + spread * random.nextGaussian() }
                labels.append(label)
            }
        }
        return (Matrix(rows: labels.count, cols: centers[0].count, values: values), labels)
    }
}

/// Adjusted Rand index (Hubert & Arabie 1985), computed from the contingency table.
enum AdjustedRand {
    static func index(_ a: [Int], _ b: [Int]) -> Double {
        func pairs(_ n: Int) -> Double { Double(n) * Double(n - 1) / 2 }
        var table = [[Int]: Int](), rows = [Int: Int](), cols = [Int: Int]()
        for (x, y) in zip(a, b) {
            table[[x, y], default: 0] += 1
            rows[x, default: 0] += 1
            cols[y, default: 0] += 1
        }
        let index = table.values.reduce(0) { $0 + pairs($1) }
        let rowSum = rows.values.reduce(0) { $0 + pairs($1) }, colSum = cols.values.reduce(0) { $0 + pairs($1) }
        let expected = rowSum * colSum / pairs(a.count)
        let maximum = (rowSum + colSum) / 2
        return (index - expected) / (maximum - expected)
    }
}
