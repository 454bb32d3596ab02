import CKMeans
import OpsKit
import Testing

@testable import Segment

/// The C distance kernel: every vector width gives the labels, sums and counts
/// of a plain scalar evaluation of the same score, on awkward shapes (tails of
/// tiles, k not a multiple of the centre block, ties).
@Suite("K-Means distance kernel")
struct DistanceKernelTests {
    /// The scalar reference: argmin over j of ‖c_j‖² + Σ_f (−2c_jf)·x_f, in feature order, first on ties.
    static func reference(_ x: Matrix, _ centers: [Double], k: Int) -> [Int32] {
        let d = x.cols
        return (0..<x.rows).map { i in
            var best = Double.infinity, label: Int32 = 0
            for j in 0..<k {
                var norm = 0.0
                for f in 0..<d { norm += centers[j * d + f] * centers[j * d + f] }
                var score = norm
                for f in 0..<d { score += (-2 * centers[j * d + f]) * x.values[i * d + f] }
                if score < best { best = score; label = Int32(j) }
            }
            return label
        }
    }

    static func random(rows: Int, cols: Int, seed: UInt64, integers: Bool = false) -> Matrix {
        var random = SeededGenerator(seed: seed)
        let values = (0..<(rows * cols)).map { _ in integers ? Double(random.nextIndex(3)) : random.nextUnit() * 10 - 5 }
        return Matrix(rows: rows, cols: cols, values: values)
    }

    @Test(arguments: zip([1, 3, 8, 13, 32, 5], [1, 2, 8, 5, 32, 13]))
    func everyWidthMatchesTheScalarReference(d: Int, k: Int) {
        let x = Self.random(rows: 9_000 + d, cols: d, seed: UInt64(d * 100 + k))
        let centers = Self.random(rows: k, cols: d, seed: UInt64(k)).values
        let expected = Self.reference(x, centers, k: k)
        var results: [[Int32]] = []
        var sums: [[Double]] = []
        for width in [2, 4, 8] {
            ckm_limit_width(Int32(width))
            var labels = [Int32](repeating: -1, count: x.rows)
            let pass = LloydKernel(x: x, k: k).assign(centers: centers, labels: &labels, accumulate: true)
            #expect(pass.changed == x.rows)
            #expect(pass.counts.reduce(0, +) == Double(x.rows))
            results.append(labels)
            sums.append(pass.sums)
        }
        ckm_limit_width(0)
        for labels in results { #expect(labels == expected) }
        #expect(sums.allSatisfy { $0 == sums[0] })
    }

    @Test func tiesGoToTheFirstCentreAtEveryWidth() {
        let x = Self.random(rows: 1_000, cols: 2, seed: 9, integers: true)
        let centers: [Double] = [1, 1, 1, 1, 0, 2, 0, 2]
        for width in [2, 4, 8] {
            ckm_limit_width(Int32(width))
            var labels = [Int32](repeating: 0, count: x.rows)
            let pass = LloydKernel(x: x, k: 4).assign(centers: centers, labels: &labels, accumulate: false)
            #expect(labels == Self.reference(x, centers, k: 4))
            #expect(!labels.contains(1) && !labels.contains(3))
            #expect(pass.changed == labels.filter { $0 != 0 }.count)
        }
        ckm_limit_width(0)
    }

    @Test func theMachineWidthIsOneOfTheThree() {
        #expect([2, 4, 8].contains(ckm_vector_width()))
    }
}

/// Hamerly's bounds change the work per pass, never the result: the same
/// iterations, labels and centres as plain Lloyd passes from the same start.
@Suite("Hamerly bounds")
struct HamerlyBoundsTests {
    static func blobs(rows: Int, cols: Int, centres: Int, seed: UInt64) -> Matrix {
        var random = SeededGenerator(seed: seed)
        let means = (0..<(centres * cols)).map { _ in random.nextUnit() * 20 }
        var values: [Double] = []
        for i in 0..<rows {
            let c = i % centres
            for f in 0..<cols { values.append(means[c * cols + f] + (random.nextUnit() + random.nextUnit() - 1) * 3) }
        }
        return Matrix(rows: rows, cols: cols, values: values)
    }

    @Test(arguments: zip([5, 16, 3], [20, 24, 40]))
    func boundsGiveTheResultOfPlainPasses(d: Int, k: Int) throws {
        let x = Self.blobs(rows: 20_000, cols: d, centres: k, seed: UInt64(d + k))
        let start = Array(x.values[0..<(k * d)].reversed())
        var plainCenters = start, boundedCenters = start
        let plain = try Lloyd.run(x, centers: &plainCenters, maxIterations: 60, tolerance: 0, bounds: false, checkCancellation: {})
        let bounded = try Lloyd.run(x, centers: &boundedCenters, maxIterations: 60, tolerance: 0, bounds: true, checkCancellation: {})
        #expect(bounded.iterations == plain.iterations)
        #expect(bounded.labels == plain.labels)
        #expect(bounded.centers == plain.centers)
        #expect(abs(bounded.inertia - plain.inertia) <= 1e-9 * plain.inertia)
    }
}
