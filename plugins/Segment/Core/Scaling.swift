import Foundation

/// How features are scaled before clustering.
enum ScalingMethod: String, CaseIterable, Sendable {
    case standard, minmax, robust, log1p, none
}

/// Per-feature affine scaling `(t(x) − shift) / scale`, where `t` is log1p for
/// the `log1p` method and the identity otherwise. Stored with a model so new
/// rows are scaled exactly as the training rows were.
struct FeatureScaler: Equatable {
    var method: ScalingMethod
    var shift: [Double]
    var scale: [Double]

    /// Fits the scaler on the columns of `x`; returns the indices of constant features (left unscaled).
    static func fit(_ method: ScalingMethod, to x: Matrix) -> (scaler: FeatureScaler, constant: [Int]) {
        let d = x.cols
        var shift = [Double](repeating: 0, count: d)
        var scale = [Double](repeating: 1, count: d)
        var constant = [Int]()
        for f in 0..<d {
            var column = [Double](repeating: 0, count: x.rows)
            for i in 0..<x.rows { column[i] = x.values[i * d + f] }
            if method == .log1p { column = column.map { Foundation.log1p($0) } }
            let (low, high) = (column.min() ?? 0, column.max() ?? 0)
            if low == high {
                constant.append(f)
                continue
            }
            switch method {
            case .none:
                break
            case .standard, .log1p:
                let mean = column.reduce(0, +) / Double(column.count)
                let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
                (shift[f], scale[f]) = (mean, variance.squareRoot())
            case .minmax:
                (shift[f], scale[f]) = (low, high - low)
            case .robust:
                column.sort()
                let q1 = Quantile.linear(sorted: column, 0.25), q3 = Quantile.linear(sorted: column, 0.75)
                let median = Quantile.linear(sorted: column, 0.5)
                (shift[f], scale[f]) = (median, q3 > q1 ? q3 - q1 : 1)
            }
        }
        return (FeatureScaler(method: method, shift: shift, scale: scale), constant)
    }

    /// Scales a row-major matrix in place.
    func transform(_ x: inout Matrix) {
        let d = x.cols
        x.values.withUnsafeMutableBufferPointer { v in
            for i in 0..<x.rows {
                for f in 0..<d {
                    let raw = method == .log1p ? Foundation.log1p(v[i * d + f]) : v[i * d + f]
                    v[i * d + f] = (raw - shift[f]) / scale[f]
                }
            }
        }
    }

    /// Maps scaled rows (e.g. centres) back to the features' original units.
    func inverse(_ values: [Double]) -> [Double] {
        values.enumerated().map { index, value in inverse(value, feature: index % shift.count) }
    }

    /// One scaled value of feature `f` in original units.
    @inline(__always)
    func inverse(_ value: Double, feature f: Int) -> Double {
        let unscaled = value * scale[f] + shift[f]
        return method == .log1p ? Foundation.expm1(unscaled) : unscaled
    }
}

/// Quantiles with linear interpolation, computed exactly as numpy's
/// `percentile(..., method="linear")` (which pandas uses), so bin edges agree.
enum Quantile {
    static func linear(sorted values: [Double], _ q: Double) -> Double {
        let n = values.count
        guard n > 1 else { return values.first ?? .nan }
        let position = Double(n - 1) * ((q * 100) / 100)
        let below = Int(position.rounded(.down))
        let gamma = position - Double(below)
        let a = values[min(below, n - 1)], b = values[min(below + 1, n - 1)]
        let difference = b - a
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
    }
}
