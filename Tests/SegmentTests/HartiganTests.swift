import OpsKit
import OpsKitTesting
import Testing

@testable import Segment

@Suite struct HartiganTests {
    /// Rows 0, 4 and 7 with centres 2 and 7: Lloyd is stuck at clusters {0, 4} and {7}
    /// (4 is nearer 2 than 7: 4 < 9), inertia 2² + 2² = 8. Moving 4 to the other cluster
    /// changes the inertia by 1/2·3² − 2/1·2² = 4.5 − 8 = −3.5: clusters {0} and {4, 7},
    /// centres 0 and 5.5, inertia 1.5² + 1.5² = 4.5. From there no row can move: 0 is alone,
    /// and for 4 or 7 leaving costs 2·1.5² = 4.5 while joining 0 costs 1/2·4² = 8 or 1/2·7².
    static let stuck = Matrix(rows: 3, cols: 1, values: [0, 4, 7])

    @Test func lloydIsStuckAndOneMoveReachesTheHandComputedOptimum() throws {
        var centers = [2.0, 7]
        var result = try Lloyd.run(Self.stuck, centers: &centers, maxIterations: 10, tolerance: 0, checkCancellation: {})
        #expect(result.labels == [0, 0, 1])
        #expect(result.inertia == 8)
        let outcome = try Hartigan.refine(Self.stuck, result: &result, maxSweeps: 10, checkCancellation: {})
        #expect(outcome == Hartigan.Outcome(moves: 1, sweeps: 2))
        #expect(result.labels == [0, 1, 1])
        #expect(result.centers == [0, 5.5])
        #expect(result.inertia == 4.5)
    }

    @Test func fitWithGivenCentresRefinesOnlyWhenAsked() throws {
        for (refinement, inertia) in [(KMeansRefinement.none, 8.0), (.hartigan, 4.5)] {
            var options = KMeansOptions(k: 2, initialization: .given([2, 7]))
            options.refinement = refinement
            var data = Self.stuck, random = SeededGenerator(seed: 1)
            let result = try KMeans.fit(&data, options: options, random: &random)
            #expect(abs(result.inertia - inertia) < 1e-12, "\(refinement): \(result.inertia)")
        }
    }

    @Test func maxSweepsBoundsTheWork() throws {
        var centers = [2.0, 7]
        var result = try Lloyd.run(Self.stuck, centers: &centers, maxIterations: 10, tolerance: 0, checkCancellation: {})
        let outcome = try Hartigan.refine(Self.stuck, result: &result, maxSweeps: 1, checkCancellation: {})
        #expect(outcome == Hartigan.Outcome(moves: 1, sweeps: 1))
        #expect(result.inertia == 4.5)
    }

    /// Overlapping blobs, many k and seeds: the refined inertia is never above Lloyd's, the
    /// refined centres are the means of the refined labels, and the result is still a Lloyd
    /// fixed point (a Lloyd pass from it moves no row). Some runs must improve, or the
    /// refinement did nothing.
    @Test func neverRaisesInertiaAndEndsAtALloydFixedPoint() throws {
        let (x, _) = Blobs.make(
            perCluster: 60, centers: [[0, 0], [3, 1], [1, 3], [4, 4], [6, 0], [2, 6]], spread: 1.6, seed: 11)
        var improved = 0
        for k in [3, 5, 8, 12] {
            for seed in UInt64(0)..<6 {
                var random = SeededGenerator(seed: seed)
                var centers = try Seeding.kMeansPlusPlus(x, k: k, random: &random)
                let lloyd = try Lloyd.run(x, centers: &centers, maxIterations: 300, tolerance: 0, checkCancellation: {})
                var refined = lloyd
                let outcome = try Hartigan.refine(x, result: &refined, maxSweeps: 300, checkCancellation: {})
                #expect(refined.inertia <= lloyd.inertia * (1 + 1e-12), "k=\(k) seed \(seed)")
                if refined.inertia < lloyd.inertia * (1 - 1e-9) { improved += 1 }
                #expect((outcome.moves > 0) == (refined.labels != lloyd.labels))
                var again = refined.centers
                let check = try Lloyd.run(x, centers: &again, maxIterations: 1, tolerance: 0, checkCancellation: {})
                #expect(check.labels == refined.labels, "k=\(k) seed \(seed): not a Lloyd fixed point")
                for j in 0..<k {
                    let rows = refined.labels.indices.filter { refined.labels[$0] == Int32(j) }
                    for f in 0..<2 {
                        let mean = rows.map { x.values[$0 * 2 + f] }.reduce(0, +) / Double(rows.count)
                        #expect(abs(refined.centers[j * 2 + f] - mean) < 1e-9)
                    }
                }
            }
        }
        #expect(improved > 0)
    }

