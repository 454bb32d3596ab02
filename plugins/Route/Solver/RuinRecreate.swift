import OpsKit

/// Slack Induction by String Removals (Christiaens & Vanden Berghe, 2020):
/// remove a few strings of consecutive customers from routes near a random
/// seed customer, then reinsert the removed customers one by one at their
/// cheapest feasible position, skipping each position with a small "blink"
/// probability. Insertions are looked up next to each customer's nearest
/// neighbours first (granular), then in every route.
final class RuinRecreate {
    let space: SearchSpace
    /// Average number of removed customers (c̄) and the longest string (L_max).
    var averageRemoved = 10.0
    var maxStringLength = 10.0
    var blinkRate = 0.01
    /// How many nearest neighbours are tried as insertion anchors.
    var insertionNeighbours = 40
    private let removed: UnsafeMutablePointer<Int32>
    private var removedCount = 0
    private let keys: UnsafeMutablePointer<Double>
    private let ruinedRoute: UnsafeMutablePointer<Bool>
    private let touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0

    init(space: SearchSpace) {
        self.space = space
        removed = .allocate(capacity: space.customers + 1)
        keys = .allocate(capacity: space.customers + 1)
        ruinedRoute = .allocate(capacity: space.routeSlots)
        ruinedRoute.initialize(repeating: false, count: space.routeSlots)
        touched = .allocate(capacity: space.routeSlots)
    }

    deinit {
        removed.deallocate()
        keys.deallocate()
        ruinedRoute.deallocate()
        touched.deallocate()
    }

    /// Ruins and recreates `s` in place. Returns false when a ruined route broke
    /// its time windows (possible only when distances break the triangle
    /// inequality); the caller then discards `s`.
    func apply(_ s: RouteState, rng: inout SeededGenerator) -> Bool {
        guard space.customers > 0 else { return true }
        removedCount = 0
        ruin(s, rng: &rng)
        var ok = true
        for t in 0..<touchedCount {
            let r = Int(touched[t])
            ruinedRoute[r] = false
            if !space.refresh(s, route: r) { ok = false }
        }
        touchedCount = 0
        guard ok else { return false }
        for k in 0..<s.unassignedCount {
            removed[removedCount] = s.unassigned[k]
            removedCount += 1
        }
        s.unassignedCount = 0
        recreate(s, rng: &rng)
        return true
    }

    // MARK: Ruin

    private func ruin(_ s: RouteState, rng: inout SeededGenerator) {
        let routed = space.customers - s.unassignedCount
        guard routed > 0, s.usedRoutes > 0 else { return }
        let averageCardinality = Double(routed) / Double(s.usedRoutes)
        let lsMax = min(maxStringLength, averageCardinality)
        let ksMax = 4 * averageRemoved / (1 + lsMax) - 1
        let ks = Int(rng.nextUnit() * ksMax) + 1
        let seed = rng.nextIndex(space.customers) + 1
        var k = -1
        while touchedCount < ks && k < space.neighbourCount {
            let c = k < 0 ? seed : space.neighbour(seed, k)
            k += 1
            let r = Int(s.routeOf[c])
            guard r >= 0, !ruinedRoute[r] else { continue }
            let size = Double(s.routeSize[r])
            let lMax = min(size, lsMax)
            let length = Int(rng.nextUnit() * lMax) + 1
            if length >= 2 && Int(size) > length && rng.nextUnit() < 0.5 {
                removeSplitString(s, containing: c, length: length, rng: &rng)
            } else {
                removeString(s, containing: c, length: length, rng: &rng)
            }
            ruinedRoute[r] = true
            touched[touchedCount] = Int32(r)
            touchedCount += 1
        }
    }

    /// The first node of a random window of `length` consecutive customers of `c`'s route that contains `c`.
    private func windowStart(_ s: RouteState, containing c: Int, length: Int, rng: inout SeededGenerator) -> Int {
        let r = Int(s.routeOf[c])
        let pos = Int(s.position[c]), size = Int(s.routeSize[r])
        let lowest = max(1, pos - length + 1), highest = min(pos, size - length + 1)
        let first = lowest + rng.nextIndex(highest - lowest + 1)
        var node = c
        for _ in 0..<(pos - first) { node = Int(s.prev[node]) }
        return node
    }

    private func removeString(_ s: RouteState, containing c: Int, length: Int, rng: inout SeededGenerator) {
        var node = windowStart(s, containing: c, length: length, rng: &rng)
        for _ in 0..<length {
            let nx = Int(s.next[node])
            remove(node, from: s)
            node = nx
        }
    }

