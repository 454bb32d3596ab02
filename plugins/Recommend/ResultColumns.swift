import OpsKit

/// Builders for the result datasets' columns.
enum ResultColumns {
    /// Ids under `name`, as integers when the source id column was an integer column (so joins keep working).
    static func ids(_ name: String, _ ids: [String], like source: Column) -> Column {
        if source.type == .integer {
            let numbers = ids.map { Int64($0) }
            if numbers.allSatisfy({ $0 != nil }) { return Column(name: name, integers: numbers.map { $0! }) }
        }
        return Column(name: name, strings: ids)
    }

    /// `rank`, `score` and `reason`.
    static func ranked(ranks: [Int], scores: [Double], reasons: [String]) -> [Column] {
        [
            Column(name: "rank", integers: ranks.map(Int64.init)),
            Column(name: "score", doubles: scores),
            Column(name: "reason", strings: reasons),
        ]
    }
}
