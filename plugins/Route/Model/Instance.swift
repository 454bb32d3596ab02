/// A routing problem in solver form: node 0 is the depot, nodes 1...n the customers.
///
/// Distances are precomputed into one flat row-major matrix; travel time equals distance.
public struct Instance: Sendable {
    public let x: [Double]
    public let y: [Double]
    public let demand: [Double]
    public let capacity: Double
    /// The most routes a solution may use.
    public let maxVehicles: Int
    public let convention: DistanceConvention
    /// Time windows (earliest start, latest start) and service durations; `nil` for plain CVRP.
    public let ready: [Double]?
    public let due: [Double]?
    public let service: [Double]?
    /// `size × size` distances, row-major.
    public let distances: [Double]
    /// Number of nodes including the depot.
    public var size: Int { x.count }
    /// Number of customers.
    public var customerCount: Int { x.count - 1 }
    public var hasTimeWindows: Bool { ready != nil }

    public init(
        x: [Double], y: [Double], demand: [Double], capacity: Double, maxVehicles: Int? = nil,
        convention: DistanceConvention, ready: [Double]? = nil, due: [Double]? = nil, service: [Double]? = nil
    ) {
        self.x = x
        self.y = y
        self.demand = demand
        self.capacity = capacity
        self.maxVehicles = max(1, maxVehicles ?? max(1, x.count - 1))
        self.convention = convention
        self.ready = ready
        self.due = due
        self.service = service
        let n = x.count
        var d = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let v = convention.distance(x1: x[i], y1: y[i], x2: x[j], y2: y[j])
                d[i * n + j] = v
                d[j * n + i] = v
            }
        }
        distances = d
    }

    @inline(__always) public func distance(_ i: Int, _ j: Int) -> Double { distances[i * size + j] }

    /// Sum of all customer demands.
    public var totalDemand: Double { demand.reduce(0, +) }

    /// The lower bound on the number of vehicles: ⌈total demand / capacity⌉.
    public var vehicleLowerBound: Int { Int((totalDemand / capacity - 1e-9).rounded(.up)) }
}
