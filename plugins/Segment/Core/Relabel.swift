/// Renumbers clusters by decreasing size (ties by the old index), so that
/// cluster 1 is always the largest and results read the same run to run.
enum Relabel {
    /// Returns the new index (0-based) of every old cluster index.
    static func bySize(labels: [Int32], k: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: k)
        for label in labels { counts[Int(label)] += 1 }
        let order = (0..<k).sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        var mapping = [Int](repeating: 0, count: k)
        for (new, old) in order.enumerated() { mapping[old] = new }
        return mapping
    }

    static func apply(_ mapping: [Int], to result: inout KMeansResult, cols: Int) {
        let k = mapping.count
        var centers = result.centers
        for old in 0..<k {
            for f in 0..<cols { centers[mapping[old] * cols + f] = result.centers[old * cols + f] }
        }
        result.centers = centers
        for i in result.labels.indices { result.labels[i] = Int32(mapping[Int(result.labels[i])]) }
    }
}
