/// The eight-group RFM map of Chinese marketing (`segment rfm --map cn8`).
///
/// Each of R, F and M is high or low against its centre over all customers,
/// the mean by default or the median (`--split median`):
/// - R is high when the customer bought recently: recency (days since the
///   last order) strictly below the centre;
/// - F is high when the order count is strictly above the centre;
/// - M is high when the amount is strictly above the centre.
/// A value equal to the centre counts as low. M high makes the customer
/// 重要 (important), M low 一般 (general); then R and F give
/// 价值 (R high, F high), 发展 (R high, F low), 保持 (R low, F high) and
/// 挽留 (R low, F low).
enum CN8Map {
    /// How the centre of each of R, F and M is taken.
    enum Split: String, CaseIterable, Sendable {
        case mean, median
    }

    static func segments(recency: [Int64], frequency: [Int64], monetary: [Double], split: Split) -> [RFMSegment] {
        let r = recency.map(Double.init), f = frequency.map(Double.init)
        let rc = centre(r, split), fc = centre(f, split), mc = centre(monetary, split)
        return r.indices.map { i in
            segment(recent: r[i] < rc, frequent: f[i] > fc, valuable: monetary[i] > mc)
        }
    }

    static func segment(recent: Bool, frequent: Bool, valuable: Bool) -> RFMSegment {
        switch (valuable, recent, frequent) {
        case (true, true, true): return .importantValue
        case (true, true, false): return .importantDevelopment
        case (true, false, true): return .importantRetention
        case (true, false, false): return .importantWinBack
        case (false, true, true): return .generalValue
        case (false, true, false): return .generalDevelopment
        case (false, false, true): return .generalRetention
        case (false, false, false): return .generalWinBack
        }
    }

    /// The mean, or the median (the mean of the two middle values for an even count).
    static func centre(_ values: [Double], _ split: Split) -> Double {
        guard !values.isEmpty else { return 0 }
        switch split {
        case .mean: return values.reduce(0, +) / Double(values.count)
        case .median:
            let sorted = values.sorted()
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }
    }
}
