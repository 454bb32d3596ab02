import ArgumentParser
import Foundation

/// How a user's repeated purchases of one item count in the user × item matrix.
///
/// The matrix first sums `--weight` (or counts rows) per user and item; the
/// damping then maps that total `w` to the value the models see. Staples
/// bought every week would otherwise dominate every similarity.
enum Damping: String, CaseIterable, ExpressibleByArgument {
    /// `w` as summed.
    case none
    /// 1 for any purchase.
    case binary
    /// `ln(1 + w)`.
    case log
    /// BM25 term saturation `w·(k₁+1)/(k₁+w)` with k₁ = 1.2: 1 for one purchase, at most 2.2.
    case bm25

    static let bm25K1 = 1.2

    func apply(_ w: Double) -> Double {
        switch self {
        case .none: return w
        case .binary: return 1
        case .log: return Foundation.log1p(w)
        case .bm25: return w * (Self.bm25K1 + 1) / (Self.bm25K1 + w)
        }
    }
}
