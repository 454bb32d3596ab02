import OpsKit

/// The summary printed after `route solve` and `route check`: totals, a table
/// of load, utilisation, distance (and with time windows the return time and
/// the tightest slack before a due time) per route, and a map of the stops by route.
struct RouteReport {
    let problem: StopsProblem
    let evaluation: RouteEvaluation

    private static let symbols = Array("123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    func print(to context: CommandContext, name: String?, map showMap: Bool = true) {
        let instance = problem.instance
        let digits = instance.convention.displayDigits
        let total = ValueFormat.fixed(evaluation.distance, digits: digits)
        let fleet = instance.maxVehicles >= instance.customerCount ? nil : instance.maxVehicles
        context.print(Strings.solutionHeadline(
            name: name, distance: total, routes: evaluation.routes.count, stops: instance.customerCount,
            fleet: fleet, convention: Strings.conventionLabel(instance.convention)))
        var headers = [Strings.vehicleHeader, Strings.stopsHeader, Strings.loadHeader, Strings.utilisationHeader, Strings.distanceHeader]
        if instance.hasTimeWindows { headers += [Strings.returnHeader, Strings.slackHeader] }
        var rows: [[String]] = []
        for (r, route) in evaluation.routes.enumerated() {
            var row = [
                String(r + 1), String(route.visits.count), ValueFormat.double(route.load),
                ValueFormat.fixed(100 * route.load / instance.capacity, digits: 0) + "%",
                ValueFormat.fixed(route.distance, digits: digits),
            ]
            if let due = instance.due {
                let slack = route.visits.map { due[$0.node] - $0.arrival }.min() ?? 0
                row += [ValueFormat.fixed(route.end, digits: digits), ValueFormat.fixed(slack, digits: digits)]
            }
            rows.append(row)
        }
        context.table(headers: headers, rows: rows)
        let used = evaluation.routes.reduce(0) { $0 + $1.load }
        let share = ValueFormat.fixed(100 * used / (instance.capacity * Double(max(1, evaluation.routes.count))), digits: 1)
        context.print(Strings.utilisationLine(share, lowerBound: instance.vehicleLowerBound))
        if showMap { context.write(map(width: min(72, context.style.width - 2))) }
    }

    /// Stops drawn with their route's symbol; the depot is `@`.
    private func map(width: Int) -> String {
        let instance = problem.instance
        var points: [(x: Double, y: Double, symbol: Character)] = []
        for (r, route) in evaluation.routes.enumerated() {
            let symbol = Self.symbols[r % Self.symbols.count]
            for visit in route.visits { points.append((instance.x[visit.node], instance.y[visit.node], symbol)) }
        }
        points.append((instance.x[0], instance.y[0], "@"))
        let legend = evaluation.routes.count > Self.symbols.count ? Strings.mapLegendCycled : Strings.mapLegend
        return PointMap(width: width, height: 20).render(points: points) + legend + "\n"
    }
}
