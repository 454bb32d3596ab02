import Foundation
import OpsKit

/// Every user-facing text of the route plugin, in one place for translation.
enum Strings {
    // MARK: Instance files
    static func syntaxError(file: String, line: Int, problem: String) -> String { "\(file):\(line): \(problem)" }
    static func notANumber(_ token: String) -> String { "'\(token)' is not a number" }
    static func notAnId(_ token: String) -> String {
        L("'\(token)' is not a whole-number id (at most \(Int64(RouteLimits.id)))", "'\(token)' 不是整数编号（最大 \(Int64(RouteLimits.id))）")
    }
    static func tooLarge(_ token: String, limit: Double) -> String {
        L("'\(token)' is out of range (the limit is ±\(ValueFormat.double(limit)))", "'\(token)' 超出范围（上限为 ±\(ValueFormat.double(limit))）")
    }
    static func expectedFields(_ names: String, _ found: Int) -> String { "expected the fields \(names), found \(found) field(s)" }
    static func unexpectedLine(_ line: String) -> String { "unexpected line '\(line.prefix(40))' outside any section" }
    static func unsupportedWeightType(file: String, _ type: String) -> String {
        "\(file): EDGE_WEIGHT_TYPE \(type) is not supported (only EUC_2D)"
    }
    static func missingHeader(file: String, _ name: String) -> String { "\(file): no \(name) found" }
    static func dimensionMismatch(file: String, _ dimension: Int, _ found: Int) -> String {
        "\(file): DIMENSION is \(dimension) but NODE_COORD_SECTION has \(found) nodes"
    }
    static func missingDepot(file: String, _ id: String) -> String { "\(file): depot \(id) is not among the nodes" }
    static func missingDemand(file: String, _ id: Int64) -> String { "\(file): node \(id) has no demand in DEMAND_SECTION" }
}

extension Strings {
    // MARK: Help
    static let solveAbstract = "Plan vehicle routes from a depot: capacities, optional time windows."
    static let solveDiscussion = """
        Builds routes with Clarke–Wright savings, improves them with granular local search \
        (relocate, swap, 2-opt, 2-opt*, Or-opt, SWAP*), then searches with SISR ruin-and-recreate \
        under simulated annealing for --iterations, or until --time-limit (default 5s). \
        Distances are Euclidean on x/y (--round: CVRPLIB integer rounding; --geo: great-circle km). \
        Writes one row per visit: vehicle, seq, the stop id, arrival, load (served so far) and \
        distance (driven so far). The same seed and iteration count give the same routes; \
        Ctrl-C stops the search and keeps the best routes found.
        """
    static let importAbstract = "Read a VRPLIB/CVRPLIB or Solomon instance file into a stops dataset."
    static let importDiscussion = """
        Writes NAME (columns id, x, y, demand, and ready, due, service for Solomon files) and \
        NAME_meta (key, value: capacity, depot, vehicles, distance convention, time windows), \
        so that `route solve NAME` and `route check ROUTES --stops NAME` need no other option. \
        VRPLIB files use rounded distances, Solomon files the DIMACS one-decimal truncation.
        """
    static let checkAbstract = "Validate a routes dataset against its stops and recompute its cost."
    static let checkDiscussion = """
        Checks that every stop is visited exactly once, that no route exceeds the capacity or the \
        fleet, and that time windows hold; prints the recomputed distance per route. Fails, listing \
        the problems, when the routes are not valid.
        """

    // MARK: Input errors
    static func missingId(row: Int) -> String { "row \(row) has no stop id" }
    static func duplicateId(_ id: String) -> String { "stop id '\(id)' appears more than once" }
    static let duplicateIdHint = "each stop needs a unique id; choose another column with --id"
    static func badCoordinates(_ id: String) -> String { "stop '\(id)' has a missing or non-finite coordinate" }
    static func coordinateOutOfRange(_ id: String) -> String {
        L("stop '\(id)' has a coordinate beyond ±\(ValueFormat.double(RouteLimits.coordinate))",
          "站点 '\(id)' 的坐标超出 ±\(ValueFormat.double(RouteLimits.coordinate))")
    }
    static func demandOutOfRange(_ id: String) -> String {
        L("stop '\(id)' has a demand beyond \(ValueFormat.double(RouteLimits.quantity))",
          "站点 '\(id)' 的需求量超过 \(ValueFormat.double(RouteLimits.quantity))")
    }
    static let badCoordinatesHint = "fill in x and y for every stop (with --geo: longitude and latitude)"
    static func badDemand(_ id: String) -> String { "stop '\(id)' has a missing or negative demand" }
    static let needDepot = "no depot given"
    static let needDepotHint = "name the depot's id with --depot, e.g. --depot D0"
    static let needCapacity = "no vehicle capacity given"
    static let needCapacityHint = "give the capacity of each vehicle with --capacity, e.g. --capacity 100"
    static func badMetadata(_ dataset: String, _ key: String) -> String {
        L("\(dataset): \(key) must be positive", "\(dataset)：\(key) 必须为正数")
    }
    static func demandExceeds(_ id: String, _ demand: Double, _ capacity: Double) -> String {
        "stop '\(id)' needs \(ValueFormat.double(demand)), more than a vehicle's capacity \(ValueFormat.double(capacity))"
    }
    static let demandExceedsHint = "raise --capacity or split the stop's demand over several rows"
    static func serviceWithoutWindows(_ column: String) -> String { "--service \(column) needs time windows: give --ready and --due too" }
    static func tooFewVehicles(_ vehicles: Int, _ bound: Int) -> String {
        "\(vehicles) vehicle(s) cannot carry the total demand: at least \(bound) are needed"
    }
    static func tooFewVehiclesHint(_ bound: Int) -> String { "use --vehicles \(bound) or more, or raise --capacity" }
    static func badWindow(_ id: String) -> String { "stop '\(id)' has a missing ready, due or service value" }
    static func unreachableWindow(_ id: String, arrival: Double, due: Double) -> String {
        "stop '\(id)' cannot be reached in its time window: a direct trip from the depot arrives at \(ValueFormat.fixed(arrival, digits: 1)), after its due time \(ValueFormat.double(due))"
    }
    static func cannotReturn(_ id: String, back: Double, close: Double) -> String {
        "stop '\(id)' cannot be served in time: a direct trip returns to the depot at \(ValueFormat.fixed(back, digits: 1)), after it closes at \(ValueFormat.double(close))"
    }
    static let unreachableWindowHint = "widen the stop's window (or the depot's), or check the time units of ready/due/service"
    static func unassigned(_ ids: [String]) -> String {
        "no feasible routes found within the fleet for \(ids.count) stop(s): " + ids.prefix(10).joined(separator: ", ")
    }
    static let unassignedHint = "allow more vehicles (--vehicles), raise --capacity, widen time windows or search longer"
    static func cannotRead(_ file: String) -> String { "cannot read '\(file)'" }
    static let cannotReadHint = "check the path; relative paths start at the workbench's current directory"
    static func notText(_ file: String) -> String { "'\(file)' is not UTF-8 text" }

