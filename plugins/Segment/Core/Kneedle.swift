/// The Kneedle knee/elbow detector (Satopää et al. 2011), as the `kneed`
/// package applies it to a convex, decreasing curve such as K-Means inertia
/// against K (offline, sensitivity S = 1).
enum Kneedle {
    /// Index of the elbow of a decreasing convex curve `y` over increasing `x`, or nil when there is none.
    static func elbow(x: [Double], y: [Double], sensitivity: Double = 1) -> Int? {
        let n = x.count
        guard n >= 3, y.count == n else { return nil }
        let xn = normalize(x)
        // Convex decreasing: flip y so the curve becomes concave increasing.
        let yn = normalize(y).map { 1 - $0 }
        let difference = (0..<n).map { yn[$0] - xn[$0] }
        let step = (1..<n).reduce(0) { $0 + (xn[$1] - xn[$1 - 1]) } / Double(n - 1)
        let maxima = (0..<n).filter { i in
            (i == 0 || difference[i] >= difference[i - 1]) && (i == n - 1 || difference[i] >= difference[i + 1])
                && i > 0 && i < n - 1
        }
        for (m, index) in maxima.enumerated() {
            let threshold = difference[index] - sensitivity * step
            let end = m + 1 < maxima.count ? maxima[m + 1] : n
            if (index + 1..<end).contains(where: { difference[$0] < threshold }) { return index }
        }
        return nil
    }

    private static func normalize(_ values: [Double]) -> [Double] {
        guard let low = values.min(), let high = values.max(), high > low else { return values.map { _ in 0 } }
        return values.map { ($0 - low) / (high - low) }
    }
}
