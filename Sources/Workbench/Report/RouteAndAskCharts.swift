import OpsKit

/// Charts of `route`, `ask` and `recommend` results.
enum RouteAndAskCharts {
    /// The stops on their coordinates, one coloured loop per vehicle from the depot and back.
    static func routes(_ result: ResultCharts.Result) throws -> [TitledChart] {
        let command = result.command
        guard let stops = try result.input(), let ids = stops.texts(command.option("--id") ?? "id"),
            let x = stops.numbers(command.option("--x") ?? "x"), let y = stops.numbers(command.option("--y") ?? "y"),
            let vehicles = result.dataset.numbers("vehicle"), let order = result.dataset.numbers("seq"),
            let visited = result.dataset.texts("id")
        else { return [] }
        var position: [String: (x: Double, y: Double)] = [:]
        for (i, id) in ids.enumerated() where position[id] == nil { position[id] = (x[i], y[i]) }
        let depotID = command.option("--depot")
        let depot = depotID.flatMap { position[$0] }
        let fleet = Array(Set(vehicles.filter(\.isFinite).map { Int($0) })).sorted()
        var paths: [SVGScatterChart.Path] = [], points: [SVGScatterChart.Point] = []
        for (group, vehicle) in fleet.enumerated() {
            let rows = vehicles.indices.filter { Int(vehicles[$0]) == vehicle }.sorted { order[$0] < order[$1] }
            var path = rows.compactMap { position[visited[$0]] }
            for row in rows { if let p = position[visited[row]] { points.append(.init(x: p.x, y: p.y, group: group, label: visited[row])) } }
            if let depot { path = [depot] + path + [depot] }
            paths.append(.init(points: path, group: group))
        }
        var chart = SVGScatterChart(title: WorkshopMessages.routeTitle(result.name, vehicles: fleet.count), points: points)
        chart.paths = paths
        chart.groupLabels = fleet.map { WorkshopMessages.vehicleLabel($0) }
        if let depot, let depotID { chart.landmarks = [.init(x: depot.x, y: depot.y, label: depotID)] }
        chart.equalAspect = command.option("--geo") == nil
        chart.xTitle = command.option("--x") ?? "x"
        chart.yTitle = command.option("--y") ?? "y"
        return [TitledChart(title: chart.title, svg: chart.render())]
    }

    /// Share of each expected intent answered right (the most frequent intents), and overall.
    static func askEvaluation(_ result: ResultCharts.Result) throws -> [TitledChart] {
        guard let expected = result.dataset.texts("expected"), let predicted = result.dataset.texts("predicted") else { return [] }
        var total: [String: Int] = [:], right: [String: Int] = [:]
        for (e, p) in zip(expected, predicted) {
            total[e, default: 0] += 1
            if e == p { right[e, default: 0] += 1 }
        }
        let intents = total.keys.sorted { (total[$0]!, $1) > (total[$1]!, $0) }.prefix(15).sorted()
        let overall = Double(right.values.reduce(0, +)) / Double(max(1, expected.count))
        var chart = SVGBarChart(
            title: WorkshopMessages.askTitle(result.name, accuracy: overall), categories: Array(intents),
            series: [.init(label: WorkshopMessages.accuracy, values: intents.map { Double(right[$0] ?? 0) / Double(total[$0]!) })])
        chart.reference = overall
        chart.yTitle = WorkshopMessages.accuracy
        return [TitledChart(title: chart.title, svg: chart.render())]
    }

    /// NDCG of each method with its bootstrap interval.
    static func recommendEvaluation(_ result: ResultCharts.Result) throws -> [TitledChart] {
        let data = result.dataset
        guard let methods = data.texts("method"), let ndcg = data.numbers("ndcg") else { return [] }
        let low = data.numbers("ndcg_low"), high = data.numbers("ndcg_high")
        let intervals = low.flatMap { low in high.map { high in Array(zip(low, high)) } }
        let k = data.numbers("k")?.first.map { "@" + ValueFormat.double($0) } ?? ""
        var chart = SVGBarChart(title: WorkshopMessages.recommendTitle(result.name), categories: methods,
                                series: [.init(label: "NDCG" + k, values: ndcg, intervals: intervals)])
        chart.yTitle = "NDCG" + k
        return [TitledChart(title: chart.title, svg: chart.render())]
    }

    /// The similarity score of each recommended item, in rank order.
    static func similarItems(_ result: ResultCharts.Result) throws -> [TitledChart] {
        let data = result.dataset
        guard let scores = data.numbers("score"), let idName = data.columns.first(where: { $0.type == .string && $0.name != "reason" })?.name,
            let items = data.texts(idName)
        else { return [] }
        let shown = Array(0..<min(20, data.rowCount))
        var chart = SVGBarChart(title: WorkshopMessages.similarTitle(result.name), categories: shown.map { items[$0] },
                                series: [.init(label: WorkshopMessages.score, values: shown.map { scores[$0] })])
        chart.yTitle = WorkshopMessages.score
        return [TitledChart(title: chart.title, svg: chart.render())]
    }
}
