import ArgumentParser
import OpsKit

/// `--season auto|N[,N2]|none`: periods from 1 to 10000 (1 means no season).
enum SeasonSpec: DescribedValue, CustomStringConvertible {
    case auto
    case fixed([Int])

    /// How the value is typed: the option vocabulary's types, so a malformed value is reported
    /// with the option, the value and the form expected.
    typealias Form = AutoOr<NoneOr<CommaList<Bounded<SeasonLength>>>>

    init?(argument: String) {
        switch Form(argument: argument) {
        case nil: return nil
        case .auto: self = .auto
        case .value(.none): self = .fixed([])
        case .value(.value(let list)):
            var periods: [Int] = []
            for period in list.map(\.value) where period > 1 && !periods.contains(period) { periods.append(period) }
            self = .fixed(periods)
        }
    }

    static var valueSpec: ValueSpec { Form.valueSpec }
    static var defaultCompletionKind: CompletionKind { Form.defaultCompletionKind }

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
