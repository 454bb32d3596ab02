import Foundation

/// Inputs of the reorder policy, in periods of the forecast.
struct PolicySettings {
    var leadTime: Int
    var reviewPeriod: Int
    var serviceLevel: Double
    var orderCost: Double?
    var holdingCost: Double?
    var unitCost: Double?
    var periodsPerYear: Double
}

/// The policy for one SKU: demand over the protection interval (lead time plus
/// review period), safety stock z·σ from the forecast error, reorder point,
/// economic order quantity, cover and stock-out risk.
struct SKUPolicy {
    var leadDemand: Double
    var protectionDemand: Double
    var sigma: Double
    var safetyStock: Double
    var reorderPoint: Double
    var eoq: Double?
    var onHand: Double?
    var daysOfCover: Double?
    var stockoutProbability: Double
    var reorderNow: Bool?
    var orderQuantity: Double?

    /// `mean` and `sd` per forecast period; σ over several periods adds variances
    /// (independent period errors). Periods beyond the horizon repeat its average.
    init(mean: [Double], sd: [Double], onHand: Double?, settings: PolicySettings) {
        let protection = settings.leadTime + settings.reviewPeriod
        let averageDemand = mean.isEmpty ? 0 : mean.reduce(0, +) / Double(mean.count)
        let averageVariance = sd.isEmpty ? 0 : sd.reduce(0) { $0 + $1 * $1 } / Double(sd.count)
        func demand(over periods: Int) -> Double {
            var total = 0.0
            for t in 0..<periods { total += t < mean.count ? mean[t] : averageDemand }
            return total
        }
        var variance = 0.0
        for t in 0..<protection { variance += t < sd.count ? sd[t] * sd[t] : averageVariance }
        leadDemand = demand(over: settings.leadTime)
        protectionDemand = demand(over: protection)
        sigma = variance.squareRoot()
        let z = Gaussian.quantile(settings.serviceLevel)
        safetyStock = max(0, z * sigma)
        reorderPoint = protectionDemand + safetyStock
        if let s = settings.orderCost, let h = settings.holdingCost, h > 0 {
            eoq = (2 * averageDemand * settings.periodsPerYear * s / h).squareRoot()
        }
        self.onHand = onHand
        if let stock = onHand {
            daysOfCover = averageDemand > 0 ? stock / averageDemand : .infinity
            stockoutProbability = sigma > 0 ? 1 - Gaussian.cdf((stock - protectionDemand) / sigma) : (stock < protectionDemand ? 1 : 0)
            let reorder = stock <= reorderPoint
            reorderNow = reorder
            orderQuantity = reorder ? max(eoq ?? 0, reorderPoint - stock).rounded(.up) : 0
        } else {
            stockoutProbability = 1 - settings.serviceLevel
        }
    }
}
