import Foundation

/// What a series would have been on ordinary days: a local level (the mean of the
/// nearest ordinary, observed periods) times a seasonal factor (weekday on daily
/// data). Used to measure event lifts and to fill missing periods.
enum Baseline {
    /// Half-width of the window the local level is averaged over, widened until it holds `minimumPoints`.
    static let halfWidth = 14
    static let minimumPoints = 6

    /// `ordinary[t]` says whether period t is an observed non-event period; `period` > 1 adds seasonal factors.
    static func compute(_ y: [Double], ordinary: [Bool], period: Int) -> [Double]? {
        let n = y.count
        let usable = (0..<n).filter { ordinary[$0] && y[$0].isFinite }
        guard usable.count >= 2 else { return nil }
        // prefix sums of usable values and counts for O(1) window means
        var sum = [Double](repeating: 0, count: n + 1), count = [Int](repeating: 0, count: n + 1)
        for t in 0..<n {
            let ok = ordinary[t] && y[t].isFinite
            sum[t + 1] = sum[t] + (ok ? y[t] : 0)
            count[t + 1] = count[t] + (ok ? 1 : 0)
        }
        var level = [Double](repeating: 0, count: n)
        for t in 0..<n {
            var w = halfWidth
            while true {
                let lo = max(0, t - w), hi = min(n, t + w + 1)
                let c = count[hi] - count[lo]
                if c >= minimumPoints || (lo == 0 && hi == n) {
                    level[t] = c > 0 ? (sum[hi] - sum[lo]) / Double(c) : 0
                    break
                }
                w *= 2
            }
        }
        guard period > 1, period <= 24, usable.count >= 2 * period else { return level }
        var ratio = [Double](repeating: 0, count: period), seen = [Int](repeating: 0, count: period)
        for t in usable where level[t] > 0 {
            ratio[t % period] += y[t] / level[t]
            seen[t % period] += 1
        }
        var factors = (0..<period).map { seen[$0] > 0 ? ratio[$0] / Double(seen[$0]) : 1 }
        let mean = factors.reduce(0, +) / Double(period)
        if mean > 0 { factors = factors.map { $0 / mean } }
        return (0..<n).map { level[$0] * factors[$0 % period] }
    }

    /// `y` with missing periods replaced by the baseline (or the series mean when there is none).
    static func filled(_ y: [Double], period: Int) -> [Double] {
        guard y.contains(where: { $0.isNaN }) else { return y }
        let ordinary = y.map { $0.isFinite }
        let base = compute(y, ordinary: ordinary, period: period)
        let observed = y.filter(\.isFinite)
        let mean = observed.isEmpty ? 0 : observed.reduce(0, +) / Double(observed.count)
        return y.indices.map { y[$0].isFinite ? y[$0] : (base?[$0] ?? mean) }
    }
}
