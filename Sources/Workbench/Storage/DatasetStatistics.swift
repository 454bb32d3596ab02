import Foundation
import OpsKit

/// Summary statistics of a dataset, one row per column (what `describe` shows).
public enum DatasetStatistics {
    /// Columns of the result: `column`, `type`, `count` (non-null values), `nulls`,
    /// `mean` and `std` (sample standard deviation, n − 1) for numbers and bools
    /// (the share of `true`), `min`, `p25`, `p50`, `p75`, `max` (quartiles by linear
    /// interpolation, as pandas) for numbers and dates, and `distinct`, `top`,
    /// `top_count` for text and bools (ties go to the value seen first).
    /// The min…max columns are numbers, or text when the dataset has date columns
    /// (dates then read `2026-01-31`).
    public static func describe(_ dataset: Dataset) -> Dataset {
        let columns = dataset.columns
        var summaries = [Summary](repeating: Summary(), count: columns.count)
        summaries.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: columns.count) { out[$0] = Summary(columns[$0]) }
        }
        let datesShown = columns.contains { $0.type == .date || $0.type == .datetime }
        func positions(_ pick: (Summary) -> Double?) -> Column {
            let values = summaries.map(pick)
            guard datesShown else { return Column(name: "", doubles: values) }
            return Column(
                name: "",
                strings: zip(values, columns).map { value, column in
                    value.map { formatPosition($0, type: column.type) }
                })
        }
        let quartile = { (k: Int) in positions { $0.quartiles?[k] } }
        let result: [Column] = [
            Column(name: "column", strings: columns.map(\.name)),
            Column(name: "type", strings: columns.map(\.type.rawValue)),
            Column(name: "count", integers: summaries.map { Int64($0.count) }),
            Column(name: "nulls", integers: summaries.map { Int64($0.nulls) }),
            Column(name: "mean", doubles: summaries.map(\.mean)),
            Column(name: "std", doubles: summaries.map(\.std)),
            quartile(0).renamed("min"), quartile(1).renamed("p25"), quartile(2).renamed("p50"),
            quartile(3).renamed("p75"), quartile(4).renamed("max"),
            Column(name: "distinct", integers: summaries.map { $0.distinct.map(Int64.init) }),
            Column(name: "top", strings: summaries.map(\.top)),
            Column(name: "top_count", integers: summaries.map { $0.topCount.map(Int64.init) }),
        ]
        return try! Dataset(columns: result)
    }

    private static func formatPosition(_ value: Double, type: ColumnType) -> String {
        switch type {
        case .date: return CivilDate.string(fromDays: Int64(value.rounded(.down)))
        case .datetime: return CivilDate.string(fromSeconds: Int64(value.rounded(.down)))
        default: return ValueFormat.double(value)
        }
    }

    /// The statistics of one column.
    private struct Summary {
        var count = 0
        var nulls = 0
        var mean: Double?
        var std: Double?
        /// min, p25, p50, p75, max.
        var quartiles: [Double]?
        var distinct: Int?
        var top: String?
        var topCount: Int?

        init() {}

        init(_ column: Column) {
            switch column.values {
            case .strings(let values):
                categorical(values, column)
            case .bools(let values):
                categorical(values.map { $0 ? "true" : "false" }, column)
                moments((0..<values.count).compactMap { column.isNull($0) ? nil : (values[$0] ? 1 : 0) })
            case .integers, .doubles:
                let present = (column.numericValues() ?? []).filter { !$0.isNaN }
                nulls = column.count - present.count
                count = present.count
                if column.type.isNumeric { moments(present) }
                quartiles = Self.quartiles(of: present)
            }
        }

        private mutating func moments(_ values: [Double]) {
            guard !values.isEmpty else { return }
            let n = Double(values.count)
            let m = values.reduce(0, +) / n
            mean = m
            if values.count > 1 { std = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() }
        }

        private mutating func categorical(_ values: [String], _ column: Column) {
            var counts: [String: (count: Int, first: Int)] = [:]
            for (i, value) in values.enumerated() where !column.isNull(i) {
                counts[value, default: (0, i)].count += 1
            }
            count = counts.values.reduce(0) { $0 + $1.count }
            nulls = values.count - count
            distinct = counts.count
            if let best = counts.max(by: { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.value.first > b.value.first
            }) {
                top = best.key
                topCount = best.value.count
            }
        }

        private static func quartiles(of values: [Double]) -> [Double]? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            return [0, 0.25, 0.5, 0.75, 1].map { q in
                let h = Double(sorted.count - 1) * q
                let lo = Int(h.rounded(.down))
                let hi = min(lo + 1, sorted.count - 1)
                return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
            }
        }
    }
}
