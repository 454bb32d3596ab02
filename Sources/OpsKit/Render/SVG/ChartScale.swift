import Foundation

/// A linear map from data values to pixels, over a domain widened to round tick values.
struct ChartScale {
    let low: Double
    let high: Double
    let ticks: [Double]
    let start: Double
    let end: Double

    /// A scale over `values` (non-finite ones ignored), from `start` to `end` pixels;
    /// `includeZero` for bars, whose length must start at 0.
    init(values: [Double], start: Double, end: Double, includeZero: Bool = false, tickCount: Int = 5) {
        var finite = values.filter(\.isFinite)
        if includeZero { finite.append(0) }
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if low == high { low -= low == 0 ? 1 : abs(low) * 0.1; high += high == 0 ? 1 : abs(high) * 0.1 }
        let step = Self.niceStep((high - low) / Double(max(1, tickCount)))
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
        var ticks: [Double] = []
        var tick = self.low
        while tick <= self.high + step * 1e-9, ticks.count < 50 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        self.ticks = ticks
        self.start = start
        self.end = end
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= raw * (1 - 1e-12) { return factor * power }
        return 10 * power
    }

    func position(_ value: Double) -> Double { start + (value - low) / (high - low) * (end - start) }

    /// Tick labels with as many decimals as the step needs.
    func label(_ value: Double) -> String {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let digits = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
        return ValueFormat.fixed(value, digits: digits)
    }
}

/// How the x values of a line or scatter chart are labelled.
public enum AxisFormat: Sendable {
    /// Plain numbers.
    case number
    /// Day numbers (days since 1970-01-01) shown as dates.
    case date
    /// Whole numbers as labels `prefix + n` (`K=3`).
    case integer(prefix: String)

    func label(_ value: Double, scale: ChartScale) -> String {
        switch self {
        case .number: return scale.label(value)
        case .date: return CivilDate.string(fromDays: Int64(value.rounded()))
        case .integer(let prefix): return prefix + String(Int(value.rounded()))
        }
    }
}

/// The colours of series and groups, in order (a colour-blind-safe categorical palette).
public enum ChartPalette {
    public static let colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    public static func color(_ index: Int) -> String { colors[((index % colors.count) + colors.count) % colors.count] }
}
