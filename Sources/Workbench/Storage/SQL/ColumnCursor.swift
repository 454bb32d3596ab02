import CSQLite
import Foundation

/// One scan of a ``ColumnTable``: the rows a ``ColumnPlan`` lets through, in row order.
final class ColumnCursor {
    let table: ColumnTable
    /// The current row (valid while not `atEnd`).
    @exclusivity(unchecked) private(set) var row = 0
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var end = 0
    /// Lookup results or every row in the plan's order, when the plan used an index;
    /// else rows `lower..<end` are scanned.
    private var matches: ArraySlice<Int32>?
    /// The storage of `matches` (which keeps it alive, unchanged), read per row without a copy.
    @exclusivity(unchecked) private var matchRows: UnsafePointer<Int32>?
    @exclusivity(unchecked) private var lower = 0
    @exclusivity(unchecked) private var upper = 0
    /// The column whose cells are equal on every row of a lookup, or of a run of
    /// rows in that column's order: SQLite is given the cell of `keyRow` for it,
    /// one row's bytes (in cache) instead of each row's. -1 when none.
    @exclusivity(unchecked) private(set) var keyColumn = -1
    @exclusivity(unchecked) private(set) var keyRow = 0
    /// Where the runs of equal keys end among the rows in order (empty: one run),
    /// its storage (kept alive by `runEnds`, read per row without a copy), and the current run.
    private var runEnds: [Int] = []
    @exclusivity(unchecked) private var runEndRows = UnsafeBufferPointer<Int>(start: nil, count: 0)
    @exclusivity(unchecked) private var run = 0
    /// Readers (kept alive by the table) of the columns the statement uses, whose cells
    /// are loaded into cache `prefetchDistance` rows ahead when rows come out of row order.
    @exclusivity(unchecked) private var ahead = UnsafeMutableBufferPointer<Unmanaged<ColumnReader>>(start: nil, count: 0)
    private static let prefetchDistance = 16
    /// Pushed-down comparisons (each true for rows that certainly fail), and the
    /// SQL values they compare with: copies, kept while the scan lasts.
    private var filters: [(Int) -> Bool] = []
    @exclusivity(unchecked) private var filterCount = 0
    private var values: [OpaquePointer] = []

    init(_ table: ColumnTable) { self.table = table }

    deinit {
        freeValues()
        ahead.deallocate()
    }

    var atEnd: Bool { position >= end }

    /// Starts a scan under the plan `text` with its constraint values; throws
    /// when a column it reads fails verification.
    func start(plan text: String, values constraint: UnsafeMutablePointer<OpaquePointer?>?, count: Int) throws {
        freeValues()
        let plan = ColumnPlan(decoding: text)
        lower = 0
        upper = table.rowCount
        matches = nil
        keyColumn = -1
        runEnds = []
        runEndRows = UnsafeBufferPointer(start: nil, count: 0)
        run = 0
        for (i, term) in plan.terms.enumerated() where i < count {
            guard let value = constraint?[i] else { continue }
            switch term {
            case .rowid(let op): narrowRows(op, value)
            case .lookup(let column):
                try table.verify(column)
                if let rows = table.index(column).rows(matching: value) {
                    matches = rows
                    if table.reader(column).equalCellsAreIdentical, let first = rows.first {
                        keyColumn = column
                        keyRow = Int(first)
                    }
                }
            case .filter(let column, let op):
                try table.verify(column)
                // Values are SQLite's only for this call: keep copies.
                guard let copy = sqlite3_value_dup(value) else { continue }
                values.append(copy)
                if let test = table.reader(column).failing(op, copy) { filters.append(test) }
            }
        }
        if let order = plan.order, matches == nil {
            try table.verify(order.column)
            let sorted = table.sortedRows(order.column, descending: order.descending)
            matches = sorted.rows[...]
            if table.reader(order.column).equalCellsAreIdentical, !sorted.rows.isEmpty {
                keyColumn = order.column
                keyRow = Int(sorted.rows[0])
                runEnds = sorted.runEnds
                runEndRows = runEnds.withUnsafeBufferPointer { $0 }
            }
        }
        matchRows = nil
        filterCount = filters.count
        ahead.deallocate()
        ahead = UnsafeMutableBufferPointer(start: nil, count: 0)
        if let matches {
            let wanted = table.wanted
            let used = (0..<table.readers.count).filter { $0 != keyColumn && wanted & (1 << UInt64(min($0, 63))) != 0 }
            ahead = .allocate(capacity: used.count)
            _ = ahead.initialize(from: used.map { table.readers[$0] })
            // Indices of the slice are those of its base array: rebase to 0.
            matchRows = matches.withUnsafeBufferPointer { $0.baseAddress }
            position = 0
            end = matches.count
        } else {
            position = lower
            end = max(lower, upper)
        }
        settle()
    }

    func next() {
        position += 1
        settle()
    }

    /// Moves forward to the first row at or after `position` that no term rules out.
    private func settle() {
        if let rows = matchRows {
            while position < end {
                let candidate = Int(rows[position])
                if candidate >= lower, candidate < upper, passes(candidate) {
                    row = candidate
                    if run < runEndRows.count, position >= runEndRows[run] { enterRun(rows) }
                    if position + Self.prefetchDistance < end {
                        let later = Int(rows[position + Self.prefetchDistance])
                        for reader in ahead { reader._withUnsafeGuaranteedRef { $0.prefetch(later) } }
                    }
                    return
                }
                position += 1
            }
        } else {
            while position < end {
                if passes(position) {
                    row = position
                    return
                }
                position += 1
            }
        }
    }

    /// Moves `run` to the run holding `position`; its first row gives the key.
    private func enterRun(_ rows: UnsafePointer<Int32>) {
        while run < runEndRows.count, position >= runEndRows[run] { run += 1 }
        keyRow = Int(rows[runEndRows[run - 1]])
    }

    /// The row whose cell SQLite gets for `column` at the current row.
    @inline(__always) func cellRow(_ column: Int) -> Int { column == keyColumn ? keyRow : row }

    @inline(__always) private func passes(_ row: Int) -> Bool {
        if filterCount == 0 { return true }
        for test in filters where test(row) { return false }
        return true
    }

    /// Narrows `lower..<upper` to rowids satisfying `rowid op value` (numeric values only).
    private func narrowRows(_ op: Comparison, _ value: OpaquePointer) {
        let type = sqlite3_value_type(value)
        guard type == SQLITE_INTEGER || type == SQLITE_FLOAT else { return }
        // Clamped to -1...rows+1 first, so huge values convert to Int safely.
        let v = min(max(sqlite3_value_double(value), -1), Double(table.rowCount) + 1)
        guard !v.isNaN else { return }
        switch op {
        case .equal:
            lower = max(lower, Int(v.rounded(.up)))
            upper = min(upper, Int(v.rounded(.down)) + 1)
        case .greater: lower = max(lower, Int(v.rounded(.down)) + 1)
        case .greaterOrEqual: lower = max(lower, Int(v.rounded(.up)))
        case .less: upper = min(upper, Int(v.rounded(.up)))
        case .lessOrEqual: upper = min(upper, Int(v.rounded(.down)) + 1)
        case .notEqual: break
        }
    }

    private func freeValues() {
        filters = []
        for value in values { sqlite3_value_free(value) }
        values = []
    }
}
