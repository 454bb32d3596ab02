/// Clarke–Wright savings construction (parallel version).
///
/// Start with one route per customer; for pairs in order of decreasing saving
/// `s(i, j) = d(0, i) + d(0, j) − d(i, j)`, join the two routes when `i` and
/// `j` end them, the joined load fits and the joined route keeps its time windows.
enum Savings {
    static func construct(_ space: SearchSpace) -> [[Int]] {
        let n = space.customers
        guard n > 0 else { return [] }
        var pairs: [(saving: Double, i: Int32, j: Int32)] = []
        pairs.reserveCapacity(n * (n - 1) / 2)
        for i in 1...n {
            for j in stride(from: i + 1, through: n, by: 1) {
                let s = space.d(0, i) + space.d(0, j) - space.d(i, j)
                if s > 0 { pairs.append((s, Int32(i), Int32(j))) }
            }
        }
        pairs.sort { ($0.saving, $1.i, $1.j) > ($1.saving, $0.i, $0.j) }
        var routes: [[Int]] = (0...n).map { $0 == 0 ? [] : [$0] }
        var owner = Array(0...n)
        var load = (0...n).map { space.demand[$0] }
        for pair in pairs {
            let i = Int(pair.i), j = Int(pair.j)
            let a = owner[i], b = owner[j]
            guard a != b, load[a] + load[b] <= space.capacity + 1e-9 else { continue }
            guard let merged = join(routes[a], routes[b], i, j, space) else { continue }
            routes[a] = merged
            routes[b] = []
            load[a] += load[b]
            for c in merged { owner[c] = a }
        }
        return routes.filter { !$0.isEmpty }
    }

    /// Joins two routes so that `i` and `j` become adjacent, when both are route ends.
    private static func join(_ ra: [Int], _ rb: [Int], _ i: Int, _ j: Int, _ space: SearchSpace) -> [Int]? {
        var candidates: [[Int]] = []
        if ra.last == i && rb.first == j { candidates.append(ra + rb) }
        if rb.last == j && ra.first == i { candidates.append(rb + ra) }
        if !space.hasTimeWindows {
            if ra.last == i && rb.last == j { candidates.append(ra + rb.reversed()) }
            if ra.first == i && rb.first == j { candidates.append(ra.reversed() + rb) }
        }
        return candidates.first { feasibleInTime($0, space) }
    }

    static func feasibleInTime(_ route: [Int], _ space: SearchSpace) -> Bool {
        guard space.hasTimeWindows else { return true }
        var time = space.ready[0], node = 0
        for c in route + [0] {
            time = max(space.ready[c], time + space.service[node] + space.d(node, c))
            if time > space.due[c] + 1e-9 { return false }
            node = c
        }
        return true
    }
}
