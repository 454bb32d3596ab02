/// One entry of a chart's legend.
public struct LegendEntry: Sendable {
    public enum Mark: Sendable { case line, dashedLine, box, dot }
    public var label: String
    public var color: String
    public var mark: Mark

    public init(_ label: String, color: String, mark: Mark = .box) {
        self.label = label
        self.color = color
        self.mark = mark
    }
}

/// The parts every chart shares: size, title, legend, the plot area, grid and axes.
struct ChartFrame {
    static let titleSize = 14.0
    static let labelSize = 11.0

    let width: Double
    let height: Double
    let title: String
    let legend: [LegendEntry]
    var left: Double
    let right: Double
    let top: Double
    var bottom: Double

    /// A frame whose plot area leaves room for the title, the legend's rows, `yLabels` at the
    /// left and `bottomSpace` pixels of x labels and axis title below.
    init(width: Double, height: Double, title: String, legend: [LegendEntry], yLabels: [String], bottomSpace: Double = 40) {
        self.width = width
        self.height = height
        self.title = title
        self.legend = legend
        let widest = yLabels.map { SVGMarkup.textWidth($0, fontSize: Self.labelSize) }.max() ?? 20
        left = min(width * 0.4, max(40, widest + 24))
        right = width - 16
        // room under the title (and the legend) for the labels above the highest bars
        top = 44 + Double(Self.legendRows(legend, width: width)) * 18
        bottom = height - bottomSpace
    }

    /// Rows the legend takes when laid out left to right within `width`.
    static func legendRows(_ legend: [LegendEntry], width: Double) -> Int {
        guard !legend.isEmpty else { return 0 }
        var rows = 1, x = 12.0
        for entry in legend {
            let w = 22 + SVGMarkup.textWidth(entry.label, fontSize: labelSize) + 14
            if x + w > width - 12, x > 12 { rows += 1; x = 12 }
            x += w
        }
        return rows
    }

    func drawTitleAndLegend(_ canvas: inout SVGCanvas) {
        canvas.text(title, x: 12, y: 20, size: Self.titleSize, fill: "#222", bold: true)
        var x = 12.0, y = 38.0
        for entry in legend {
            let w = 22 + SVGMarkup.textWidth(entry.label, fontSize: Self.labelSize) + 14
            if x + w > width - 12, x > 12 { x = 12; y += 18 }
            switch entry.mark {
            case .line: canvas.line(x, y - 4, x + 16, y - 4, stroke: entry.color, width: 2)
            case .dashedLine: canvas.line(x, y - 4, x + 16, y - 4, stroke: entry.color, width: 2, dash: "4 3")
            case .box: canvas.rect(x, y - 10, 16, 10, fill: entry.color, opacity: 0.85)
            case .dot: canvas.circle(x + 8, y - 4, r: 4, fill: entry.color)
            }
            canvas.text(entry.label, x: x + 20, y: y, size: Self.labelSize)
            x += w
        }
    }

    /// Horizontal grid lines and labels at the y ticks, and the y axis title.
    func drawYAxis(_ canvas: inout SVGCanvas, scale: ChartScale, title: String?) {
        for tick in scale.ticks {
            let y = scale.position(tick)
            canvas.line(left, y, right, y, stroke: tick == 0 ? "#999" : "#e5e5e5")
            canvas.text(scale.label(tick), x: left - 6, y: y + 4, anchor: .end, size: Self.labelSize, fill: "#555")
        }
        if let title, !title.isEmpty {
            canvas.text(title, x: 12, y: (top + bottom) / 2, anchor: .middle, size: Self.labelSize, fill: "#555", rotate: -90)
        }
    }

    /// Tick marks and labels at the x ticks, and the x axis title.
    func drawXAxis(_ canvas: inout SVGCanvas, scale: ChartScale, format: AxisFormat, title: String?) {
        canvas.line(scale.start, bottom, scale.end, bottom, stroke: "#999")
        var ticks = scale.ticks.filter { $0 >= scale.low && $0 <= scale.high }
        if case .integer = format { ticks = ticks.filter { $0 == $0.rounded() } }
        let labels = ticks.map { format.label($0, scale: scale) }
        let widest = labels.map { SVGMarkup.textWidth($0, fontSize: Self.labelSize) }.max() ?? 0
        let room = ticks.count > 1 ? abs(scale.position(ticks[1]) - scale.position(ticks[0])) : right - left
        let every = widest + 8 > room ? Int((widest + 8) / max(room, 1)) + 1 : 1
        for (i, tick) in ticks.enumerated() {
            let x = scale.position(tick)
            canvas.line(x, bottom, x, bottom + 4, stroke: "#999")
            guard i % every == 0 else { continue }
            // a label that would run past the edge is aligned to it instead
            let half = SVGMarkup.textWidth(labels[i], fontSize: Self.labelSize) / 2
            let anchor: SVGCanvas.Anchor = x + half > width - 2 ? .end : (x - half < 2 ? .start : .middle)
            canvas.text(labels[i], x: x, y: bottom + 17, anchor: anchor, size: Self.labelSize, fill: "#555")
        }
        if let title, !title.isEmpty {
            canvas.text(title, x: (left + right) / 2, y: height - 8, anchor: .middle, size: Self.labelSize, fill: "#555")
        }
    }
}
