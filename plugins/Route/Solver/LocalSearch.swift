import OpsKit

/// Granular local search: for each customer `u` and each of its nearest
/// neighbours `v`, try relocating a string of one to three customers starting
/// at `u` (Or-opt; reversed too), swapping `u` and `v`, 2-opt inside a route
/// and 2-opt* between routes; apply the first improving move and repeat until
/// none improves. Then SWAP* between pairs of routes (CVRP).
///
/// Distance deltas and capacity are checked in O(1) from cached route data.
/// With time windows an improving move is applied, both routes are rechecked
/// in O(route length), and the move is undone when a window breaks.
final class LocalSearch {
    let space: SearchSpace
    /// Neighbours considered per customer.
    var granularity = 20
    private let order: UnsafeMutablePointer<Int32>
    private let savedRoute: UnsafeMutablePointer<Int32>
    private let savedOther: UnsafeMutablePointer<Int32>
    private let swapStar: SwapStar

    init(space: SearchSpace) {
        self.space = space
        order = .allocate(capacity: max(1, space.customers))
        for i in 0..<space.customers { order[i] = Int32(i + 1) }
        savedRoute = .allocate(capacity: space.customers + 1)
        savedOther = .allocate(capacity: space.customers + 1)
        swapStar = SwapStar(space: space)
    }

    deinit {
        order.deallocate()
        savedRoute.deallocate()
        savedOther.deallocate()
    }

