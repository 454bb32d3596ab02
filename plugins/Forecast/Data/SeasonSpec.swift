import ArgumentParser
import OpsKit

/// `--season auto|N[,N2]|none`: periods from 1 to 10000 (1 means no season).
enum SeasonSpec: DescribedValue, CustomStringConvertible {
    case auto
    case fixed([Int])

    init?(argument: String) {
        switch argument.trimmingWhitespace().lowercased() {
        case "auto": self = .auto
        case "none": self = .fixed([])
        default:
            guard let list = CommaList<Bounded<SeasonLength>>(argument: argument) else { return nil }
            var periods: [Int] = []
            for period in list.map(\.value) where period > 1 && !periods.contains(period) { periods.append(period) }
            self = .fixed(periods)
        }
    }

    /// Checked when parsed: `auto`, `none` or a comma list of periods is more than one value spec can say.
    static var valueSpec: ValueSpec { .text }
    static var defaultCompletionKind: CompletionKind { .list(["auto", "none"]) }

    var description: String {
        switch self {
        case .auto: return "auto"
        case .fixed(let periods): return periods.isEmpty ? "none" : periods.map(String.init).joined(separator: ",")
        }
    }

    var defaultValueDescription: String { description }

    /// The periods to try for a series of `length` observations, primary (shortest) first.
    func periods(for frequency: Frequency, length: Int) -> [Int] {
        switch self {
        case .auto: return frequency.defaultSeasons(length: length)
        case .fixed(let p): return p.sorted()
        }
    }
}
