import OpsKit

/// Per-cluster statistics in the features' original units: size, share, mean
/// of each feature and its deviation from the overall mean in standard deviations.
struct ClusterProfile {
    var names: [String]
    var sizes: [Int]
    /// k × d, row-major.
    var means: [Double]
    /// k × d: (cluster mean − overall mean) / overall standard deviation (0 for a constant feature).
    var deviations: [Double]
    var labels: [String]

    var k: Int { sizes.count }
    var total: Int { sizes.reduce(0, +) }

    /// Computes the profile of scaled rows `x` (inverse-transformed to original units on the fly).
    init(scaled x: Matrix, labels clusters: [Int32], k: Int, scaler: FeatureScaler, names: [String], dateFeatures: Set<Int>) {
        let d = x.cols
        self.names = names
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        var overall = [Double](repeating: 0, count: d)
        var squares = [Double](repeating: 0, count: d)
        for i in 0..<x.rows {
            let c = Int(clusters[i])
            counts[c] += 1
            for f in 0..<d {
                let raw = scaler.inverse(x.values[i * d + f], feature: f)
                sums[c * d + f] += raw
                overall[f] += raw
                squares[f] += raw * raw
            }
        }
        let n = Double(max(1, x.rows))
        let mean = overall.map { $0 / n }
        let deviation = (0..<d).map { f in max(0, squares[f] / n - mean[f] * mean[f]).squareRoot() }
        sizes = counts
        let clusterMeans = (0..<(k * d)).map { counts[$0 / d] > 0 ? sums[$0] / Double(counts[$0 / d]) : .nan }
        let profileDeviations = (0..<(k * d)).map { t in
            let f = t % d
            return deviation[f] > 1e-12 * max(1, abs(mean[f])) ? (clusterMeans[t] - mean[f]) / deviation[f] : 0
        }
        means = clusterMeans
        deviations = profileDeviations
        self.labels = (0..<k).map { c in
            ClusterLabel.make(names: names, deviations: Array(profileDeviations[c * d..<(c + 1) * d]), dateFeatures: dateFeatures)
        }
    }

    /// The profile as printed: cluster, label, size, share, then `mean (+z σ)` per feature.
    func table() -> (headers: [String], rows: [[String]], alignments: [TableRenderer.Alignment]) {
        let d = names.count
        let rows = (0..<k).map { c -> [String] in
            var cells = [String(c + 1), labels[c], String(sizes[c]), Format.percent(Double(sizes[c]) / Double(max(1, total)))]
            for f in 0..<d {
                cells.append(Format.number(means[c * d + f]) + " (" + Format.signed(deviations[c * d + f]) + "σ)")
            }
            return cells
        }
        let alignments: [TableRenderer.Alignment] = [.right, .left, .right, .right] + Array(repeating: .right, count: d)
        return (Text.profileHeaders + names, rows, alignments)
    }
}

/// A readable label from a cluster's strongest deviations (|z| ≥ 0.5, at most two),
/// such as `高消费 · 高频` or `high spend · frequent`, in the interface language
/// (whatever the script of the column names).
enum ClusterLabel {
    static let threshold = 0.5
    static let maximumParts = 2

    static func make(names: [String], deviations: [Double], dateFeatures: Set<Int>, language: Language = .current) -> String {
        let chinese = language == .zh
        let strongest = deviations.indices
            .filter { abs(deviations[$0]) >= threshold }
            .sorted { abs(deviations[$0]) != abs(deviations[$1]) ? abs(deviations[$0]) > abs(deviations[$1]) : $0 < $1 }
            .prefix(maximumParts)
        if strongest.isEmpty { return Text.averageLabel(chinese: chinese) }
        return strongest.map { f in
            phrase(name: names[f], high: deviations[f] > 0, isDate: dateFeatures.contains(f), chinese: chinese)
        }.joined(separator: Text.labelSeparator)
    }

    static func phrase(name: String, high: Bool, isDate: Bool, chinese: Bool) -> String {
        if isDate {
            let words = high ? Text.recentDate.high : Text.recentDate.low
            return chinese ? words.zh : words.en
        }
        let lowered = name.lowercased()
        if let concept = Text.concepts.first(where: { $0.keywords.contains { lowered.contains($0) } }) {
            let words = high ? concept.high : concept.low
            return chinese ? words.zh : words.en
        }
        return high ? Text.genericHigh(name, chinese: chinese) : Text.genericLow(name, chinese: chinese)
    }
}

/// Number formats for profile and summary tables.
enum Format {
    static func number(_ value: Double) -> String {
        ValueFormat.fixed(value, digits: abs(value) >= 100 ? 1 : 2)
    }
    static func signed(_ value: Double) -> String {
        let text = ValueFormat.fixed(value, digits: 1)
        return text.hasPrefix("-") ? text : "+" + text
    }
    static func percent(_ share: Double) -> String { ValueFormat.fixed(share * 100, digits: 1) + "%" }
}
