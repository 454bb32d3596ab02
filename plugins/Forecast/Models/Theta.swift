import Foundation

/// The standard Theta method (Assimakopoulos & Nikolopoulos 2000) in Hyndman &
/// Billah's form, as `forecast::thetaf`: seasonally adjust by a classical
/// multiplicative decomposition when the 90 % autocorrelation test finds
/// seasonality, forecast with SES plus half the linear-regression slope, reseasonalise.
enum Theta {
    static func forecast(_ y: [Double], period m: Int, horizon: Int) -> PointForecast? {
        let n = y.count
        guard n >= 3 else { return nil }
        var x = y
        var figure: [Double]?
        if m > 1, y.allSatisfy({ $0 > 0 }), ClassicalDecomposition.isSeasonal(y, period: m) {
            figure = ClassicalDecomposition.seasonalFigure(y[...], period: m, multiplicative: true)
            if let f = figure { for t in 0..<n { x[t] = y[t] / f[t % m] } }
        }
        let spec = ETSSpec(error: .additive, trend: .none, damped: false, season: .none, period: 1)
        guard let ses = ETSEstimator.fit(x, spec: spec) else { return nil }
        var result = ses.forecast(horizon: horizon)
        let alpha = ses.parameters.alpha
        let slope = LinearTrend.fit(x[...], firstX: 0).slope
        let offset = (1 - pow(1 - alpha, Double(n))) / alpha
        for h in 0..<horizon {
            result.mean[h] += slope / 2 * (Double(h) + offset)
            if let f = figure {
                let index = f[(n + h) % m]
                result.mean[h] *= index
                result.sd[h] *= index
            }
        }
        result.model = figure == nil ? "theta" : "theta(\(m))"
        return result
    }
}
