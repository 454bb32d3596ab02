import OpsKit

/// A stops dataset checked and turned into an ``Instance``: node 0 is the depot.
struct StopsProblem {
    let instance: Instance
    /// The id column as the user gave it, and the dataset row of each node.
    let idColumn: Column
    let rows: [Int]
    /// Each node's id as text.
    let ids: [String]

    /// Reads and validates the stops; every bad input becomes an ``OpsError`` naming the stop or option.
    init(dataset name: String, options: StopsOptions, context: CommandContext) throws {
        let data = try context.dataset(name)
        let meta = try StopsMetadata(for: name, in: context)
        idColumn = try data.column(options.id ?? "id", option: "--id")
        let texts = idColumn.stringValues()
        let xs = try data.column(options.x ?? "x", option: "--x").requireNumeric(option: "--x")
        let ys = try data.column(options.y ?? "y", option: "--y").requireNumeric(option: "--y")
        let demands = try data.column(options.demand ?? "demand", option: "--demand").requireNumeric(option: "--demand")
        let windowColumns = try Self.timeWindowColumns(options, meta: meta)
        let windows = try windowColumns.map { names in
            try (data.column(names.ready, option: "--ready").requireNumeric(option: "--ready"),
                 data.column(names.due, option: "--due").requireNumeric(option: "--due"),
                 names.service.map { try data.column($0, option: "--service").requireNumeric(option: "--service") })
        }
        var seen: [String: Int] = [:]
        for row in 0..<data.rowCount {
            guard let id = texts[row], !id.isEmpty else { throw OpsError(Strings.missingId(row: row + 1)) }
            if seen[id] != nil { throw OpsError(Strings.duplicateId(id), hint: Strings.duplicateIdHint) }
            seen[id] = row
            guard xs[row].isFinite, ys[row].isFinite else { throw OpsError(Strings.badCoordinates(id), hint: Strings.badCoordinatesHint) }
            guard abs(xs[row]) <= RouteLimits.coordinate, abs(ys[row]) <= RouteLimits.coordinate else {
                throw OpsError(Strings.coordinateOutOfRange(id), hint: Strings.badCoordinatesHint)
            }
            guard demands[row].isFinite, demands[row] >= 0 else { throw OpsError(Strings.badDemand(id)) }
            guard demands[row] <= RouteLimits.quantity else { throw OpsError(Strings.demandOutOfRange(id)) }
        }
        guard let depotId = options.depot ?? meta.depot else { throw OpsError(Strings.needDepot, hint: Strings.needDepotHint) }
        guard let depotRow = seen[depotId] else {
            throw OpsError.unknown(kind: Strings.depotKind, name: depotId, available: texts.compactMap { $0 }, listLabel: Strings.idsLabel)
        }
        guard let capacity = options.capacity?.value ?? meta.capacity else { throw OpsError(Strings.needCapacity, hint: Strings.needCapacityHint) }
        guard capacity > 0, capacity <= RouteLimits.quantity else { throw OpsError(Strings.badMetadata(StopsMetadata.name(for: name), "capacity")) }
        let vehicles = options.vehicles?.value ?? meta.vehicles
        if let vehicles, vehicles < 1 { throw OpsError(Strings.badMetadata(StopsMetadata.name(for: name), "vehicles")) }
        let convention: DistanceConvention = options.geo ? .geo : options.round ? .rounded : meta.convention ?? .euclidean
        let order = [depotRow] + (0..<data.rowCount).filter { $0 != depotRow }
        rows = order
        ids = order.map { texts[$0]! }
        for row in order.dropFirst() where demands[row] > capacity {
            throw OpsError(Strings.demandExceeds(texts[row]!, demands[row], capacity), hint: Strings.demandExceedsHint)
        }
        instance = Instance(
            x: order.map { xs[$0] }, y: order.map { ys[$0] }, demand: order.map { $0 == depotRow ? 0 : demands[$0] },
            capacity: capacity, maxVehicles: vehicles, convention: convention,
            ready: windows.map { w in order.map { w.0[$0] } }, due: windows.map { w in order.map { w.1[$0] } },
            service: windows.map { w in order.map { w.2?[$0] ?? 0 } })
        try validateFleet(vehicles)
        try validateWindows()
    }

    private static func timeWindowColumns(_ options: StopsOptions, meta: StopsMetadata) throws -> (ready: String, due: String, service: String?)? {
        if let ready = options.ready, let due = options.due { return (ready, due, options.service) }
        if meta.timeWindows { return ("ready", "due", options.service ?? "service") }
        if let service = options.service { throw OpsError(Strings.serviceWithoutWindows(service)) }
        return nil
    }

    private func validateFleet(_ vehicles: Int?) throws {
        let bound = instance.vehicleLowerBound
        if let vehicles, vehicles < bound {
            throw OpsError(Strings.tooFewVehicles(vehicles, bound), hint: Strings.tooFewVehiclesHint(bound))
        }
    }

    /// Every customer must be reachable within its window by a direct trip from the depot and back.
    private func validateWindows() throws {
        guard let ready = instance.ready, let due = instance.due, let service = instance.service else { return }
        for row in instance.demand.indices {
            if !ready[row].isFinite || !due[row].isFinite || !service[row].isFinite {
                throw OpsError(Strings.badWindow(ids[row]))
            }
        }
        for c in 1..<max(1, instance.size) {
            let arrival = max(ready[c], ready[0] + instance.distance(0, c))
            if arrival > due[c] + 1e-9 {
                throw OpsError(Strings.unreachableWindow(ids[c], arrival: arrival, due: due[c]), hint: Strings.unreachableWindowHint)
            }
            let back = arrival + service[c] + instance.distance(c, 0)
            if back > due[0] + 1e-9 {
                throw OpsError(Strings.cannotReturn(ids[c], back: back, close: due[0]), hint: Strings.unreachableWindowHint)
            }
        }
    }
}
