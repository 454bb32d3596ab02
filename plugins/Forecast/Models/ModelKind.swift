import OpsKit

/// The forecasting methods users can name with `--model`.
enum ModelKind: String, CaseIterable, Sendable {
    case auto, naive, snaive, drift, ma, ses, holt, damped
    case holtWinters = "holt-winters"
    case ets, theta, mstl, croston, sba, tsb

    /// Parses a name, with a did-you-mean error naming the option.
    static func parse(_ text: String, option: String) throws -> ModelKind {
        if let kind = ModelKind(rawValue: text.lowercased()) { return kind }
        throw OpsError.unknown(
            kind: "model", name: text, place: " in \(option)", available: allCases.map(\.rawValue), listLabel: "models")
    }

    /// Parses `a,b,c`.
    static func parseList(_ text: String, option: String) throws -> [ModelKind] {
        let names = text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw OpsError.invalidOption(option, Strings.emptyList, hint: Strings.modelListHint) }
        return try names.map { try parse($0, option: option) }
    }
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
