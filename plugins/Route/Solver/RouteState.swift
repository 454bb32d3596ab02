/// A solution kept as doubly linked lists in flat buffers, so that ruin,
/// recreate and local-search moves run without allocating.
///
/// Node ids: `1...n` are customers; route `r` runs from the start sentinel
/// `n + 1 + r` to the end sentinel `n + 1 + K + r` (both stand for the depot).
/// Per node it caches the position in its route, the load up to and including
/// it, and for time windows the earliest service start and the latest start
/// that keeps the rest of the route feasible, so a move is checked in O(1).
final class RouteState {
    let customers: Int
    let routeSlots: Int
    let nodeCount: Int
    var next: UnsafeMutablePointer<Int32>
    var prev: UnsafeMutablePointer<Int32>
    var routeOf: UnsafeMutablePointer<Int32>
    var position: UnsafeMutablePointer<Int32>
    var loadBefore: UnsafeMutablePointer<Double>
    var earliest: UnsafeMutablePointer<Double>
    var latest: UnsafeMutablePointer<Double>
    var routeLoad: UnsafeMutablePointer<Double>
    var routeSize: UnsafeMutablePointer<Int32>
    var unassigned: UnsafeMutablePointer<Int32>
    var unassignedCount = 0
    var usedRoutes = 0
    var distance = 0.0

    init(customers: Int, routeSlots: Int) {
        self.customers = customers
        self.routeSlots = routeSlots
        nodeCount = customers + 1 + 2 * routeSlots
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: count)
            p.initialize(repeating: value, count: count)
            return p
        }
        next = buffer(nodeCount, 0)
        prev = buffer(nodeCount, 0)
        routeOf = buffer(nodeCount, -1)
        position = buffer(nodeCount, 0)
        loadBefore = buffer(nodeCount, 0)
        earliest = buffer(nodeCount, 0)
        latest = buffer(nodeCount, 0)
        routeLoad = buffer(routeSlots, 0)
        routeSize = buffer(routeSlots, 0)
        unassigned = buffer(customers + 1, 0)
        for r in 0..<routeSlots {
            let s = startOf(r), e = endOf(r)
            next[s] = Int32(e)
            prev[e] = Int32(s)
            next[e] = -1
            prev[s] = -1
            routeOf[s] = Int32(r)
            routeOf[e] = Int32(r)
        }
    }

    deinit {
        for p in [next, prev, routeOf, position, routeSize, unassigned] as [UnsafeMutablePointer<Int32>] { p.deallocate() }
        for p in [loadBefore, earliest, latest, routeLoad] { p.deallocate() }
    }

    @inline(__always) func startOf(_ r: Int) -> Int { customers + 1 + r }
    @inline(__always) func endOf(_ r: Int) -> Int { customers + 1 + routeSlots + r }
    @inline(__always) func isCustomer(_ node: Int) -> Bool { node >= 1 && node <= customers }

    /// Makes this state an exact copy of `other` (same dimensions), without allocating.
    func copy(from other: RouteState) {
        next.update(from: other.next, count: nodeCount)
        prev.update(from: other.prev, count: nodeCount)
        routeOf.update(from: other.routeOf, count: nodeCount)
        position.update(from: other.position, count: nodeCount)
        loadBefore.update(from: other.loadBefore, count: nodeCount)
        earliest.update(from: other.earliest, count: nodeCount)
        latest.update(from: other.latest, count: nodeCount)
        routeLoad.update(from: other.routeLoad, count: routeSlots)
        routeSize.update(from: other.routeSize, count: routeSlots)
        unassigned.update(from: other.unassigned, count: other.unassignedCount)
        unassignedCount = other.unassignedCount
        usedRoutes = other.usedRoutes
        distance = other.distance
    }

    /// Unlinks customer `u` from its route (cached route data must be refreshed afterwards).
    @inline(__always) func unlink(_ u: Int) {
        let p = Int(prev[u]), q = Int(next[u])
        next[p] = Int32(q)
        prev[q] = Int32(p)
        routeOf[u] = -1
    }

    /// Links customer `u` right after node `a` (cached route data must be refreshed afterwards).
    @inline(__always) func link(_ u: Int, after a: Int) {
        let b = Int(next[a])
        next[a] = Int32(u)
        prev[u] = Int32(a)
        next[u] = Int32(b)
        prev[b] = Int32(u)
        routeOf[u] = routeOf[a]
    }

    /// The customers of every non-empty route, in visiting order.
    func routes() -> [[Int]] {
        var result: [[Int]] = []
        for r in 0..<routeSlots where routeSize[r] > 0 {
            var route: [Int] = []
            var node = Int(next[startOf(r)])
            while node != endOf(r) {
                route.append(node)
                node = Int(next[node])
            }
            result.append(route)
        }
        return result
    }
}
