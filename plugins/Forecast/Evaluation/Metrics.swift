import Foundation

/// Forecast accuracy measures, defined as in the M4 competition.
enum Metrics {
    /// Symmetric MAPE in percent: mean of 200·|y − f| / (|y| + |f|) (a 0/0 term counts as 0).
    static func smape(actual: ArraySlice<Double>, forecast: ArraySlice<Double>) -> Double {
        var sum = 0.0
        for (y, f) in zip(actual, forecast) {
            let denominator = abs(y) + abs(f)
            if denominator > 0 { sum += 200 * abs(y - f) / denominator }
        }
        return actual.isEmpty ? .nan : sum / Double(actual.count)
    }

    /// Mean absolute error of the in-sample seasonal naive forecast with period `m`
    /// (M4's MASE scale). NaN when the history is shorter than `m + 1`.
    static func naiveScale(history: ArraySlice<Double>, period m: Int) -> Double {
        let m = max(m, 1)
        guard history.count > m else { return .nan }
        var sum = 0.0
        let base = history.startIndex
        for t in (base + m)..<history.endIndex { sum += abs(history[t] - history[t - m]) }
        return sum / Double(history.count - m)
    }

    /// Mean absolute scaled error: MAE over the in-sample seasonal naive MAE.
    static func mase(actual: ArraySlice<Double>, forecast: ArraySlice<Double>, scale: Double) -> Double {
        guard !actual.isEmpty else { return .nan }
        var sum = 0.0
        for (y, f) in zip(actual, forecast) { sum += abs(y - f) }
        return sum / Double(actual.count) / scale
    }

    /// Overall weighted average against a reference method (M4: Naive2).
    static func owa(smape: Double, mase: Double, referenceSmape: Double, referenceMase: Double) -> Double {
        0.5 * (smape / referenceSmape + mase / referenceMase)
    }
}
