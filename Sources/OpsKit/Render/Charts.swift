/// Text charts for terminals and transcripts: sparklines, line charts with an
/// optional band, and point maps. Output is deterministic plain text.
public enum Sparkline {
    private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block character per value, scaled between the values' min and max (NaN as space).
    public static func render(_ values: [Double]) -> String {
        let finite = values.filter { $0.isFinite }
        guard let low = finite.min(), let high = finite.max() else { return String(repeating: " ", count: values.count) }
        let span = high - low
        return String(values.map { value -> Character in
            guard value.isFinite else { return " " }
            let level = span > 0 ? Int(((value - low) / span * 7).rounded()) : 3
            return blocks[min(7, max(0, level))]
        })
    }
}

/// One series of a ``LineChart``.
public struct ChartSeries {
    public var label: String
    public var values: [Double]
    public var symbol: Character
    /// Index on the shared x axis of the first value.
    public var offset: Int

    public init(label: String, values: [Double], symbol: Character, offset: Int = 0) {
        self.label = label
        self.values = values
        self.symbol = symbol
        self.offset = offset
    }
}

/// A line chart drawn with characters on a grid, with a y axis, optional
/// shaded band (e.g. a prediction interval) and a legend.
public struct LineChart {
    public var width: Int
    public var height: Int

    public init(width: Int = 60, height: Int = 12) {
        self.width = max(10, width)
        self.height = max(4, height)
    }

    /// Renders the series over x = 0..<points; `band` gives (offset, lower, upper) drawn as `░`.
    public func render(
        series: [ChartSeries], band: (offset: Int, lower: [Double], upper: [Double])? = nil, xLabels: (String, String)? = nil
    ) -> String {
        var all = series.flatMap { $0.values }
        if let band { all += band.lower + band.upper }
        let finite = all.filter { $0.isFinite }
        guard var low = finite.min(), var high = finite.max() else { return KitText.noChartData + "\n" }
        if high == low { high += 1; low -= 1 }
        let points = max(
            series.map { $0.offset + $0.values.count }.max() ?? 0,
            band.map { $0.offset + $0.lower.count } ?? 0)
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        func column(_ x: Int) -> Int { points <= 1 ? 0 : Int((Double(x) / Double(points - 1) * Double(width - 1)).rounded()) }
        func row(_ y: Double) -> Int { height - 1 - Int(((y - low) / (high - low) * Double(height - 1)).rounded()) }
        if let band {
            for i in band.lower.indices where band.lower[i].isFinite && band.upper[i].isFinite {
                let c = column(band.offset + i)
                for r in row(band.upper[i])...row(band.lower[i]) where (0..<height).contains(r) { grid[r][c] = "░" }
            }
        }
        for s in series {
            for (i, value) in s.values.enumerated() where value.isFinite {
                grid[row(value)][column(s.offset + i)] = s.symbol
            }
        }
        let highLabel = ValueFormat.fixed(high, digits: high.magnitude >= 100 ? 0 : 2)
        let lowLabel = ValueFormat.fixed(low, digits: low.magnitude >= 100 ? 0 : 2)
        let labelWidth = max(highLabel.count, lowLabel.count)
        var text = ""
        for (r, cells) in grid.enumerated() {
            let label = r == 0 ? highLabel : (r == height - 1 ? lowLabel : "")
            text += DisplayWidth.pad(label, to: labelWidth, rightAligned: true) + " ┤" + String(cells).trailingSpacesRemoved() + "\n"
        }
        text += String(repeating: " ", count: labelWidth) + " └" + String(repeating: "─", count: width) + "\n"
        if let xLabels {
            let gap = max(1, width - DisplayWidth.of(xLabels.0) - DisplayWidth.of(xLabels.1))
            text += String(repeating: " ", count: labelWidth + 2) + xLabels.0 + String(repeating: " ", count: gap) + xLabels.1 + "\n"
        }
        let legend = series.map { "\($0.symbol) \($0.label)" } + (band != nil ? ["░ " + KitText.intervalLegend] : [])
        text += String(repeating: " ", count: labelWidth + 2) + legend.joined(separator: "   ") + "\n"
        return text
    }
}

/// Points on a character grid keeping the x/y aspect, e.g. a map of routes.
public struct PointMap {
    public var width: Int
    public var height: Int

    public init(width: Int = 60, height: Int = 20) {
        self.width = max(10, width)
        self.height = max(5, height)
    }

    /// Draws each point with its symbol; later points overwrite earlier ones.
    public func render(points: [(x: Double, y: Double, symbol: Character)]) -> String {
        let xs = points.map(\.x).filter(\.isFinite), ys = points.map(\.y).filter(\.isFinite)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else {
            return KitText.noPoints + "\n"
        }
        let spanX = max(maxX - minX, 1e-9), spanY = max(maxY - minY, 1e-9)
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        for p in points where p.x.isFinite && p.y.isFinite {
            let c = Int(((p.x - minX) / spanX * Double(width - 1)).rounded())
            let r = height - 1 - Int(((p.y - minY) / spanY * Double(height - 1)).rounded())
            grid[r][c] = p.symbol
        }
        let border = "+" + String(repeating: "-", count: width) + "+\n"
        return border + grid.map { "|" + String($0) + "|\n" }.joined() + border
    }
}
