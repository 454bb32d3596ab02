import OpsKit
import Testing

@testable import Route

@Suite struct SavingsTests {
    /// Depot at the origin, customers A(10,0), B(0,10), C(-10,0), E(0,-10), demand 4 each.
    /// Savings: adjacent pairs (A,B), (B,C), (C,E), (A,E) save 20 − √200 ≈ 5.86; opposite pairs save 0.
    /// With capacity 8 two adjacent pairs are joined: A–B first (ties by index), then C–E.
    /// Four round trips cost 4 × 20 = 80 and each join saves 5.86, so the cost is 80 − 2 × 5.86 = 68.28.
    @Test func joinsAdjacentPairsUnderCapacity() throws {
        let instance = Instance(
            x: [0, 10, 0, -10, 0], y: [0, 0, 10, 0, -10], demand: [0, 4, 4, 4, 4], capacity: 8, convention: .euclidean)
        let routes = Savings.construct(SearchSpace(instance: instance))
        #expect(routes.map { $0.sorted() } == [[1, 2], [3, 4]])
        let cost = RouteEvaluation(instance: instance, routes: routes).distance
        #expect(abs(cost - (80 - 2 * (20 - 200.0.squareRoot()))) < 1e-9)
    }

    /// With room for all four the savings join them into one loop around the depot:
    /// cost 10 + 3√200 + 10 ≈ 62.43 (three adjacent joins, each saving 5.86).
    @Test func joinsEverythingWhenCapacityAllows() throws {
        let instance = Instance(
            x: [0, 10, 0, -10, 0], y: [0, 0, 10, 0, -10], demand: [0, 4, 4, 4, 4], capacity: 100, convention: .euclidean)
        let routes = Savings.construct(SearchSpace(instance: instance))
        #expect(routes.count == 1)
        let cost = RouteEvaluation(instance: instance, routes: routes).distance
        #expect(abs(cost - (20 + 3 * 200.0.squareRoot())) < 1e-9)
    }

    /// A time window that forbids B after A keeps the routes apart.
    @Test func respectsTimeWindows() throws {
        let instance = Instance(
            x: [0, 10, 0], y: [0, 0, 10], demand: [0, 1, 1], capacity: 10, convention: .euclidean,
            ready: [0, 0, 0], due: [1000, 10, 10], service: [0, 0, 0])
        let routes = Savings.construct(SearchSpace(instance: instance))
        #expect(routes.count == 2)
    }

    @Test func distanceConventions() {
        #expect(DistanceConvention.rounded.distance(x1: 0, y1: 0, x2: 1, y2: 1) == 1)
        #expect(DistanceConvention.rounded.distance(x1: 0, y1: 0, x2: 3, y2: 3) == 4)  // 4.2426 → 4
        #expect(DistanceConvention.dimacs.distance(x1: 0, y1: 0, x2: 1, y2: 1) == 1.4)  // 1.41421 truncated
        // Paris (2.3522 E, 48.8566 N) to London (-0.1276 E, 51.5072 N): about 343.5 km.
        let km = DistanceConvention.geo.distance(x1: 2.3522, y1: 48.8566, x2: -0.1276, y2: 51.5072)
        #expect(abs(km - 343.5) < 1.5)
    }
}
