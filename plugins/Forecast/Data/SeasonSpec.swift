import OpsKit

/// `--season auto|N[,N2]|none`.
enum SeasonSpec: Sendable {
    case auto
    case fixed([Int])

    init(parsing text: String) throws {
        let lowered = text.lowercased()
        if lowered == "auto" { self = .auto; return }
        if lowered == "none" { self = .fixed([]); return }
        var periods: [Int] = []
        for part in lowered.split(separator: ",") {
            guard let p = Int(part.trimmingWhitespace()), p >= 1, p <= 10_000 else {
                throw OpsError.invalidOption("--season", Strings.badSeason(String(part)), hint: Strings.seasonHint)
            }
            if p > 1, !periods.contains(p) { periods.append(p) }
        }
        self = .fixed(periods)
    }

    /// The periods to try for a series of `length` observations, primary (shortest) first.
    func periods(for frequency: Frequency, length: Int) -> [Int] {
        switch self {
        case .auto: return frequency.defaultSeasons(length: length)
        case .fixed(let p): return p.sorted()
        }
    }
}