    /// Removes `length` customers from a string of `length + m` around `c`, keeping `m` consecutive ones.
    private func removeSplitString(_ s: RouteState, containing c: Int, length: Int, rng: inout SeededGenerator) {
        let size = Int(s.routeSize[Int(s.routeOf[c])])
        var kept = 1
        while kept < size - length && rng.nextUnit() < 0.5 { kept += 1 }
        var node = windowStart(s, containing: c, length: length + kept, rng: &rng)
        let keepAt = rng.nextIndex(length + 1)
        for i in 0..<(length + kept) {
            let nx = Int(s.next[node])
            if i < keepAt || i >= keepAt + kept { remove(node, from: s) }
            node = nx
        }
    }

    @inline(__always) private func remove(_ u: Int, from s: RouteState) {
        let p = Int(s.prev[u]), q = Int(s.next[u])
        s.distance += space.d(p, q) - space.d(p, u) - space.d(u, q)
        s.unlink(u)
        removed[removedCount] = Int32(u)
        removedCount += 1
    }

    // MARK: Recreate

    private func recreate(_ s: RouteState, rng: inout SeededGenerator) {
        sortRemoved(s, rng: &rng)
        for k in 0..<removedCount {
            let c = Int(removed[k])
            if !insert(c, into: s, rng: &rng) {
                s.unassigned[s.unassignedCount] = Int32(c)
                s.unassignedCount += 1
            }
        }
    }

    /// Orders the removed customers: random (4), largest demand (4), farthest (2) or closest (1) to the depot first.
    private func sortRemoved(_ s: RouteState, rng: inout SeededGenerator) {
        let mode = rng.nextIndex(11)
        for k in 0..<removedCount {
            let c = Int(removed[k])
            switch mode {
            case 0..<4: keys[k] = rng.nextUnit()
            case 4..<8: keys[k] = -space.demand[c] + rng.nextUnit() * 1e-6
            case 8..<10: keys[k] = -space.d(0, c)
            default: keys[k] = space.d(0, c)
            }
        }
        if removedCount < 2 { return }
        for i in 1..<removedCount {
            let key = keys[i], value = removed[i]
            var j = i - 1
            while j >= 0 && keys[j] > key {
                keys[j + 1] = keys[j]
                removed[j + 1] = removed[j]
                j -= 1
            }
            keys[j + 1] = key
            removed[j + 1] = value
        }
    }

    /// Inserts `c` at its cheapest feasible position; false when none exists within the fleet.
    private func insert(_ c: Int, into s: RouteState, rng: inout SeededGenerator) -> Bool {
        var bestCost = Double.infinity, bestAfter = -1
        let q = space.demand[c], capacity = space.capacity + 1e-9
        let anchors = min(insertionNeighbours, space.neighbourCount)
        for k in 0..<anchors {
            let v = space.neighbour(c, k)
            let r = Int(s.routeOf[v])
            guard r >= 0, s.routeLoad[r] + q <= capacity else { continue }
            let p = Int(s.prev[v]), nx = Int(s.next[v])
            if rng.nextUnit() >= blinkRate {
                let delta = space.d(p, c) + space.d(c, v) - space.d(p, v)
                if delta < bestCost && space.fitsInTime(s, c, after: p, before: v) {
                    bestCost = delta
                    bestAfter = p
                }
            }
            if rng.nextUnit() >= blinkRate {
                let delta = space.d(v, c) + space.d(c, nx) - space.d(v, nx)
                if delta < bestCost && space.fitsInTime(s, c, after: v, before: nx) {
                    bestCost = delta
                    bestAfter = v
                }
            }
        }
        if bestAfter < 0 { scanAllRoutes(c, s, &bestCost, &bestAfter) }
        if s.usedRoutes < space.routeSlots {
            let delta = space.d(0, c) * 2
            if delta < bestCost, let r = emptyRoute(s), space.fitsInTime(s, c, after: s.startOf(r), before: s.endOf(r)) {
                bestCost = delta
                bestAfter = s.startOf(r)
            }
        }
        guard bestAfter >= 0 else { return false }
        let b = Int(s.next[bestAfter])
        s.distance += space.d(bestAfter, c) + space.d(c, b) - space.d(bestAfter, b)
        s.link(c, after: bestAfter)
        space.refresh(s, route: Int(s.routeOf[c]))
        return true
    }

    private func scanAllRoutes(_ c: Int, _ s: RouteState, _ bestCost: inout Double, _ bestAfter: inout Int) {
        let q = space.demand[c]
        for r in 0..<space.routeSlots where s.routeSize[r] > 0 && s.routeLoad[r] + q <= space.capacity + 1e-9 {
            var a = s.startOf(r)
            let end = s.endOf(r)
            while a != end {
                let b = Int(s.next[a])
                let delta = space.d(a, c) + space.d(c, b) - space.d(a, b)
                if delta < bestCost && space.fitsInTime(s, c, after: a, before: b) {
                    bestCost = delta
                    bestAfter = a
                }
                a = b
            }
        }
    }

    private func emptyRoute(_ s: RouteState) -> Int? {
        (0..<space.routeSlots).first { s.routeSize[$0] == 0 }
    }
}
