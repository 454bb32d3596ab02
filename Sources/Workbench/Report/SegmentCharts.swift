import OpsKit

/// Charts of `segment` results: the K sweep, cluster profiles, members on two features, RFM segments.
enum SegmentCharts {
    /// Inertia (elbow) and silhouette against K, the chosen K marked.
    static func sweep(_ result: ResultCharts.Result) -> [TitledChart] {
        let data = result.dataset
        guard let ks = data.numbers("k"), let inertia = data.numbers("inertia"), let silhouette = data.numbers("silhouette") else { return [] }
        let chosen = data.texts("chosen").flatMap { flags in flags.firstIndex(of: "true").map { ks[$0] } }
        func chart(_ title: String, _ label: String, _ values: [Double]) -> TitledChart {
            var chart = SVGLineChart(title: title, series: [.init(label: label, x: ks, y: values, showsPoints: true)])
            chart.xFormat = .integer(prefix: "K=")
            chart.xTitle = "K"
            if let chosen { chart.events = [.init(label: WorkshopMessages.chosenK(Int(chosen)), start: chosen, end: chosen)] }
            return TitledChart(title: title, svg: chart.render())
        }
        return [
            chart(WorkshopMessages.sweepInertiaTitle(result.name), WorkshopMessages.inertia, inertia),
            chart(WorkshopMessages.sweepSilhouetteTitle(result.name), WorkshopMessages.silhouette, silhouette),
        ]
    }

    /// Each cluster's mean of each feature as an index of the overall mean (100 = average).
    static func profiles(_ result: ResultCharts.Result) -> [TitledChart] {
        let data = result.dataset
        guard let sizes = data.numbers("size"), let clusters = data.texts("cluster"), let labels = data.texts("label") else { return [] }
        let features = data.columns.filter { $0.type.isNumeric && !["cluster", "size", "share"].contains($0.name) }.map(\.name)
        guard !features.isEmpty else { return [] }
        let total = sizes.filter(\.isFinite).reduce(0, +)
        var series: [SVGBarChart.Series] = []
        for c in clusters.indices {
            let values = features.map { feature -> Double in
                let column = data.numbers(feature)!
                let mean = total > 0 ? zip(column, sizes).map { $0 * $1 }.filter(\.isFinite).reduce(0, +) / total : .nan
                return mean != 0 && mean.isFinite ? column[c] / mean * 100 : .nan
            }
            series.append(.init(label: "\(clusters[c]) \(labels[c]) (\(ValueFormat.double(sizes[c])))", values: values))
        }
        var chart = SVGBarChart(title: WorkshopMessages.profilesTitle(result.name), categories: features, series: series)
        chart.reference = 100
        chart.yTitle = WorkshopMessages.indexOfMean
        return [TitledChart(title: chart.title, svg: chart.render())]
    }

    /// Members on the first two clustering features, coloured by cluster (up to 2,000 rows, spread evenly).
    static func members(_ result: ResultCharts.Result) throws -> [TitledChart] {
        let features = result.command.list("--features")
        guard features.count >= 2, let input = try result.input(), input.rowCount == result.dataset.rowCount,
            let x = input.numbers(features[0]), let y = input.numbers(features[1]), let clusters = result.dataset.numbers("cluster")
        else { return [] }
        let shown = Sample.evenly(input.rowCount, limit: 2000)
        let groups = Array(Set(clusters.filter(\.isFinite).map { Int($0) })).sorted()
        let points = shown.compactMap { row -> SVGScatterChart.Point? in
            guard clusters[row].isFinite, let group = groups.firstIndex(of: Int(clusters[row])) else { return nil }
            return .init(x: x[row], y: y[row], group: group)
        }
        var chart = SVGScatterChart(title: WorkshopMessages.membersTitle(result.name, shown: shown.count, of: input.rowCount), points: points)
        chart.groupLabels = groups.map { WorkshopMessages.clusterLabel($0) }
        chart.xTitle = features[0]
        chart.yTitle = features[1]
        return [TitledChart(title: chart.title, svg: chart.render())]
    }

    /// Customers and revenue per RFM segment, segments by revenue.
    static func rfm(_ result: ResultCharts.Result) throws -> [TitledChart] {
        guard let segments = result.dataset.texts("segment"), let money = result.dataset.numbers("monetary") else { return [] }
        var count: [String: Double] = [:], revenue: [String: Double] = [:]
        for (segment, value) in zip(segments, money) {
            count[segment, default: 0] += 1
            if value.isFinite { revenue[segment, default: 0] += value }
        }
        let order = count.keys.sorted { (revenue[$0] ?? 0, $1) > (revenue[$1] ?? 0, $0) }
        var sizes = SVGBarChart(title: WorkshopMessages.rfmSizesTitle(result.name), categories: order,
                                series: [.init(label: WorkshopMessages.customers, values: order.map { count[$0]! })])
        sizes.yTitle = WorkshopMessages.customers
        var income = SVGBarChart(title: WorkshopMessages.rfmRevenueTitle(result.name), categories: order,
                                 series: [.init(label: WorkshopMessages.revenue, values: order.map { revenue[$0] ?? 0 })])
        income.yTitle = WorkshopMessages.revenue
        return [TitledChart(title: sizes.title, svg: sizes.render()), TitledChart(title: income.title, svg: income.render())]
    }
}

/// Choosing rows to draw when there are too many.
enum Sample {
    /// Up to `limit` row indices spread evenly over `count` rows, in order (all of them when few).
    static func evenly(_ count: Int, limit: Int) -> [Int] {
        guard count > limit, limit > 0 else { return Array(0..<count) }
        return (0..<limit).map { $0 * count / limit }
    }
}
