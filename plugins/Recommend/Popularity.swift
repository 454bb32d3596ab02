import OpsKit

/// Items ranked by how many distinct users interacted with them (ties: id order).
struct Popularity {
    /// Distinct users per item.
    let buyers: [Int]
    /// Items with at least one user, most popular first.
    let order: [Int32]
    /// Each item's position in `order` (items nobody has: after all others).
    let rank: [Int32]

    init(train: SparseMatrix, itemIDs: [String]) {
        var buyers = [Int](repeating: 0, count: train.columnCount)
        for c in train.columns { buyers[Int(c)] += 1 }
        self.buyers = buyers
        self.order = (0..<Int32(train.columnCount)).filter { buyers[Int($0)] > 0 }.sorted { a, b in
            let ba = buyers[Int(a)], bb = buyers[Int(b)]
            if ba != bb { return ba > bb }
            return itemIDs[Int(a)].unicodeScalars.lexicographicallyPrecedes(itemIDs[Int(b)].unicodeScalars)
        }
        var rank = [Int32](repeating: Int32(train.columnCount), count: train.columnCount)
        for (position, item) in order.enumerated() { rank[Int(item)] = Int32(position) }
        self.rank = rank
    }

    /// The most popular items not in `excluded`, at most `k`.
    func top(_ k: Int, excluding excluded: Set<Int32>) -> [Int32] {
        var out: [Int32] = []
        for item in order where !excluded.contains(item) {
            out.append(item)
            if out.count == k { break }
        }
        return out
    }
}
