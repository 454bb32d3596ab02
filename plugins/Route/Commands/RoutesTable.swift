import OpsKit

/// The routes dataset: one row per visit with vehicle, seq, the stop id
/// (under the stops dataset's id column name and type), arrival, load and distance so far.
enum RoutesTable {
    static func dataset(_ evaluation: RouteEvaluation, problem: StopsProblem) throws -> Dataset {
        var vehicle: [Int64] = [], seq: [Int64] = [], rows: [Int] = []
        var arrival: [Double] = [], load: [Double] = [], distance: [Double] = []
        for (r, route) in evaluation.routes.enumerated() {
            for (k, visit) in route.visits.enumerated() {
                vehicle.append(Int64(r + 1))
                seq.append(Int64(k + 1))
                rows.append(problem.rows[visit.node])
                arrival.append(visit.arrival)
                load.append(visit.load)
                distance.append(visit.distance)
            }
        }
        let digits = problem.instance.convention.displayDigits
        func rounded(_ v: [Double]) -> [Double] { v.map { ($0 * pow10(digits)).rounded() / pow10(digits) } }
        return try Dataset(columns: [
            Column(name: "vehicle", integers: vehicle), Column(name: "seq", integers: seq),
            problem.idColumn.selecting(rows: rows),
            Column(name: "arrival", doubles: rounded(arrival)), Column(name: "load", doubles: load),
            Column(name: "distance", doubles: rounded(distance)),
        ])
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { p, _ in p * 10 } }
}
