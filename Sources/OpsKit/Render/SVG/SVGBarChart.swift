/// A bar chart as SVG: one group of bars per category, one bar per series,
/// optionally with an interval drawn on each bar (a bootstrap interval).
public struct SVGBarChart {
    /// The bars of one series, one value per category.
    public struct Series: Sendable {
        public var label: String
        public var values: [Double]
        /// (low, high) per category, drawn as a whisker; nil for none.
        public var intervals: [(Double, Double)]?

        public init(label: String, values: [Double], intervals: [(Double, Double)]? = nil) {
            self.label = label
            self.values = values
            self.intervals = intervals
        }
    }

    public var title: String
    public var categories: [String]
    public var series: [Series]
    public var yTitle: String?
    public var xTitle: String?
    /// A horizontal reference line (100 for an index, 1 for a ratio); nil for none.
    public var reference: Double?
    public var width = 640.0
    public var height = 340.0

    public init(title: String, categories: [String], series: [Series]) {
        self.title = title
        self.categories = categories
        self.series = series
    }

    public func render() -> String {
        let legend = series.count > 1 ? series.enumerated().map { LegendEntry($1.label, color: ChartPalette.color($0)) } : []
        let values = series.flatMap(\.values) + series.flatMap { ($0.intervals ?? []).flatMap { [$0.0, $0.1] } } + (reference.map { [$0] } ?? [])
        let ticks = ChartScale(values: values, start: 0, end: 1, includeZero: true)
        let labelWidths = categories.map { SVGMarkup.textWidth($0, fontSize: ChartFrame.labelSize) }
        let plotWidth = width - 80
        let slot = plotWidth / Double(max(1, categories.count))
        let rotated = (labelWidths.max() ?? 0) > slot - 4
        let bottomSpace = rotated ? min(height * 0.35, (labelWidths.max() ?? 0) * 0.6 + 30) : 40
        let frame = ChartFrame(
            width: width, height: height, title: title, legend: legend, yLabels: ticks.ticks.map(ticks.label), bottomSpace: bottomSpace)
        let yScale = ChartScale(values: values, start: frame.bottom, end: frame.top, includeZero: true)
        var canvas = SVGCanvas(width: width, height: height)
        frame.drawTitleAndLegend(&canvas)
        frame.drawYAxis(&canvas, scale: yScale, title: yTitle)
        let groupWidth = (frame.right - frame.left) / Double(max(1, categories.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, series.count))
        let zero = yScale.position(0)
        let labelsOnBars = categories.count * series.count <= 16
        for (c, category) in categories.enumerated() {
            let groupLeft = frame.left + Double(c) * groupWidth + groupWidth * 0.1
            for (s, bars) in series.enumerated() where c < bars.values.count {
                let value = bars.values[c]
                guard value.isFinite else { continue }
                let x = groupLeft + Double(s) * barWidth
                let y = yScale.position(value)
                canvas.rect(x + 1, min(y, zero), barWidth - 2, abs(zero - y), fill: ChartPalette.color(s), opacity: 0.9,
                            title: "\(category) · \(bars.label): \(ValueFormat.double(value))")
                if let interval = bars.intervals?[c], interval.0.isFinite, interval.1.isFinite {
                    let mid = x + barWidth / 2
                    canvas.line(mid, yScale.position(interval.0), mid, yScale.position(interval.1), stroke: "#333", width: 1.2)
                    canvas.line(mid - 4, yScale.position(interval.0), mid + 4, yScale.position(interval.0), stroke: "#333")
                    canvas.line(mid - 4, yScale.position(interval.1), mid + 4, yScale.position(interval.1), stroke: "#333")
                } else if labelsOnBars {
                    canvas.text(Self.short(value), x: x + barWidth / 2, y: value >= 0 ? y - 4 : y + 12, anchor: .middle, size: 10, fill: "#333")
                }
            }
            let center = frame.left + (Double(c) + 0.5) * groupWidth
            if rotated {
                canvas.text(category, x: center, y: frame.bottom + 14, anchor: .end, size: ChartFrame.labelSize, fill: "#555", rotate: -35)
            } else {
                canvas.text(category, x: center, y: frame.bottom + 17, anchor: .middle, size: ChartFrame.labelSize, fill: "#555")
            }
        }
        if let reference {
            let y = yScale.position(reference)
            canvas.line(frame.left, y, frame.right, y, stroke: "#c0392b", dash: "4 3")
        }
        if let xTitle, !xTitle.isEmpty, !rotated {
            canvas.text(xTitle, x: (frame.left + frame.right) / 2, y: height - 8, anchor: .middle, size: ChartFrame.labelSize, fill: "#555")
        }
        return canvas.document(title: title)
    }

    /// A value label of at most three significant decimals (`0.0927`, `1234`).
    static func short(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 100 || value == value.rounded() { return ValueFormat.fixed(value, digits: 0) }
        if magnitude >= 1 { return ValueFormat.fixed(value, digits: 2) }
        return ValueFormat.fixed(value, digits: 3)
    }
}
