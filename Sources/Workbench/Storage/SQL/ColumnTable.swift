import CSQLite
import OpsKit

/// One dataset seen by SQLite as a read-only virtual table, read in place:
/// no copy of the data is made. Row numbers are rowids.
///
/// Pushed down from SQLite's plan: the columns a query uses (only those are
/// ever read), rowid ranges, comparisons of a column with a constant (rows
/// that certainly fail are skipped before SQLite sees them), and equality
/// lookups for joins through a hash index built on first use and kept while
/// the dataset version is current.
final class ColumnTable {
    let name: String
    let rowCount: Int
    let readers: [ColumnReader]
    /// `CREATE TABLE x(...)` for sqlite3_declare_vtab: names and declared types.
    let declaration: String
    private var indexes: [Int: EqualityIndex] = [:]
    private var sorted: [Int: [Int32]] = [:]

    init(name: String, dataset: Dataset) {
        self.name = name
        rowCount = dataset.rowCount
        readers = dataset.columns.map(ColumnReader.make)
        let definitions = dataset.columns.map { "\(SQLiteDatabase.quoted($0.name)) \(SQLEngine.declaredType($0.type))" }
        declaration = "CREATE TABLE x(\(definitions.joined(separator: ", ")))"
    }

    /// The index of `column`, built on first use.
    func index(_ column: Int) -> EqualityIndex {
        if let index = indexes[column] { return index }
        let index = EqualityIndex(readers[column], rows: rowCount)
        indexes[column] = index
        return index
    }

    func hasIndex(_ column: Int) -> Bool { indexes[column] != nil }

    /// Every row sorted by `column` as SQLite orders the values it is given (NULLs
    /// first ascending, last descending; equal values in row order), built on first use.
    func sortedRows(_ column: Int, descending: Bool) -> [Int32] {
        let slot = 2 * column + (descending ? 1 : 0)
        if let rows = sorted[slot] { return rows }
        let rows = index(column).sortedRows(descending: descending)
        sorted[slot] = rows
        return rows
    }
}

/// Rows grouped by equal key: a permutation of the rows in which equal keys are
/// adjacent (in row order), and each key's range in it. NULLs are kept apart.
final class EqualityIndex {
    private let order: [Int32]
    private let ranges: [IndexKey: Range<Int>]
    /// The rows whose key is NULL, in row order.
    private let nulls: [Int32]

    init(_ reader: ColumnReader, rows: Int) {
        var groupOf = [IndexKey: Int32]()
        var groups = [Int32](repeating: -1, count: rows)
        var counts: [Int] = []
        for row in 0..<rows {
            guard let key = reader.key(row) else { continue }
            let group: Int32
            if let known = groupOf[key] {
                group = known
            } else {
                group = Int32(counts.count)
                groupOf[key] = group
                counts.append(0)
            }
            groups[row] = group
            counts[Int(group)] += 1
        }
        var starts = [Int](repeating: 0, count: counts.count)
        for g in counts.indices.dropFirst() { starts[g] = starts[g - 1] + counts[g - 1] }
        var ranges = [IndexKey: Range<Int>](minimumCapacity: groupOf.count)
        for (key, group) in groupOf { ranges[key] = starts[Int(group)]..<(starts[Int(group)] + counts[Int(group)]) }
        var next = starts
        var order = [Int32](repeating: 0, count: next.last.map { $0 + counts[counts.count - 1] } ?? 0)
        var nulls: [Int32] = []
        for row in 0..<rows {
            let g = Int(groups[row])
            if g < 0 {
                nulls.append(Int32(row))
                continue
            }
            order[next[g]] = Int32(row)
            next[g] += 1
        }
        self.order = order
        self.ranges = ranges
        self.nulls = nulls
    }

    /// The rows whose key is `key`, in row order.
    func rows(_ key: IndexKey) -> ArraySlice<Int32> { ranges[key].map { order[$0] } ?? [] }

    /// Every row, keys in ascending order (or descending), NULLs first (or last),
    /// each key's rows in row order.
    func sortedRows(descending: Bool) -> [Int32] {
        var keys = ranges.sorted { $0.key.precedes($1.key) }
        if descending { keys.reverse() }
        var rows: [Int32] = []
        rows.reserveCapacity(order.count + nulls.count)
        if !descending { rows += nulls }
        for (_, range) in keys { rows += order[range] }
        if descending { rows += nulls }
        return rows
    }
}

extension IndexKey {
    /// SQLite's order of the values behind the keys: numbers by value before text,
    /// text bytewise (the BINARY collation).
    func precedes(_ other: IndexKey) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.double(let a), .double(let b)): return a < b
        case (.integer(let a), .double(let b)): return Double(a) < b
        case (.double(let a), .integer(let b)): return a < Double(b)
        case (.text(let a), .text(let b)): return a.precedes(b)
        case (.text, _): return false
        case (_, .text): return true
        }
    }
}
