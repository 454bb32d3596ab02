import OpsKit

@testable import Route

/// Helpers shared by the route tests.
enum RouteFixture {
    /// Depot at the origin and four customers on the axes (hand-worked savings below).
    static func plusStops() throws -> Dataset {
        try Dataset(columns: [
            Column(name: "id", strings: ["D", "A", "B", "C", "E"]),
            Column(name: "x", doubles: [0, 10, 0, -10, 0]),
            Column(name: "y", doubles: [0, 0, 10, 0, -10]),
            Column(name: "demand", doubles: [0, 4, 4, 4, 4]),
        ])
    }
}
