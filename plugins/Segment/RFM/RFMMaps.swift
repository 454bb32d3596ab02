/// The named RFM segments and the maps from scores (or values) to segments.
enum RFMSegment: Int, CaseIterable {
    case champions, loyal, potentialLoyalist, new, promising, needAttention, aboutToSleep, atRisk, cantLose, hibernating, lost,
        others
    /// The eight groups of `--map cn8` (重要价值客户 ... 一般挽留客户).
    case importantValue, importantDevelopment, importantRetention, importantWinBack
    case generalValue, generalDevelopment, generalRetention, generalWinBack
}

/// How scores become segment names.
enum RFMMap: String, CaseIterable, Sendable {
    /// The 10-cell grid on R and F (the widely used regex map over the "RF" string).
    case grid
    /// The R `rfm` package's score ranges (first match wins, else Others).
    case ranges
    /// The eight groups used in Chinese marketing, from R, F and M values each
    /// high or low against its mean or median (``CN8Map``); not from scores.
    case cn8

    func segment(r: Int, f: Int, m: Int) -> RFMSegment {
        switch self {
        case .grid: return Self.grid(r: r, f: f)
        case .ranges:
            return Self.packageRanges.first { $0.r.contains(r) && $0.f.contains(f) && $0.m.contains(m) }?.segment ?? .others
        case .cn8:
            preconditionFailure("cn8 maps values, not scores: use CN8Map")
        }
    }

    private static func grid(r: Int, f: Int) -> RFMSegment {
        switch (r, f) {
        case (1...2, 1...2): return .hibernating
        case (1...2, 3...4): return .atRisk
        case (1...2, 5): return .cantLose
        case (3, 1...2): return .aboutToSleep
        case (3, 3): return .needAttention
        case (3...4, 4...5): return .loyal
        case (4, 1): return .promising
        case (5, 1): return .new
        case (4...5, 2...3): return .potentialLoyalist
        default: return .champions
        }
    }

    /// `rfm_segment` intervals from the rfm package's documentation, in its order.
    private static let packageRanges: [(segment: RFMSegment, r: ClosedRange<Int>, f: ClosedRange<Int>, m: ClosedRange<Int>)] = [
        (.champions, 5...5, 5...5, 5...5),
        (.potentialLoyalist, 3...5, 3...5, 2...5),
        (.loyal, 2...4, 2...4, 2...4),
        (.promising, 3...4, 1...3, 3...5),
        (.new, 4...5, 1...3, 1...5),
        (.cantLose, 1...2, 3...4, 4...5),
        (.atRisk, 1...2, 2...5, 4...5),
        (.needAttention, 1...3, 3...5, 3...5),
        (.aboutToSleep, 2...3, 1...3, 1...4),
        (.lost, 1...1, 1...5, 1...5),
    ]
}
