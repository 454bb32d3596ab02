import Foundation

/// Forecast accuracy measures, defined as in the M4 competition.
enum Metrics {
    /// Symmetric MAPE in percent: mean of 200·|y − f| / (|y| + |f|) (a 0/0 term counts as 0).
    static func smape(actual: ArraySlice<Double>, forecast: ArraySlice<Double>) -> Double {
        var sum = 0.0, count = 0
        for (y, f) in zip(actual, forecast) where y.isFinite {
            let denominator = abs(y) + abs(f)
            if denominator > 0 { sum += 200 * abs(y - f) / denominator }
            count += 1
        }
        return count == 0 ? .nan : sum / Double(count)
    }

    /// Mean absolute error of the in-sample seasonal naive forecast with period `m`
    /// (M4's MASE scale), over the pairs where both are observed. NaN when there is none.
    static func naiveScale(history: ArraySlice<Double>, period m: Int) -> Double {
        let m = max(m, 1)
        guard history.count > m else { return .nan }
        var sum = 0.0, count = 0
        let base = history.startIndex
        for t in (base + m)..<history.endIndex where history[t].isFinite && history[t - m].isFinite {
            sum += abs(history[t] - history[t - m])
            count += 1
        }
        return count == 0 ? .nan : sum / Double(count)
    }

    /// Mean absolute scaled error: MAE over the in-sample seasonal naive MAE.
    static func mase(actual: ArraySlice<Double>, forecast: ArraySlice<Double>, scale: Double) -> Double {
        var sum = 0.0, count = 0
        for (y, f) in zip(actual, forecast) where y.isFinite { sum += abs(y - f); count += 1 }
        return count == 0 ? .nan : sum / Double(count) / scale
    }

    /// Overall weighted average against a reference method (M4: Naive2).
    static func owa(smape: Double, mase: Double, referenceSmape: Double, referenceMase: Double) -> Double {
        0.5 * (smape / referenceSmape + mase / referenceMase)
    }
}
