import CSQLite
import OpsKit

/// One stored dataset version seen by SQLite as a read-only virtual table,
/// read in place from its columnar file: only the columns a query uses are
/// ever read, each copied once as stored bytes (no Swift values, no SQLite
/// copy). Row numbers are rowids.
///
/// Integrity: a column is copied and verified whole (checksums, offsets) the
/// first time a statement uses it (``verifyWanted()``, from xBestIndex's
/// `colUsed`), once per version per process; an unverified column is never read.
///
/// Pushed down from SQLite's plan: the columns a query uses, rowid ranges,
/// comparisons of a column with a constant (rows that certainly fail are
/// skipped before SQLite sees them), and equality lookups for joins through
/// a hash index built on first use and kept while the dataset version is current.
final class ColumnTable {
    let name: String
    let rowCount: Int
    /// `CREATE TABLE x(...)` for sqlite3_declare_vtab: names and declared types.
    let declaration: String
    /// Readers by column (each retained once here): ``UnverifiedReader`` until the
    /// column is verified. Unmanaged in an unsafe buffer, so that xColumn reads a
    /// cell without exclusivity checks or reference counting.
    let readers: UnsafeMutableBufferPointer<Unmanaged<ColumnReader>>
    /// Columns the statement being prepared may use (bit 63: that one and every later
    /// column); the engine clears it before each statement.
    var wanted: UInt64 = 0
    /// Why a scan could not start (a column failed verification), for the engine to report as it is.
    var failure: OpsError?
    private let layout: ColumnarFile.Layout
    private let damaged: (ColumnarFile.Damage) -> OpsError
    private var verified: [Bool]
    private var indexes: [Int: EqualityIndex] = [:]
    private var sorted: [Int: SortedRows] = [:]

    init(name: String, stored: StoredTable) {
        self.name = name
        layout = stored.layout
        damaged = stored.damaged
        rowCount = layout.rows
        let infos = layout.columns.map(\.info)
        let definitions = infos.map { "\(SQLiteDatabase.quoted($0.name)) \(SQLEngine.declaredType($0.type))" }
        declaration = "CREATE TABLE x(\(definitions.joined(separator: ", ")))"
        readers = .allocate(capacity: infos.count)
        _ = readers.initialize(from: infos.map { _ in Unmanaged.passRetained(UnverifiedReader() as ColumnReader) })
        verified = infos.map { _ in false }
    }

    deinit {
        for reader in readers { reader.release() }
        readers.deinitialize()
        readers.deallocate()
    }

    var columnNames: [String] { layout.columns.map(\.info.name) }

    /// Verifies every column in ``wanted`` not verified yet.
    func verifyWanted() throws {
        let count = readers.count
        for column in 0..<count where wanted & (1 << UInt64(min(column, 63))) != 0 { try verify(column) }
    }

    /// Verifies `column` whole, once, and installs its reader.
    func verify(_ column: Int) throws {
        guard !verified[column] else { return }
        do {
            let reader = ColumnReader.make(try layout.verifiedColumn(column))
            readers[column].release()
            readers[column] = .passRetained(reader)
        } catch let damage as ColumnarFile.Damage {
            throw damaged(damage)
        }
        verified[column] = true
    }

    /// The reader of `column`.
    func reader(_ column: Int) -> ColumnReader { readers[column].takeUnretainedValue() }

    /// The index of `column` (verified), built on first use.
    func index(_ column: Int) -> EqualityIndex {
        if let index = indexes[column] { return index }
        let index = EqualityIndex(reader(column), rows: rowCount)
        indexes[column] = index
        return index
    }

    func hasIndex(_ column: Int) -> Bool { indexes[column] != nil }

    /// Every row sorted by `column` (verified) as SQLite orders the values it is given
    /// (NULLs first ascending, last descending; equal values in row order), built on first use.
    func sortedRows(_ column: Int, descending: Bool) -> SortedRows {
        let slot = 2 * column + (descending ? 1 : 0)
        if let rows = sorted[slot] { return rows }
        let rows = index(column).sortedRows(descending: descending)
        sorted[slot] = rows
        return rows
    }
}

/// Every row of a table in a column's order, and where each run of equal keys
/// (the NULLs one run) ends in it.
struct SortedRows {
    var rows: [Int32] = []
    var runEnds: [Int] = []
}

