import ArgumentParser
import OpsKit

/// `route check ROUTES --stops STOPS`: validates a routes dataset and recomputes its cost.
struct CheckCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: Strings.checkAbstract.encoded, discussion: Strings.checkDiscussion.encoded)
    static let examples = [
        "route check routes --stops stops --depot D0 --capacity 100",
        "route check plan --stops A_n32_k5",
    ]

    @Argument(help: ArgumentHelp(Strings.routesArgumentHelp), completion: Completion.dataset)
    var routes: String
    @Option(help: ArgumentHelp(Strings.checkStopsHelp), completion: Completion.dataset)
    var stops: String
    @OptionGroup var stopOptions: StopsOptions

    static var rules: [OptionRule] { StopsOptions.rules }

    mutating func run(in context: CommandContext) throws {
        let problem = try StopsProblem(dataset: stops, options: stopOptions, context: context)
        let table = try context.dataset(routes)
        let idName = problem.idColumn.name
        let vehicles = try table.column("vehicle").requireNumeric(option: "vehicle")
        let seqs = try table.column("seq").requireNumeric(option: "seq")
        let ids = try table.column(idName).stringValues()
        var nodeOf: [String: Int] = [:]
        for (node, id) in problem.ids.enumerated() { nodeOf[id] = node }
        var problems: [String] = []
        let order = (0..<table.rowCount).sorted { (vehicles[$0], seqs[$0], $0) < (vehicles[$1], seqs[$1], $1) }
        var routeList: [[Int]] = [], currentVehicle = Double.nan
        var visits = Array(repeating: 0, count: problem.instance.size)
        for row in order {
            guard vehicles[row].isFinite, seqs[row].isFinite else { problems.append(Strings.missingVehicle(row: row + 1)); continue }
            guard let id = ids[row], let node = nodeOf[id] else {
                problems.append(Strings.unknownStop(ids[row] ?? "", row: row + 1))
                continue
            }
            if node == 0 { continue }
            if vehicles[row] != currentVehicle {
                routeList.append([])
                currentVehicle = vehicles[row]
            }
            routeList[routeList.count - 1].append(node)
            visits[node] += 1
        }
        for node in 1..<max(1, visits.count) {
            if visits[node] == 0 { problems.append(Strings.notVisited(problem.ids[node])) }
            if visits[node] > 1 { problems.append(Strings.visitedTwice(problem.ids[node], visits[node])) }
        }
        let instance = problem.instance
        if routeList.count > instance.maxVehicles { problems.append(Strings.tooManyRoutes(routeList.count, instance.maxVehicles)) }
        let evaluation = RouteEvaluation(instance: instance, routes: routeList)
        let digits = instance.convention.displayDigits
        for violation in evaluation.violations {
            switch violation {
            case .overCapacity(let r, let load):
                problems.append(Strings.overCapacity(route: r + 1, load: ValueFormat.double(load), capacity: ValueFormat.double(instance.capacity)))
            case .late(let r, let node, let arrival, let due):
                problems.append(Strings.lateArrival(route: r + 1, stop: problem.ids[node], arrival: ValueFormat.fixed(arrival, digits: digits), due: ValueFormat.double(due)))
            case .lateReturn(let r, let time, let due):
                problems.append(Strings.lateReturn(route: r + 1, time: ValueFormat.fixed(time, digits: digits), due: ValueFormat.double(due)))
            }
        }
        RouteReport(problem: problem, evaluation: evaluation).print(to: context, name: routes, map: false)
        guard problems.isEmpty else {
            for line in problems.prefix(20) { context.print("  - " + line) }
            if problems.count > 20 { context.print("  - " + Strings.moreProblems(problems.count - 20)) }
            throw OpsError(Strings.invalidRoutes(routes, problems.count))
        }
        context.print(Strings.validRoutes(routes, distance: ValueFormat.fixed(evaluation.distance, digits: digits)))
    }
}
