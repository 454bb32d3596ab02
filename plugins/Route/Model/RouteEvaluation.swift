/// Arrival times, loads and distances along given routes, with every
/// capacity or time-window violation found: what `route solve` writes and
/// what `route check` recomputes.
public struct RouteEvaluation {
    public struct Visit {
        public var node: Int
        /// Arrival time at the stop (service starts at max(arrival, ready)).
        public var arrival: Double
        /// Demand served on this route so far, this stop included.
        public var load: Double
        /// Distance driven on this route so far, the leg to this stop included.
        public var distance: Double
    }

    public struct RouteTotals {
        public var visits: [Visit]
        public var load: Double
        /// Distance including the return to the depot.
        public var distance: Double
        /// Time back at the depot.
        public var end: Double
    }

    public enum Violation: Equatable {
        case overCapacity(route: Int, load: Double)
        case late(route: Int, node: Int, arrival: Double, due: Double)
        case lateReturn(route: Int, time: Double, due: Double)
    }

    public var routes: [RouteTotals] = []
    public var violations: [Violation] = []
    public var distance: Double { routes.reduce(0) { $0 + $1.distance } }

    public init(instance: Instance, routes: [[Int]]) {
        for (r, route) in routes.enumerated() {
            var visits: [Visit] = []
            var node = 0, time = instance.ready?[0] ?? 0, load = 0.0, distance = 0.0
            for c in route + [0] {
                let leg = instance.distance(node, c)
                distance += leg
                let arrival = time + (instance.service?[node] ?? 0) * (node == 0 ? 0 : 1) + leg
                time = max(arrival, instance.ready?[c] ?? 0)
                if c == 0 {
                    if let due = instance.due?[0], arrival > due + 1e-6 { violations.append(.lateReturn(route: r, time: arrival, due: due)) }
                    break
                }
                if let due = instance.due?[c], arrival > due + 1e-6 {
                    violations.append(.late(route: r, node: c, arrival: arrival, due: due))
                }
                load += instance.demand[c]
                visits.append(Visit(node: c, arrival: arrival, load: load, distance: distance))
                node = c
            }
            if load > instance.capacity + 1e-9 { violations.append(.overCapacity(route: r, load: load)) }
            self.routes.append(RouteTotals(visits: visits, load: load, distance: distance, end: time))
        }
    }
}
