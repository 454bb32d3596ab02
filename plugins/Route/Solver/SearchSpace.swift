/// The instance laid out for the search: per-node-id demand, time-window and
/// distance lookups (sentinels map to the depot), nearest-neighbour lists, and
/// the route refresh that keeps a ``RouteState``'s caches right.
final class SearchSpace {
    let instance: Instance
    let customers: Int
    let routeSlots: Int
    let nodeCount: Int
    let size: Int
    let capacity: Double
    let hasTimeWindows: Bool
    /// Location (0 = depot) of each node id.
    let location: UnsafeMutablePointer<Int32>
    let demand: UnsafeMutablePointer<Double>
    let ready: UnsafeMutablePointer<Double>
    let due: UnsafeMutablePointer<Double>
    let service: UnsafeMutablePointer<Double>
    let matrix: UnsafeMutablePointer<Double>
    /// `neighbourCount` nearest customers of each customer, row `c - 1`.
    let neighbours: UnsafeMutablePointer<Int32>
    let neighbourCount: Int

    init(instance: Instance, neighbourCount requested: Int = 100) {
        self.instance = instance
        customers = instance.customerCount
        routeSlots = min(instance.maxVehicles, max(1, customers))
        nodeCount = customers + 1 + 2 * routeSlots
        size = instance.size
        capacity = instance.capacity
        hasTimeWindows = instance.hasTimeWindows
        location = .allocate(capacity: nodeCount)
        demand = .allocate(capacity: nodeCount)
        ready = .allocate(capacity: nodeCount)
        due = .allocate(capacity: nodeCount)
        service = .allocate(capacity: nodeCount)
        for id in 0..<nodeCount {
            let loc = id <= customers ? id : 0
            location[id] = Int32(loc)
            demand[id] = loc == 0 ? 0 : instance.demand[loc]
            ready[id] = instance.ready?[loc] ?? 0
            due[id] = instance.due?[loc] ?? .infinity
            service[id] = loc == 0 ? 0 : instance.service?[loc] ?? 0
        }
        let n = instance.size, count = instance.customerCount
        let m = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
        instance.distances.withUnsafeBufferPointer { m.initialize(from: $0.baseAddress!, count: n * n) }
        matrix = m
        let k = max(0, min(requested, count - 1))
        neighbourCount = k
        let lists = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, count * k))
        var order = Array(1...max(1, count))
        for c in stride(from: 1, through: count, by: 1) {
            let row = c * n
            order.sort { (m[row + $0], $0) < (m[row + $1], $1) }
            var filled = 0
            for v in order where v != c && filled < k {
                lists[(c - 1) * k + filled] = Int32(v)
                filled += 1
            }
        }
        neighbours = lists
    }

    deinit {
        location.deallocate()
        demand.deallocate()
        ready.deallocate()
        due.deallocate()
        service.deallocate()
        matrix.deallocate()
        neighbours.deallocate()
    }

    /// Distance between two node ids.
    @inline(__always) func d(_ a: Int, _ b: Int) -> Double {
        matrix[Int(location[a]) * size + Int(location[b])]
    }

    @inline(__always) func neighbour(_ c: Int, _ k: Int) -> Int { Int(neighbours[(c - 1) * neighbourCount + k]) }

    func makeState() -> RouteState { RouteState(customers: customers, routeSlots: routeSlots) }

    /// Recomputes route `r`'s cached positions, loads and time data; returns
    /// whether the route respects its time windows.
    @discardableResult
    func refresh(_ s: RouteState, route r: Int) -> Bool {
        let start = s.startOf(r), end = s.endOf(r)
        var node = start, pos: Int32 = 0, load = 0.0
        var time = ready[start]
        var feasible = true
        s.position[start] = 0
        s.loadBefore[start] = 0
        s.earliest[start] = time
        while node != end {
            let nx = Int(s.next[node])
            pos += 1
            load += demand[nx]
            s.position[nx] = pos
            s.loadBefore[nx] = load
            s.routeOf[nx] = Int32(r)
            if hasTimeWindows {
                time = max(ready[nx], time + service[node] + d(node, nx))
                if time > due[nx] + 1e-9 { feasible = false }
                s.earliest[nx] = time
            }
            node = nx
        }
        s.routeLoad[r] = load
        let oldSize = s.routeSize[r]
        s.routeSize[r] = pos - 1
        if oldSize == 0 && pos > 1 { s.usedRoutes += 1 } else if oldSize > 0 && pos == 1 { s.usedRoutes -= 1 }
        if hasTimeWindows {
            var late = due[end]
            s.latest[end] = late
            node = Int(s.prev[end])
            var after = end
            while node != -1 {
                late = min(due[node], late - service[node] - d(node, after))
                s.latest[node] = late
                after = node
                node = Int(s.prev[node])
            }
        }
        return feasible
    }

    /// Whether customer `c` fits between consecutive nodes `a` and `b` in time.
    @inline(__always) func fitsInTime(_ s: RouteState, _ c: Int, after a: Int, before b: Int) -> Bool {
        if !hasTimeWindows { return true }
        let startC = max(ready[c], s.earliest[a] + service[a] + d(a, c))
        if startC > due[c] + 1e-9 { return false }
        return startC + service[c] + d(c, b) <= s.latest[b] + 1e-9
    }

    /// Loads `routes` (lists of customer ids) into `s`; customers beyond the fleet are left unassigned.
    func load(_ routes: [[Int]], into s: RouteState) {
        s.copy(from: makeState())
        var cost = 0.0
        for (r, route) in routes.enumerated() {
            guard r < routeSlots else {
                for c in route {
                    s.unassigned[s.unassignedCount] = Int32(c)
                    s.unassignedCount += 1
                }
                continue
            }
            var a = s.startOf(r)
            for c in route {
                s.link(c, after: a)
                cost += d(a, c)
                a = c
            }
            cost += d(a, s.endOf(r))
        }
        for r in 0..<routeSlots { refresh(s, route: r) }
        s.distance = cost
    }

    /// The exact distance of a state, summed from scratch.
    func recomputeDistance(_ s: RouteState) -> Double {
        var total = 0.0
        for r in 0..<routeSlots where s.routeSize[r] > 0 {
            var node = s.startOf(r)
            while node != s.endOf(r) {
                let nx = Int(s.next[node])
                total += d(node, nx)
                node = nx
            }
        }
        return total
    }
}
