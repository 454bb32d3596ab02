/// Quantile scores as pandas' `qcut(values, bins)` assigns them: edges at the
/// linear-interpolated quantiles 0, 1/bins, ..., 1; a value gets the bin whose
/// interval (e_i, e_i+1] holds it (the lowest bin includes its left edge).
enum QuantileScore {
    /// Bin index 0..<bins of every value.
    static func bins(_ values: [Double], bins: Int) -> [Int] {
        let sorted = values.sorted()
        let step = 1.0 / Double(bins)
        let edges = (1..<bins).map { Quantile.linear(sorted: sorted, Double($0) * step) }
        return values.map { value in edges.reduce(0) { $0 + (value > $1 ? 1 : 0) } }
    }

    /// 1-based ranks with ties broken by position (pandas' `rank(method="first")`).
    static func ranksFirst(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var ranks = [Double](repeating: 0, count: values.count)
        for (rank, index) in order.enumerated() { ranks[index] = Double(rank + 1) }
        return ranks
    }
}

/// Per-customer recency, frequency and monetary values and their scores.
struct RFMTable {
    var recency: [Int64]
    var frequency: [Int64]
    var monetary: [Double]
    var r: [Int], f: [Int], m: [Int]

    /// Scores: recency reversed (recent = high), frequency on first-ranks (ties by customer order), monetary direct.
    init(recency: [Int64], frequency: [Int64], monetary: [Double], bins: Int) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
        r = QuantileScore.bins(recency.map(Double.init), bins: bins).map { bins - $0 }
        f = QuantileScore.bins(QuantileScore.ranksFirst(frequency.map(Double.init)), bins: bins).map { $0 + 1 }
        m = QuantileScore.bins(monetary, bins: bins).map { $0 + 1 }
    }
}
