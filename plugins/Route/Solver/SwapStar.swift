import Foundation

/// SWAP* (Vidal, 2022): exchange a customer `u` of one route with a customer
/// `v` of another, each inserted at its best position in the other route
/// rather than in the place of the other. The three cheapest insertion
/// positions of every customer into the other route are cached, so each pair
/// is evaluated in O(1). Only routes whose polar sectors around the depot
/// overlap are paired.
final class SwapStar {
    let space: SearchSpace
    private let angle: [Int]
    /// Per customer: its three cheapest insertion costs into the other route and the node they follow.
    private let bestCost: UnsafeMutablePointer<Double>
    private let bestAfter: UnsafeMutablePointer<Int32>
    private let removal: UnsafeMutablePointer<Double>
    private var sectorStart: [Int]
    private var sectorEnd: [Int]

    init(space: SearchSpace) {
        self.space = space
        let inst = space.instance
        angle = (0..<space.size).map { i in
            let a = atan2(inst.y[i] - inst.y[0], inst.x[i] - inst.x[0])
            return Int(32768 * a / Double.pi) & 65535
        }
        bestCost = .allocate(capacity: 3 * (space.customers + 1))
        bestAfter = .allocate(capacity: 3 * (space.customers + 1))
        removal = .allocate(capacity: space.customers + 1)
        sectorStart = Array(repeating: 0, count: space.routeSlots)
        sectorEnd = Array(repeating: 0, count: space.routeSlots)
    }

    deinit {
        bestCost.deallocate()
        bestAfter.deallocate()
        removal.deallocate()
    }

    /// Applies every improving SWAP* found over overlapping route pairs; true if any.
    func run(_ s: RouteState, search: LocalSearch) -> Bool {
        var improvedAny = false
        for r in 0..<space.routeSlots where s.routeSize[r] > 0 { computeSector(s, r) }
        for r1 in 0..<space.routeSlots where s.routeSize[r1] > 0 {
            for r2 in (r1 + 1)..<max(r1 + 1, space.routeSlots) where s.routeSize[r2] > 0 && s.routeSize[r1] > 0 {
                guard overlap(r1, r2) else { continue }
                if improve(s, r1, r2, search: search) {
                    improvedAny = true
                    computeSector(s, r1)
                    computeSector(s, r2)
                }
            }
        }
        return improvedAny
    }

    private func improve(_ s: RouteState, _ r1: Int, _ r2: Int, search: LocalSearch) -> Bool {
        prepare(s, from: r1, into: r2)
        prepare(s, from: r2, into: r1)
        let capacity = space.capacity + 1e-9
        var best = -1e-9, bestU = -1, bestV = -1, afterU = -1, afterV = -1
        var u = Int(s.next[s.startOf(r1)])
        while u != s.endOf(r1) {
            let qu = space.demand[u]
            var v = Int(s.next[s.startOf(r2)])
            while v != s.endOf(r2) {
                let qv = space.demand[v]
                if s.routeLoad[r1] - qu + qv <= capacity && s.routeLoad[r2] - qv + qu <= capacity {
                    let (costU, atU) = insertion(s, u, without: v)
                    let (costV, atV) = insertion(s, v, without: u)
                    let delta = removal[u] + removal[v] + costU + costV
                    if delta < best {
                        best = delta
                        bestU = u; bestV = v; afterU = atU; afterV = atV
                    }
                }
                v = Int(s.next[v])
            }
            u = Int(s.next[u])
        }
        guard bestU >= 0 else { return false }
        let (u0, v0, au, av) = (bestU, bestV, afterU, afterV)
        return search.commit(s, r1, r2, best) {
            s.unlink(u0)
            s.unlink(v0)
            s.link(u0, after: au)
            s.link(v0, after: av)
        }
    }

    /// Caches removal gains of `from`'s customers and their three cheapest insertions into `into`.
    private func prepare(_ s: RouteState, from: Int, into: Int) {
        var u = Int(s.next[s.startOf(from)])
        while u != s.endOf(from) {
            let p = Int(s.prev[u]), x = Int(s.next[u])
            removal[u] = space.d(p, x) - space.d(p, u) - space.d(u, x)
            let base = 3 * u
            for k in 0..<3 {
                bestCost[base + k] = .infinity
                bestAfter[base + k] = -1
            }
            var a = s.startOf(into)
            while a != s.endOf(into) {
                let b = Int(s.next[a])
                let cost = space.d(a, u) + space.d(u, b) - space.d(a, b)
                if cost < bestCost[base + 2] {
                    var k = 2
                    while k > 0 && cost < bestCost[base + k - 1] {
                        bestCost[base + k] = bestCost[base + k - 1]
                        bestAfter[base + k] = bestAfter[base + k - 1]
                        k -= 1
                    }
                    bestCost[base + k] = cost
                    bestAfter[base + k] = Int32(a)
                }
                a = b
            }
            u = x
        }
    }

    /// The cheapest insertion of `u` into the route of `v` once `v` has left it.
    @inline(__always) private func insertion(_ s: RouteState, _ u: Int, without v: Int) -> (Double, Int) {
        let pv = Int(s.prev[v]), xv = Int(s.next[v])
        var cost = space.d(pv, u) + space.d(u, xv) - space.d(pv, xv), after = pv
        let base = 3 * u
        for k in 0..<3 {
            let a = Int(bestAfter[base + k])
            if a < 0 { break }
            if a == v || a == pv { continue }
            if bestCost[base + k] < cost {
                cost = bestCost[base + k]
                after = a
            }
            break
        }
        return (cost, after)
    }

    // MARK: Polar sectors

    private func computeSector(_ s: RouteState, _ r: Int) {
        var node = Int(s.next[s.startOf(r)])
        var start = angle[Int(space.location[node])], end = start
        node = Int(s.next[node])
        while node != s.endOf(r) {
            let a = angle[Int(space.location[node])]
            if !contains(start, end, a) {
                if (start - a) & 65535 <= (a - end) & 65535 { start = a } else { end = a }
            }
            node = Int(s.next[node])
        }
        sectorStart[r] = start
        sectorEnd[r] = end
    }

    @inline(__always) private func contains(_ start: Int, _ end: Int, _ a: Int) -> Bool {
        (a - start) & 65535 <= (end - start) & 65535
    }

    private func overlap(_ r1: Int, _ r2: Int) -> Bool {
        contains(sectorStart[r1], sectorEnd[r1], sectorStart[r2]) || contains(sectorStart[r2], sectorEnd[r2], sectorStart[r1])
    }
}
