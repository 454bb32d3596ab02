import CSQLite
import Foundation

/// One scan of a ``ColumnTable``: the rows a ``ColumnPlan`` lets through, in row order.
final class ColumnCursor {
    let table: ColumnTable
    /// The current row (valid while not `atEnd`).
    private(set) var row = 0
    private var position = 0
    private var end = 0
    /// Lookup results or every row in the plan's order, when the plan used an index;
    /// else rows `lower..<end` are scanned.
    private var matches: ArraySlice<Int32>?
    private var lower = 0, upper = 0
    private var filters: [(reader: ColumnReader, op: Comparison, value: OpaquePointer)] = []

    init(_ table: ColumnTable) { self.table = table }

    deinit { freeValues() }

    var atEnd: Bool { position >= end }

    /// Starts a scan under the plan `text` with its constraint values.
    func start(plan text: String, values: UnsafeMutablePointer<OpaquePointer?>?, count: Int) {
        freeValues()
        let plan = ColumnPlan(decoding: text)
        lower = 0
        upper = table.rowCount
        matches = nil
        for (i, term) in plan.terms.enumerated() where i < count {
            guard let value = values?[i] else { continue }
            switch term {
            case .rowid(let op): narrowRows(op, value)
            case .lookup(let column):
                if let key = table.readers[column].key(of: value) { matches = table.index(column).rows(key) }
            case .filter(let column, let op):
                // Values are SQLite's only for this call: keep copies.
                if let copy = sqlite3_value_dup(value) { filters.append((table.readers[column], op, copy)) }
            }
        }
        if let order = plan.order, matches == nil {
            matches = table.sortedRows(order.column, descending: order.descending)[...]
        }
        if let matches {
            position = matches.startIndex
            end = matches.endIndex
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
        while position < end {
            let candidate = matches.map { Int($0[position]) } ?? position
            if candidate >= lower, candidate < upper, !filters.contains(where: { $0.reader.fails(candidate, $0.op, $0.value) }) {
                row = candidate
                return
            }
            position += 1
        }
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
        for filter in filters { sqlite3_value_free(filter.value) }
        filters = []
    }
}
