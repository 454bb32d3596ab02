import Foundation

/// How the distance (and travel time) between two stops is computed from their coordinates.
public enum DistanceConvention: String, CaseIterable, Sendable {
    /// Plain Euclidean distance on x/y.
    case euclidean
    /// CVRPLIB/TSPLIB EUC_2D: the Euclidean distance rounded to the nearest integer.
    case rounded
    /// DIMACS VRPTW convention: the Euclidean distance truncated to one decimal.
    case dimacs
    /// Great-circle kilometres, x = longitude and y = latitude in degrees.
    case geo

    /// The distance between two points under this convention.
    public func distance(x1: Double, y1: Double, x2: Double, y2: Double) -> Double {
        switch self {
        case .euclidean: return euclid(x1, y1, x2, y2)
        case .rounded: return (euclid(x1, y1, x2, y2) + 0.5).rounded(.down)
        case .dimacs: return (euclid(x1, y1, x2, y2) * 10).rounded(.down) / 10
        case .geo:
            let radians = Double.pi / 180
            let phi1 = y1 * radians, phi2 = y2 * radians
            let dPhi = phi2 - phi1, dLambda = (x2 - x1) * radians
            let a = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
            return 2 * 6371.0088 * asin(min(1, a.squareRoot()))
        }
    }

    private func euclid(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> Double {
        let dx = x1 - x2, dy = y1 - y2
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Decimals worth showing for costs under this convention.
    public var displayDigits: Int {
        switch self {
        case .rounded: return 0
        case .dimacs: return 1
        case .euclidean, .geo: return 2
        }
    }
}
