import OpsKit
import OpsKitTesting
import Testing

@testable import Segment

/// K-Means quality against scikit-learn on the UCI Wholesale customers data.
@Suite struct WholesaleQualityTests {
    static let file = "segment/wholesale_customers.csv"
    static let features = "Fresh,Milk,Grocery,Frozen,Detergents_Paper,Delicassen"

    /// scikit-learn's `KMeans(n_init=10, random_state=s).inertia_` on the standardised six spend
    /// columns for k = 2...10, median and minimum over seeds s = 0..<20 (scikit-learn 1.x, via
    /// `scripts/bench/segment`). Its best-of-10 inertia itself moves by up to 3.5% from seed to seed,
    /// so the comparison is between the two distributions, not between two lucky draws.
    static let sklearnMedian: [Double] = [
        1954.6477611552878, 1619.952782172457, 1317.8973573404487, 1058.7712532570085, 918.8579090077686,
        827.786964946342, 745.727237106297, 664.5442583187651, 607.546332758532,
    ]
    static let sklearnBest: [Double] = [
        1954.0281267831024, 1604.0162997180878, 1312.5246032068285, 1058.7551718327209, 915.7226644946177,
        822.1869201033569, 736.9651344642716, 659.1982867640941, 594.954756295029,
    ]

    /// With the default refinement (Hartigan's moves after each run at this size), the median over
    /// our 20 seeds is at or below scikit-learn's at every k (issue 16's target; Lloyd alone was above
    /// it at k = 4, 7, 9 and 10 by up to 0.7%).
    @Test(.enabled(if: SharedData.exists(file), "shared data ../shared/data/segment is absent"))
    func bestOfTenInertiaMatchesScikitLearnAndSilhouettePicksTheSameK() throws {
        let types = Dictionary(uniqueKeysWithValues: Self.features.split(separator: ",").map { (String($0), ColumnType.double) })
        let data = try CSVFixture.dataset(SharedData.url(Self.file), only: types)
        let harness = PluginHarness(SegmentPlugin.self, ["wholesale": data])
        let output = try harness.run(KMeansCommand.self, ["wholesale", "--features", Self.features, "--k", "auto", "--k-range", "2-10"])
        #expect(output.contains("silhouette: K = 2"))
        let table = try FeatureTable(dataset: data, columns: data.columns, missing: .drop)
        var x = table.matrix
        FeatureScaler.fit(.standard, to: x).scaler.transform(&x)
        for k in 2...10 {
            var inertias = [Double]()
            for seed in 0..<20 {
                var random = SeededGenerator(seed: UInt64(seed))
                var options = KMeansOptions(k: k)
                options.refinement = KMeans.automaticRefinement(rows: x.rows)
                inertias.append(try KMeans.fit(&x, options: options, random: &random).inertia)
            }
            inertias.sort()
            let median = (inertias[9] + inertias[10]) / 2
            #expect(median <= Self.sklearnMedian[k - 2], "k=\(k): median \(median) vs scikit-learn \(Self.sklearnMedian[k - 2])")
            #expect(inertias[0] <= Self.sklearnBest[k - 2] * 1.01, "k=\(k): best \(inertias[0]) vs scikit-learn \(Self.sklearnBest[k - 2])")
        }
    }
}