    // MARK: Check
    static func missingVehicle(row: Int) -> String { "row \(row) has no vehicle or seq" }
    static func unknownStop(_ id: String, row: Int) -> String { "row \(row) visits unknown stop '\(id)'" }
    static func notVisited(_ id: String) -> String { "stop '\(id)' is not visited" }
    static func visitedTwice(_ id: String, _ count: Int) -> String { "stop '\(id)' is visited \(count) times" }
    static func tooManyRoutes(_ routes: Int, _ fleet: Int) -> String { "\(routes) routes but only \(fleet) vehicles" }
    static func overCapacity(route: Int, load: String, capacity: String) -> String { "route \(route) carries \(load), over the capacity \(capacity)" }
    static func lateArrival(route: Int, stop: String, arrival: String, due: String) -> String {
        "route \(route) reaches stop '\(stop)' at \(arrival), after its due time \(due)"
    }
    static func lateReturn(route: Int, time: String, due: String) -> String { "route \(route) returns at \(time), after the depot closes at \(due)" }
    static func moreProblems(_ count: Int) -> String { "… and \(count) more" }
    static func invalidRoutes(_ name: String, _ count: Int) -> String { "'\(name)' is not a valid solution: \(count) problem(s)" }
    static func validRoutes(_ name: String, distance: String) -> String { "'\(name)' is valid: total distance \(distance)" }

    // MARK: Reports
    static let searching = "route search"
    static func bestCost(_ cost: String) -> String { "best \(cost)" }
    static let stoppedEarly = "search stopped early (Ctrl-C): these are the best routes found so far"
    static func searchSummary(initial: String, iterations: Int, seed: UInt64) -> String {
        "savings construction gave \(initial); \(iterations) ruin-and-recreate iterations, seed \(seed)"
    }
    static func solutionHeadline(name: String?, distance: String, routes: Int, stops: Int, fleet: Int?, convention: String) -> String {
        let target = name.map { "\($0): " } ?? ""
        let fleetText = fleet.map { " (fleet \($0))" } ?? ""
        return "\(target)\(routes) routes\(fleetText) visit \(stops) stops, total distance \(distance) (\(convention))"
    }
    static func conventionLabel(_ convention: DistanceConvention) -> String {
        switch convention {
        case .euclidean: return "Euclidean"
        case .rounded: return "Euclidean rounded to integers, CVRPLIB"
        case .dimacs: return "Euclidean truncated to one decimal, DIMACS"
        case .geo: return "great-circle km"
        }
    }
    static let vehicleHeader = "vehicle"
    static let stopsHeader = "stops"
    static let loadHeader = "load"
    static let utilisationHeader = "utilisation"
    static let distanceHeader = "distance"
    static let returnHeader = "back at depot"
    static let slackHeader = "min slack"
    static func utilisationLine(_ share: String, lowerBound: Int) -> String {
        "average utilisation \(share)%; the demand needs at least \(lowerBound) vehicle(s)"
    }
    static let mapLegend = "map: @ depot, 1-9 A-Z a-z: the stops of route 1, 2, …"
    static let mapLegendCycled = "map: @ depot, 1-9 A-Z a-z: the stops of route 1, 2, … (symbols repeat after 61 routes)"
    static func imported(
        instance: String, name: String, customers: Int, depot: String, capacity: String, vehicles: Int?, lowerBound: Int,
        convention: String, timeWindows: Bool
    ) -> String {
        let fleet = vehicles.map { "fleet \($0)" } ?? "fleet unlimited"
        let windows = timeWindows ? ", time windows" : ""
        return "imported \(instance) as \(name) (+ \(name)_meta): \(customers) customers and depot \(depot), capacity \(capacity), \(fleet) (at least \(lowerBound) needed), \(convention) distances\(windows)"
    }
}