/// A stored dataset version the SQL engine can read in place.
struct StoredTable {
    /// The name of its file in `data/`: changes with every new version.
    var version: String
    var layout: ColumnarFile.Layout
    /// The error to report when a column fails verification.
    var damaged: (ColumnarFile.Damage) -> OpsError
}

/// Rows grouped by equal key: a permutation of the rows in which equal keys
/// are adjacent (in row order), each group's range in it, and an open-addressing
/// table from a key's hash to its group. NULLs are kept apart.
///
/// Built over the column's stored bytes through its reader: hashing and
/// comparing cells in place, one pass, then a counting sort by group.
final class EqualityIndex {
    private let reader: ColumnReader
    /// Rows grouped: group g's rows are `order[starts[g]..<starts[g + 1]]`.
    private let order: [Int32]
    private let starts: [Int]
    /// A row of each group (its first), and the group's hash.
    private let firsts: [Int32]
    private let hashes: [UInt64]
    /// Group + 1 per slot (0: empty); the count is a power of two.
    private let slots: [Int32]
    /// The rows whose key is NULL, in row order.
    private let nulls: [Int32]

    init(_ reader: ColumnReader, rows: Int) {
        self.reader = reader
        var groups = [Int32](repeating: -1, count: rows)
        var firsts: [Int32] = [], hashes: [UInt64] = [], counts: [Int] = []
        var slots = [Int32](repeating: 0, count: 1024)
        var mask = slots.count - 1
        var nullCount = 0
        for row in 0..<rows {
            if reader.isNull(row) {
                nullCount += 1
                continue
            }
            let h = reader.hash(row)
            var i = Int(truncatingIfNeeded: h) & mask
            var group = -1
            while slots[i] != 0 {
                let g = Int(slots[i]) - 1
                if hashes[g] == h, reader.same(Int(firsts[g]), row) {
                    group = g
                    break
                }
                i = (i + 1) & mask
            }
            if group < 0 {
                group = firsts.count
                firsts.append(Int32(row))
                hashes.append(h)
                counts.append(0)
                slots[i] = Int32(group + 1)
                if 2 * firsts.count > slots.count {
                    slots = Self.rehashed(hashes, capacity: 2 * slots.count)
                    mask = slots.count - 1
                }
            }
            groups[row] = Int32(group)
            counts[group] += 1
        }
        var starts = [Int](repeating: 0, count: counts.count + 1)
        for g in counts.indices { starts[g + 1] = starts[g] + counts[g] }
        var next = starts
        var order = [Int32](repeating: 0, count: rows - nullCount)
        var nulls: [Int32] = []
        nulls.reserveCapacity(nullCount)
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
        self.starts = starts
        self.firsts = firsts
        self.hashes = hashes
        self.slots = slots
        self.nulls = nulls
    }

    private static func rehashed(_ hashes: [UInt64], capacity: Int) -> [Int32] {
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (g, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(g + 1)
        }
        return slots
    }

    /// The rows whose key equals the SQL `value`, in row order; nil when the
    /// reader cannot decide equality for such a value (the caller scans).
    func rows(matching value: OpaquePointer?) -> ArraySlice<Int32>? {
        guard let key = reader.probeKey(of: value) else { return nil }
        let h = key.hash
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let g = Int(slots[i]) - 1
            if hashes[g] == h, reader.matches(Int(firsts[g]), key) { return order[starts[g]..<starts[g + 1]] }
            i = (i + 1) & mask
        }
        return []
    }

    /// Every row, keys in ascending order (or descending), NULLs first (or last),
    /// each key's rows in row order.
    func sortedRows(descending: Bool) -> SortedRows {
        var groups = Array(firsts.indices)
        groups.sort { reader.precedes(Int(firsts[$0]), Int(firsts[$1])) }
        if descending { groups.reverse() }
        var sorted = SortedRows()
        sorted.rows.reserveCapacity(order.count + nulls.count)
        func addNulls() {
            guard !nulls.isEmpty else { return }
            sorted.rows += nulls
            sorted.runEnds.append(sorted.rows.count)
        }
        if !descending { addNulls() }
        for g in groups {
            sorted.rows += order[starts[g]..<starts[g + 1]]
            sorted.runEnds.append(sorted.rows.count)
        }
        if descending { addNulls() }
        return sorted
    }
}
