import CSQLite
import Foundation

/// How a scan of a ``ColumnTable`` narrows its rows: chosen in xBestIndex from
/// the constraints SQLite offers and handed to xFilter as text (`idxStr`),
/// one term per constraint value, in argv order.
///
/// Every term only ever skips rows that certainly fail their constraint;
/// SQLite still checks each constraint on the rows returned (no `omit`), so a
/// term that cannot decide (another type, another collation) is harmless.
///
/// A one-column ORDER BY (or GROUP BY, which SQLite offers as one) is done by
/// the scan when no lookup narrows it: rows come in the column's order, so
/// SQLite neither sorts nor groups through a sorter (`orderByConsumed`).
struct ColumnPlan: Equatable {
    /// The column the scan returns its rows sorted by.
    struct Order: Equatable {
        var column: Int
        var descending: Bool
    }

    enum Term: Equatable {
        /// Rows whose rowid compares so with the value.
        case rowid(Comparison)
        /// Rows whose column equals the value, through the column's index (for joins).
        case lookup(column: Int)
        /// Rows whose column compares so with the value, checked while scanning.
        case filter(column: Int, Comparison)
    }

    var terms: [Term] = []
    var order: Order?

    /// Fills `info` with the plan for the constraints SQLite can give values for.
    static func choose(for table: ColumnTable, info: UnsafeMutablePointer<sqlite3_index_info>) {
        var plan = ColumnPlan()
        let rows = Double(max(1, table.rowCount))
        var estimate = rows, cost = rows
        var hasLookup = false
        for i in 0..<Int(info.pointee.nConstraint) {
            let constraint = info.pointee.aConstraint[i]
            guard constraint.usable != 0, let op = Comparison(Int32(constraint.op)) else { continue }
            let column = Int(constraint.iColumn)
            let term: Term
            if column < 0 {
                guard op != .notEqual else { continue }
                term = .rowid(op)
                estimate *= op == .equal ? 1 / rows : 0.25
            } else {
                guard let collation = sqlite3_vtab_collation(info, Int32(i)),
                    String(cString: collation).uppercased() == "BINARY"
                else { continue }
                var value: OpaquePointer?
                let constant = sqlite3_vtab_rhs_value(info, Int32(i), &value) == SQLITE_OK
                if op == .equal, !constant, !hasLookup {
                    // A join: one lookup per outer row instead of a scan.
                    hasLookup = true
                    term = .lookup(column: column)
                    estimate = min(estimate, 10)
                    cost = 10 + log2(rows)
                } else if constant {
                    term = .filter(column: column, op)
                    estimate *= op == .equal ? 0.05 : op == .notEqual ? 0.95 : 0.4
                } else {
                    continue
                }
            }
            plan.terms.append(term)
            info.pointee.aConstraintUsage[i].argvIndex = Int32(plan.terms.count)
            info.pointee.aConstraintUsage[i].omit = 0
        }
        // Narrower scans cost a little less, so SQLite prefers the plan using more terms.
        if !hasLookup { cost = rows * (0.5 + 0.5 * max(estimate, 1) / rows) }
        info.pointee.estimatedRows = sqlite3_int64(max(1, estimate))
        info.pointee.estimatedCost = cost
        if info.pointee.nOrderBy == 1 {
            let term = info.pointee.aOrderBy[0]
            if term.iColumn < 0 {
                // Scans and lookups return rows in rowid order already.
                if term.desc == 0 { info.pointee.orderByConsumed = 1 }
            } else if !hasLookup {
                plan.order = Order(column: Int(term.iColumn), descending: term.desc != 0)
                info.pointee.orderByConsumed = 1
            }
        }
        guard !plan.terms.isEmpty || plan.order != nil else { return }
        let text = Array(plan.encoded.utf8CString)
        guard let copy = sqlite3_malloc(Int32(text.count)) else { return }
        text.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: text.count) }
        info.pointee.idxStr = copy.assumingMemoryBound(to: CChar.self)
        info.pointee.needToFreeIdxStr = 1
    }

    /// `r<op>`, `l<column>` and `f<column>,<op>` terms joined by `;` (ops by SQLite code),
    /// then `o<column>,<0 ascending|1 descending>` for the order.
    var encoded: String {
        let parts = terms.map { term in
            switch term {
            case .rowid(let op): return "r\(op.code)"
            case .lookup(let column): return "l\(column)"
            case .filter(let column, let op): return "f\(column),\(op.code)"
            }
        }
        return (parts + (order.map { ["o\($0.column),\($0.descending ? 1 : 0)"] } ?? [])).joined(separator: ";")
    }

    init(terms: [Term] = [], order: Order? = nil) {
        self.terms = terms
        self.order = order
    }

    /// Decodes ``encoded``; unknown text gives an empty plan (a full scan, still correct).
    init(decoding text: String) {
        for part in text.split(separator: ";") {
            let body = part.dropFirst()
            switch part.first {
            case "r": if let op = Int32(body).flatMap(Comparison.init) { terms.append(.rowid(op)) } else { return }
            case "l": if let column = Int(body) { terms.append(.lookup(column: column)) } else { return }
            case "f":
                let fields = body.split(separator: ",")
                guard fields.count == 2, let column = Int(fields[0]), let op = Int32(fields[1]).flatMap(Comparison.init)
                else { terms = []; return }
                terms.append(.filter(column: column, op))
            case "o":
                let fields = body.split(separator: ",")
                guard fields.count == 2, let column = Int(fields[0]), let flag = Int(fields[1]), flag == 0 || flag == 1
                else { terms = []; order = nil; return }
                order = Order(column: column, descending: flag == 1)
            default:
                terms = []
                order = nil
                return
            }
        }
    }
}

extension Comparison {
    /// SQLite's constraint operator code.
    var code: Int32 {
        switch self {
        case .equal: return Int32(SQLITE_INDEX_CONSTRAINT_EQ)
        case .notEqual: return Int32(SQLITE_INDEX_CONSTRAINT_NE)
        case .less: return Int32(SQLITE_INDEX_CONSTRAINT_LT)
        case .lessOrEqual: return Int32(SQLITE_INDEX_CONSTRAINT_LE)
        case .greater: return Int32(SQLITE_INDEX_CONSTRAINT_GT)
        case .greaterOrEqual: return Int32(SQLITE_INDEX_CONSTRAINT_GE)
        }
    }
}
