import ArgumentParser
import OpsKit

/// The options that describe a stops dataset: columns, depot, vehicles and distances.
/// Defaults come from the `NAME_meta` dataset that `route import` writes.
struct StopsOptions: ParsableArguments, DeclaresOptionRules {
    @Option(help: ArgumentHelp(Strings.idHelp), completion: Completion.columns)
    var id: String?
    @Option(help: ArgumentHelp(Strings.xHelp), completion: Completion.columns)
    var x: String?
    @Option(help: ArgumentHelp(Strings.yHelp), completion: Completion.columns)
    var y: String?
    @Option(help: ArgumentHelp(Strings.demandHelp), completion: Completion.columns)
    var demand: String?
    @Option(help: ArgumentHelp(Strings.depotHelp))
    var depot: String?
    @Option(help: ArgumentHelp(Strings.capacityHelp))
    var capacity: Bounded<VehicleCapacity>?
    @Option(help: ArgumentHelp(Strings.vehiclesHelp))
    var vehicles: PositiveInt?
    @Option(help: ArgumentHelp(Strings.readyHelp), completion: Completion.columns)
    var ready: String?
    @Option(help: ArgumentHelp(Strings.dueHelp), completion: Completion.columns)
    var due: String?
    @Option(help: ArgumentHelp(Strings.serviceHelp), completion: Completion.columns)
    var service: String?
    @Flag(help: ArgumentHelp(Strings.geoHelp))
    var geo = false
    @Flag(help: ArgumentHelp(Strings.roundHelp))
    var round = false

    init() {}

    static let rules: [OptionRule] = [.exclusive("--geo", "--round"), .together("--ready", "--due")]
}

/// What `route import` records beside a stops dataset.
struct StopsMetadata {
    var capacity: Double?
    var depot: String?
    var vehicles: Int?
    var convention: DistanceConvention?
    var timeWindows = false

    static func name(for dataset: String) -> String { dataset + "_meta" }

    init(capacity: Double? = nil, depot: String? = nil, vehicles: Int? = nil, convention: DistanceConvention? = nil, timeWindows: Bool = false) {
        self.capacity = capacity
        self.depot = depot
        self.vehicles = vehicles
        self.convention = convention
        self.timeWindows = timeWindows
    }

    /// Reads the metadata of `dataset`, if `route import` wrote any.
    init(for dataset: String, in context: CommandContext) throws {
        let name = Self.name(for: dataset)
        guard context.hasDataset(name) else { return }
        let table = try context.dataset(name)
        let keys = try table.column("key").stringValues(), values = try table.column("value").stringValues()
        for (key, value) in zip(keys, values) {
            guard let key, let value, !value.isEmpty else { continue }
            switch key {
            case "capacity": capacity = Double(value)
            case "depot": depot = value
            case "vehicles": vehicles = Int(value)
            case "distance": convention = DistanceConvention(rawValue: value)
            case "time_windows": timeWindows = value == "yes"
            default: break
            }
        }
    }

    /// The metadata as a two-column dataset (`key`, `value`).
    func dataset(source: String) throws -> Dataset {
        let pairs: [(String, String)] = [
            ("capacity", capacity.map(ValueFormat.double) ?? ""), ("depot", depot ?? ""),
            ("vehicles", vehicles.map(String.init) ?? ""), ("distance", convention?.rawValue ?? ""),
            ("time_windows", timeWindows ? "yes" : "no"), ("source", source),
        ]
        return try Dataset(columns: [Column(name: "key", strings: pairs.map(\.0)), Column(name: "value", strings: pairs.map(\.1))])
    }
}

/// `--capacity`: positive, at most ``RouteLimits/quantity``.
enum VehicleCapacity: RangeSpec {
    static let range = ValueRange(lower: 0, lowerInclusive: false, upper: RouteLimits.quantity)
}