    /// The refinement draws no random numbers, so with the same seed every run starts from
    /// the same centres: best of n with refinement is never above best of n without.
    @Test func bestOfRunsWithRefinementIsNeverWorseAndIsDeterministic() throws {
        let (x, _) = Blobs.make(perCluster: 80, centers: [[0, 0, 0], [2, 2, 0], [0, 2, 2], [2, 0, 2]], spread: 1.2, seed: 4)
        for seed in UInt64(0)..<8 {
            var plain = KMeansOptions(k: 6, nInit: 4)
            plain.refinement = .none
            var refined = plain
            refined.refinement = .hartigan
            // Fresh copies: a fit restores its input only up to rounding.
            var (p, q, r) = (x, x, x)
            var a = SeededGenerator(seed: seed), b = SeededGenerator(seed: seed), c = SeededGenerator(seed: seed)
            let lloyd = try KMeans.fit(&p, options: plain, random: &a)
            let first = try KMeans.fit(&q, options: refined, random: &b)
            let second = try KMeans.fit(&r, options: refined, random: &c)
            #expect(first.inertia <= lloyd.inertia * (1 + 1e-12), "seed \(seed)")
            #expect(first.labels == second.labels && first.inertia == second.inertia && first.centers == second.centers)
        }
    }

    @Test func automaticRefinementDependsOnRows() {
        #expect(KMeans.automaticRefinement(rows: 440) == .hartigan)
        #expect(KMeans.automaticRefinement(rows: KMeans.refinementRowLimit) == .hartigan)
        #expect(KMeans.automaticRefinement(rows: KMeans.refinementRowLimit + 1) == .none)
    }

    @Test func refineOptionOfTheCommand() throws {
        let points = try Dataset(columns: [Column(name: "v", doubles: [0, 4, 7])])
        let start = try Dataset(columns: [Column(name: "v", doubles: [2, 7])])
        let harness = PluginHarness(SegmentPlugin.self, ["p": points, "start": start])
        let base = ["p", "--features", "v", "--scale", "none", "--init", "start"]
        let lloyd = try harness.run(KMeansCommand.self, base + ["--refine", "none"])
        #expect(lloyd.contains("inertia 8.0000"))
        for choice in [["--refine", "hartigan"], []] {
            let output = try harness.run(KMeansCommand.self, base + choice)
            #expect(output.contains("inertia 4.5000"), "\(choice): \(output)")
        }
        #expect(throws: (any Error).self) { try harness.run(KMeansCommand.self, base + ["--refine", "sometimes"]) }
    }

    @Test func sameSeedSameRefinedClustersFromTheCommand() throws {
        let harness = PluginHarness(SegmentPlugin.self, ["users": try KMeansCommandTests.users()])
        let arguments = ["users", "--features", KMeansCommandTests.features, "--k", "7", "--refine", "hartigan", "--seed", "3"]
        try harness.run(KMeansCommand.self, arguments + ["--as", "a"])
        try harness.run(KMeansCommand.self, arguments + ["--as", "b"])
        #expect(try harness.dataset("a").column("cluster") == harness.dataset("b").column("cluster"))
    }
}
