/// A scatter chart as SVG: points coloured by group (clusters), optional paths
/// through points (routes from a depot) and labelled landmarks (the depot).
public struct SVGScatterChart {
    /// One point; `group` picks its colour and legend entry.
    public struct Point: Sendable {
        public var x: Double
        public var y: Double
        public var group: Int
        public var label: String?

        public init(x: Double, y: Double, group: Int = 0, label: String? = nil) {
            self.x = x
            self.y = y
            self.group = group
            self.label = label
        }
    }

    /// A polyline through points in order, coloured like `group`.
    public struct Path: Sendable {
        public var points: [(x: Double, y: Double)]
        public var group: Int

        public init(points: [(x: Double, y: Double)], group: Int) {
            self.points = points
            self.group = group
        }
    }

    /// A point drawn as a dark square with its name (a depot, a cluster centre).
    public struct Landmark: Sendable {
        public var x: Double
        public var y: Double
        public var label: String

        public init(x: Double, y: Double, label: String) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    public var title: String
    public var points: [Point]
    /// Legend label of each group (index = group); groups without a label are not in the legend.
    public var groupLabels: [String] = []
    public var paths: [Path] = []
    public var landmarks: [Landmark] = []
    public var xTitle: String?
    public var yTitle: String?
    /// Same units per pixel on both axes (a map).
    public var equalAspect = false
    public var width = 640.0
    public var height = 400.0

    public init(title: String, points: [Point]) {
        self.title = title
        self.points = points
    }

    public func render() -> String {
        let legend = groupLabels.enumerated().map { LegendEntry($1, color: ChartPalette.color($0), mark: paths.isEmpty ? .dot : .line) }
        let xs = points.map(\.x) + paths.flatMap { $0.points.map(\.x) } + landmarks.map(\.x)
        let ys = points.map(\.y) + paths.flatMap { $0.points.map(\.y) } + landmarks.map(\.y)
        let ticks = ChartScale(values: ys, start: 0, end: 1)
        let frame = ChartFrame(width: width, height: height, title: title, legend: legend, yLabels: ticks.ticks.map(ticks.label))
        var xScale = ChartScale(values: xs, start: frame.left, end: frame.right)
        var yScale = ChartScale(values: ys, start: frame.bottom, end: frame.top)
        if equalAspect {
            // shrink the longer side so that one unit is as many pixels across as up
            let perX = (frame.right - frame.left) / (xScale.high - xScale.low)
            let perY = (frame.bottom - frame.top) / (yScale.high - yScale.low)
            if perX > perY {
                let used = (xScale.high - xScale.low) * perY
                xScale = ChartScale(values: xs, start: frame.left, end: frame.left + used)
            } else {
                let used = (yScale.high - yScale.low) * perX
                yScale = ChartScale(values: ys, start: frame.bottom, end: frame.bottom - used)
            }
        }
        var canvas = SVGCanvas(width: width, height: height)
        frame.drawTitleAndLegend(&canvas)
        frame.drawYAxis(&canvas, scale: yScale, title: yTitle)
        frame.drawXAxis(&canvas, scale: xScale, format: .number, title: xTitle)
        for path in paths {
            canvas.polyline(path.points.map { (xScale.position($0.x), yScale.position($0.y)) }, stroke: ChartPalette.color(path.group), width: 1.6)
        }
        for point in points where point.x.isFinite && point.y.isFinite {
            let title = (point.label.map { $0 + " " } ?? "") + "(\(xScale.label(point.x)), \(yScale.label(point.y)))"
            canvas.circle(xScale.position(point.x), yScale.position(point.y), r: points.count > 400 ? 2.2 : 3.5,
                          fill: ChartPalette.color(point.group), title: title)
        }
        for landmark in landmarks where landmark.x.isFinite && landmark.y.isFinite {
            let x = xScale.position(landmark.x), y = yScale.position(landmark.y)
            canvas.rect(x - 5, y - 5, 10, 10, fill: "#222", title: landmark.label)
            canvas.text(landmark.label, x: x + 8, y: y - 6, size: ChartFrame.labelSize, fill: "#222", bold: true)
        }
        return canvas.document(title: title)
    }
}