    /// Improves `s` until no move in the neighbourhood improves it.
    func run(_ s: RouteState, rng: inout SeededGenerator) {
        let n = space.customers
        guard n > 1 else { return }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = rng.nextIndex(i + 1)
            (order[i], order[j]) = (order[j], order[i])
        }
        let k = min(granularity, space.neighbourCount)
        var improved = true
        while improved {
            improved = false
            for i in 0..<n {
                let u = Int(order[i])
                guard s.routeOf[u] >= 0 else { continue }
                for j in 0..<k {
                    let v = space.neighbour(u, j)
                    guard s.routeOf[v] >= 0 else { continue }
                    if tryMoves(s, u, v) { improved = true }
                }
            }
            if !improved && !space.hasTimeWindows && swapStar.run(s, search: self) { improved = true }
        }
    }

    private func tryMoves(_ s: RouteState, _ u: Int, _ v: Int) -> Bool {
        for length in 1...3 {
            if moveString(s, from: u, length: length, after: v, reversed: false) { return true }
            if moveString(s, from: u, length: length, after: Int(s.prev[v]), reversed: false) { return true }
            if length > 1 && moveString(s, from: u, length: length, after: v, reversed: true) { return true }
        }
        if swap(s, u, v) { return true }
        if s.routeOf[u] == s.routeOf[v] { return twoOpt(s, u, v) }
        return twoOptStar(s, u, v) || twoOptStar(s, Int(s.prev[u]), Int(s.prev[v]))
    }

    // MARK: Moves

    /// Moves the string of `length` customers starting at `u` to follow node `a`.
    private func moveString(_ s: RouteState, from u: Int, length: Int, after a: Int, reversed: Bool) -> Bool {
        let ru = Int(s.routeOf[u]), ra = Int(s.routeOf[a])
        var last = u, load = space.demand[u]
        for _ in 1..<length {
            last = Int(s.next[last])
            guard s.isCustomer(last) else { return false }
            load += space.demand[last]
        }
        if ru == ra {
            let pa = s.position[a]
            if pa >= s.position[u] - 1 && pa <= s.position[last] { return false }
        } else if s.routeLoad[ra] + load > space.capacity + 1e-9 {
            return false
        }
        let p = Int(s.prev[u]), x = Int(s.next[last]), b = Int(s.next[a])
        let first = reversed ? last : u, end = reversed ? u : last
        let delta = space.d(p, x) - space.d(p, u) - space.d(last, x) + space.d(a, first) + space.d(end, b) - space.d(a, b)
        guard delta < -1e-9 else { return false }
        return commit(s, ru, ra, delta) {
            s.next[p] = Int32(x)
            s.prev[x] = Int32(p)
            var node = a, cursor = first
            for _ in 0..<length {
                let following = reversed ? Int(s.prev[cursor]) : Int(s.next[cursor])
                s.next[node] = Int32(cursor)
                s.prev[cursor] = Int32(node)
                node = cursor
                cursor = following
            }
            s.next[node] = Int32(b)
            s.prev[b] = Int32(node)
        }
    }

    /// Exchanges customers `u` and `v`.
    private func swap(_ s: RouteState, _ u: Int, _ v: Int) -> Bool {
        let ru = Int(s.routeOf[u]), rv = Int(s.routeOf[v])
        let pu = Int(s.prev[u]), xu = Int(s.next[u]), pv = Int(s.prev[v]), xv = Int(s.next[v])
        guard xu != v, xv != u, u != v else { return false }
        if ru != rv {
            let qu = space.demand[u], qv = space.demand[v]
            if s.routeLoad[ru] - qu + qv > space.capacity + 1e-9 || s.routeLoad[rv] - qv + qu > space.capacity + 1e-9 {
                return false
            }
        }
        let delta = space.d(pu, v) + space.d(v, xu) + space.d(pv, u) + space.d(u, xv)
            - space.d(pu, u) - space.d(u, xu) - space.d(pv, v) - space.d(v, xv)
        guard delta < -1e-9 else { return false }
        return commit(s, ru, rv, delta) {
            s.next[pu] = Int32(v); s.prev[v] = Int32(pu); s.next[v] = Int32(xu); s.prev[xu] = Int32(v)
            s.next[pv] = Int32(u); s.prev[u] = Int32(pv); s.next[u] = Int32(xv); s.prev[xv] = Int32(u)
        }
    }

    /// Reverses the part of one route between `u` and `v` (2-opt).
    private func twoOpt(_ s: RouteState, _ a: Int, _ b: Int) -> Bool {
        let (u, v) = s.position[a] < s.position[b] ? (a, b) : (b, a)
        let x = Int(s.next[u]), y = Int(s.next[v])
        guard x != v else { return false }
        let delta = space.d(u, v) + space.d(x, y) - space.d(u, x) - space.d(v, y)
        guard delta < -1e-9 else { return false }
        let r = Int(s.routeOf[u])
        return commit(s, r, r, delta) {
            var node = x
            while node != y {
                let following = s.next[node]
                s.next[node] = s.prev[node]
                s.prev[node] = following
                node = Int(following)
            }
            s.next[u] = Int32(v)
            s.prev[v] = Int32(u)
            s.next[x] = Int32(y)
            s.prev[y] = Int32(x)
        }
    }

    /// Exchanges the tails of two routes after nodes `u` and `v` (2-opt*).
    private func twoOptStar(_ s: RouteState, _ u: Int, _ v: Int) -> Bool {
        let ru = Int(s.routeOf[u]), rv = Int(s.routeOf[v])
        guard ru != rv, s.next[u] >= 0, s.next[v] >= 0 else { return false }
        let x = Int(s.next[u]), y = Int(s.next[v])
        let headU = s.loadBefore[u], headV = s.loadBefore[v]
        let newU = headU + s.routeLoad[rv] - headV, newV = headV + s.routeLoad[ru] - headU
        guard newU <= space.capacity + 1e-9, newV <= space.capacity + 1e-9 else { return false }
        let delta = space.d(u, y) + space.d(v, x) - space.d(u, x) - space.d(v, y)
        guard delta < -1e-9 else { return false }
        return commit(s, ru, rv, delta) {
            let endU = s.endOf(ru), endV = s.endOf(rv)
            let lastU = Int(s.prev[endU]), lastV = Int(s.prev[endV])
            let tailU = x == endU ? -1 : x, tailV = y == endV ? -1 : y
            if tailV >= 0 {
                s.next[u] = Int32(tailV); s.prev[tailV] = Int32(u); s.next[lastV] = Int32(endU); s.prev[endU] = Int32(lastV)
            } else {
                s.next[u] = Int32(endU); s.prev[endU] = Int32(u)
            }
            if tailU >= 0 {
                s.next[v] = Int32(tailU); s.prev[tailU] = Int32(v); s.next[lastU] = Int32(endV); s.prev[endV] = Int32(lastU)
            } else {
                s.next[v] = Int32(endV); s.prev[endV] = Int32(v)
            }
        }
    }

    // MARK: Applying with undo

    /// Applies `change` to routes `ra` and `rb`, refreshes them and keeps it
    /// unless a time window broke, in which case both routes are restored.
    func commit(_ s: RouteState, _ ra: Int, _ rb: Int, _ delta: Double, change: () -> Void) -> Bool {
        let countA = save(s, ra, into: savedRoute)
        let countB = ra == rb ? 0 : save(s, rb, into: savedOther)
        change()
        var feasible = space.refresh(s, route: ra)
        if ra != rb { feasible = space.refresh(s, route: rb) && feasible }
        if feasible {
            s.distance += delta
            return true
        }
        restore(s, ra, from: savedRoute, count: countA)
        if ra != rb { restore(s, rb, from: savedOther, count: countB) }
        return false
    }

    private func save(_ s: RouteState, _ r: Int, into buffer: UnsafeMutablePointer<Int32>) -> Int {
        var count = 0, node = Int(s.next[s.startOf(r)])
        while node != s.endOf(r) {
            buffer[count] = Int32(node)
            count += 1
            node = Int(s.next[node])
        }
        return count
    }

    private func restore(_ s: RouteState, _ r: Int, from buffer: UnsafeMutablePointer<Int32>, count: Int) {
        var a = s.startOf(r)
        for i in 0..<count {
            let c = Int(buffer[i])
            s.next[a] = Int32(c)
            s.prev[c] = Int32(a)
            a = c
        }
        s.next[a] = Int32(s.endOf(r))
        s.prev[s.endOf(r)] = Int32(a)
        space.refresh(s, route: r)
    }
}
