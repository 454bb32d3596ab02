import OpsKit

/// The forecasting methods users can name with `--model`.
enum ModelKind: String, CaseIterable, Sendable {
    case auto, naive, snaive, drift, ma, ses, holt, damped
    case holtWinters = "holt-winters"
    case ets, theta, mstl, croston, sba, tsb
}

/// What a series looks like to the model chooser.
struct SeriesProfile: Sendable {
    /// Seasonal periods the series is long enough for (two full seasons), primary first.
    var seasons: [Int]
    /// Average demand interval: periods per non-zero observation.
    var demandInterval: Double
    var nonNegative: Bool

    init(_ y: [Double], seasons: [Int]) {
        self.seasons = seasons.filter { $0 > 1 && y.count >= 2 * $0 }
        demandInterval = Intermittent.averageDemandInterval(y)
        nonNegative = y.allSatisfy { $0 >= 0 }
    }

    var primarySeason: Int { seasons.first ?? 1 }

    /// Intermittent demand: non-negative with an average demand interval above 1.32 (Syntetos–Boylan).
    var isIntermittent: Bool { nonNegative && demandInterval > 1.32 }
}
