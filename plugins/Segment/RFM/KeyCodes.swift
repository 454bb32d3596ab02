import OpsKit

/// Dense integer codes (0, 1, 2 ...) for the distinct values of a key column
/// (customer or order id), in order of first appearance, with the first row of each.
struct KeyCodes {
    /// Code of every row; -1 for a null.
    var codes: [Int32]
    var firstRows: [Int]

    var count: Int { firstRows.count }

    init(_ column: Column) {
        codes = [Int32](repeating: -1, count: column.count)
        firstRows = []
        switch column.values {
        case .integers(let values):
            var seen = [Int64: Int32]()
            for i in values.indices where !column.isNull(i) { codes[i] = Self.code(values[i], &seen, &firstRows, i) }
        case .doubles(let values):
            var seen = [Double: Int32]()
            for i in values.indices where !column.isNull(i) && !values[i].isNaN {
                codes[i] = Self.code(values[i], &seen, &firstRows, i)
            }
        default:
            var seen = [String: Int32]()
            let values = column.stringValues()
            for i in values.indices {
                guard let value = values[i], !value.isEmpty else { continue }
                codes[i] = Self.code(value, &seen, &firstRows, i)
            }
        }
    }

    private static func code<Key: Hashable>(_ key: Key, _ seen: inout [Key: Int32], _ firstRows: inout [Int], _ row: Int) -> Int32 {
        if let code = seen[key] { return code }
        let code = Int32(firstRows.count)
        seen[key] = code
        firstRows.append(row)
        return code
    }

    /// Codes sorted by their key's value (numbers numerically, text by code points), as pandas' groupby orders groups.
    func sortedByValue(in column: Column) -> [Int] {
        let order = Array(0..<count)
        switch column.values {
        case .integers(let values): return order.sorted { values[firstRows[$0]] < values[firstRows[$1]] }
        case .doubles(let values): return order.sorted { values[firstRows[$0]] < values[firstRows[$1]] }
        default:
            let text = firstRows.map { column.formatted(at: $0) }
            return order.sorted { Array(text[$0].unicodeScalars.map(\.value)).lexicographicallyPrecedes(text[$1].unicodeScalars.map(\.value)) }
        }
    }
}
