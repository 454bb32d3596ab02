/// A line chart as SVG: series over a numeric or date x axis, shaded interval bands
/// (a forecast's prediction interval) and event spans (双11, a promotion).
public struct SVGLineChart {
    /// One line.
    public struct Series: Sendable {
        public var label: String
        public var x: [Double]
        public var y: [Double]
        public var dashed: Bool
        public var showsPoints: Bool

        public init(label: String, x: [Double], y: [Double], dashed: Bool = false, showsPoints: Bool = false) {
            self.label = label
            self.x = x
            self.y = y
            self.dashed = dashed
            self.showsPoints = showsPoints
        }
    }

    /// A shaded area between a lower and an upper bound at each x.
    public struct Band: Sendable {
        public var label: String
        public var x: [Double]
        public var lower: [Double]
        public var upper: [Double]
        /// The palette colour (index) to shade with: the series the interval belongs to.
        public var colorIndex: Int

        public init(label: String, x: [Double], lower: [Double], upper: [Double], colorIndex: Int = 0) {
            self.colorIndex = colorIndex
            self.label = label
            self.x = x
            self.lower = lower
            self.upper = upper
        }
    }

    /// An event covering x from `start` to `end` (inclusive), drawn as a tinted column with its name.
    public struct Event: Sendable {
        public var label: String
        public var start: Double
        public var end: Double

        public init(label: String, start: Double, end: Double) {
            self.label = label
            self.start = start
            self.end = end
        }
    }

    public var title: String
    public var series: [Series]
    public var bands: [Band] = []
    public var events: [Event] = []
    public var xFormat: AxisFormat = .number
    public var xTitle: String?
    public var yTitle: String?
    public var width = 640.0
    public var height = 340.0

    public init(title: String, series: [Series]) {
        self.title = title
        self.series = series
    }

    public func render() -> String {
        var legend = series.enumerated().map { LegendEntry($1.label, color: ChartPalette.color($0), mark: $1.dashed ? .dashedLine : .line) }
        legend += bands.map { LegendEntry($0.label, color: ChartPalette.color($0.colorIndex), mark: .box) }
        if !events.isEmpty { legend.append(LegendEntry(events.map(\.label).uniqued().joined(separator: " · "), color: "#f2c14e")) }
        let yValues = series.flatMap(\.y) + bands.flatMap { $0.lower + $0.upper }
        let xValues = series.flatMap(\.x) + bands.flatMap(\.x) + events.flatMap { [$0.start, $0.end] }
        let ticks = ChartScale(values: yValues, start: 0, end: 1)
        let frame = ChartFrame(width: width, height: height, title: title, legend: legend, yLabels: ticks.ticks.map(ticks.label))
        let yScale = ChartScale(values: yValues, start: frame.bottom, end: frame.top)
        let xScale = ChartScale(values: xValues, start: frame.left, end: frame.right, tickCount: 6)
        var canvas = SVGCanvas(width: width, height: height)
        frame.drawTitleAndLegend(&canvas)
        for event in events {
            let x0 = xScale.position(event.start - 0.5), x1 = xScale.position(event.end + 0.5)
            canvas.rect(x0, frame.top, x1 - x0, frame.bottom - frame.top, fill: "#f2c14e", opacity: 0.18, title: event.label)
            canvas.text(event.label, x: (x0 + x1) / 2, y: frame.top + 12, anchor: .middle, size: 10, fill: "#8a6d00")
        }
        frame.drawYAxis(&canvas, scale: yScale, title: yTitle)
        frame.drawXAxis(&canvas, scale: xScale, format: xFormat, title: xTitle)
        for band in bands {
            for run in Self.finiteRuns(band.x.indices.filter { band.lower[$0].isFinite && band.upper[$0].isFinite && band.x[$0].isFinite }) {
                let upper = run.map { (xScale.position(band.x[$0]), yScale.position(band.upper[$0])) }
                let lower = run.reversed().map { (xScale.position(band.x[$0]), yScale.position(band.lower[$0])) }
                canvas.polygon(upper + lower, fill: ChartPalette.color(band.colorIndex), opacity: 0.22)
            }
        }
        for (i, line) in series.enumerated() {
            let color = ChartPalette.color(i)
            let valid = line.x.indices.filter { line.x[$0].isFinite && line.y[$0].isFinite }
            for run in Self.finiteRuns(valid) {
                canvas.polyline(run.map { (xScale.position(line.x[$0]), yScale.position(line.y[$0])) }, stroke: color, dash: line.dashed ? "5 4" : nil)
            }
            let lone = Set(Self.finiteRuns(valid).filter { $0.count == 1 }.flatMap { $0 })
            for j in valid where line.showsPoints || lone.contains(j) {
                canvas.circle(xScale.position(line.x[j]), yScale.position(line.y[j]), r: 3.5, fill: color,
                              title: xFormat.label(line.x[j], scale: xScale) + ": " + yScale.label(line.y[j]))
            }
        }
        return canvas.document(title: title)
    }

    /// Consecutive indices grouped into runs (a gap in the indices, from a missing value, breaks the line).
    static func finiteRuns(_ indices: [Int]) -> [[Int]] {
        var runs: [[Int]] = []
        for i in indices {
            if let last = runs.last?.last, last == i - 1 { runs[runs.count - 1].append(i) } else { runs.append([i]) }
        }
        return runs
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in first-seen order.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
