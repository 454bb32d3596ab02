/// Percentile bootstrap of a mean: resample the values with replacement and
/// read the interval off the sorted resampled means. Seeded, so the same data
/// and seed give the same interval.
public enum Bootstrap {
    /// The `level` (e.g. 0.95) percentile interval of the mean of `values`.
    /// Paired comparisons pass per-unit differences.
    public static func meanInterval(
        _ values: [Double], resamples: Int = 1000, level: Double = 0.95, seed: UInt64
    ) -> (low: Double, high: Double) {
        guard !values.isEmpty else { return (.nan, .nan) }
        var random = SeededGenerator(seed: seed)
        var means = [Double](repeating: 0, count: resamples)
        let n = values.count
        for r in 0..<resamples {
            var sum = 0.0
            for _ in 0..<n { sum += values[random.nextIndex(n)] }
            means[r] = sum / Double(n)
        }
        means.sort()
        let tail = (1 - level) / 2
        func at(_ q: Double) -> Double { means[min(resamples - 1, max(0, Int((q * Double(resamples)).rounded(.down))))] }
        return (at(tail), at(1 - tail))
    }
}
