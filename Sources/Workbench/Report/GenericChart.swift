import ArgumentParser
import OpsKit

/// The kind of chart `chart` draws from columns.
enum ChartKind: String, ChoiceOption {
    case auto, line, bar, scatter

    var help: Localized {
        switch self {
        case .auto: return Localized(en: "bars over a text x, a line over a sorted x, else points", zh: "x 为文本时画柱状图，x 已排序时画折线，否则画散点")
        case .line: return Localized(en: "lines, one per y column (or --by group)", zh: "折线，每个 y 列（或 --by 分组）一条")
        case .bar: return Localized(en: "bars per category of x; repeated categories are added up", zh: "按 x 的类别画柱；重复的类别相加")
        case .scatter: return Localized(en: "one point per row, coloured by --by", zh: "每行一个点，按 --by 着色")
        }
    }
}

/// A chart drawn from named columns: `chart DATASET --x col --y col[,col] [--kind ...] [--by col] [--band lo,hi]`.
struct GenericChart {
    /// Most categories a bar chart draws, and groups `--by` splits into.
    static let barLimit = 40
    static let groupLimit = 10

    var title: String
    var x: Column
    var ys: [Column]
    var kind: ChartKind
    var by: Column?
    var band: (Column, Column)?

    /// The kind `auto` means for these columns: bars over text, a line over sorted x, else points.
    var resolvedKind: ChartKind {
        guard kind == .auto else { return kind }
        guard let xs = x.numericValues() else { return .bar }
        let finite = xs.filter(\.isFinite)
        return zip(finite, finite.dropFirst()).allSatisfy { $0 <= $1 } ? .line : .scatter
    }

    func render() throws -> String {
        let groups = by.map { column in (0..<column.count).map { column.formatted(at: $0) } }
        let groupNames = groups?.uniqued() ?? [""]
        if groupNames.count > Self.groupLimit { throw WorkshopMessages.tooManyGroups(by!.name, groupNames.count, limit: Self.groupLimit) }
        let numericYs = try ys.map { try $0.requireNumeric(option: "--y") }
        switch resolvedKind {
        case .bar:
            let labels = (0..<x.count).map { x.formatted(at: $0) }
            let categories = labels.uniqued()
            if categories.count > Self.barLimit { throw WorkshopMessages.tooManyBars(x.name, categories.count, limit: Self.barLimit) }
            var series: [SVGBarChart.Series] = []
            for (y, values) in zip(ys, numericYs) {
                for group in groupNames {
                    var sums = [String: Double]()
                    for row in values.indices where values[row].isFinite && (groups == nil || groups![row] == group) {
                        sums[labels[row], default: 0] += values[row]
                    }
                    series.append(.init(label: seriesLabel(y.name, group), values: categories.map { sums[$0] ?? .nan }))
                }
            }
            var chart = SVGBarChart(title: title, categories: categories, series: series)
            chart.xTitle = x.name
            chart.yTitle = ys.count == 1 ? ys[0].name : nil
            return chart.render()
        case .line, .auto:
            let xs = try x.requireNumeric(option: "--x")
            var chart = SVGLineChart(title: title, series: [])
            for (y, values) in zip(ys, numericYs) {
                for group in groupNames {
                    let rows = xs.indices.filter { groups == nil || groups![$0] == group }.sorted { xs[$0] < xs[$1] }
                    chart.series.append(.init(label: seriesLabel(y.name, group), x: rows.map { xs[$0] }, y: rows.map { values[$0] }))
                }
            }
            if let band {
                let low = try band.0.requireNumeric(option: "--band"), high = try band.1.requireNumeric(option: "--band")
                let rows = xs.indices.sorted { xs[$0] < xs[$1] }
                chart.bands = [.init(label: band.0.name + "–" + band.1.name, x: rows.map { xs[$0] }, lower: rows.map { low[$0] }, upper: rows.map { high[$0] })]
            }
            chart.xFormat = x.type == .date ? .date : .number
            chart.xTitle = x.name
            chart.yTitle = ys.count == 1 ? ys[0].name : nil
            return chart.render()
        case .scatter:
            let xs = try x.requireNumeric(option: "--x")
            let values = numericYs[0]
            let points = xs.indices.map { row in
                SVGScatterChart.Point(x: xs[row], y: values[row], group: groups.map { groupNames.firstIndex(of: $0[row]) ?? 0 } ?? 0)
            }
            var chart = SVGScatterChart(title: title, points: points)
            if by != nil { chart.groupLabels = groupNames }
            chart.xTitle = x.name
            chart.yTitle = ys[0].name
            return chart.render()
        }
    }

    private func seriesLabel(_ y: String, _ group: String) -> String {
        by == nil ? y : (ys.count == 1 ? group : "\(y) · \(group)")
    }
}
