import CSQLite
import Foundation
import OpsKit

/// The SQLite module `opsbench_columns`: its C callbacks adapt ``ColumnTable``
/// (the data) and ``ColumnCursor`` (one scan) to sqlite3_module.
///
/// `CREATE VIRTUAL TABLE t USING opsbench_columns(ID)` connects table ID of
/// the ``ColumnTableRegistry`` passed as the module's client data.
enum ColumnTableModule {
    static let name = "opsbench_columns"

    /// The module's callbacks; SQLite keeps the pointer for the connection's lifetime.
    static let module: UnsafeMutablePointer<sqlite3_module> = {
        var m = sqlite3_module()
        m.iVersion = 1
        m.xCreate = { db, aux, argc, argv, out, _ in connect(db, aux, argc, argv, out) }
        m.xConnect = { db, aux, argc, argv, out, _ in connect(db, aux, argc, argv, out) }
        m.xBestIndex = { vtab, info in
            guard let vtab, let info else { return SQLITE_ERROR }
            let columns = table(vtab)
            columns.wanted |= UInt64(info.pointee.colUsed)
            ColumnPlan.choose(for: columns, info: info)
            return SQLITE_OK
        }
        m.xDisconnect = { vtab in release(vtab) }
        m.xDestroy = { vtab in release(vtab) }
        m.xOpen = { vtab, out in
            guard let vtab, let out else { return SQLITE_ERROR }
            let cursor = UnsafeMutablePointer<opsbench_vtab_cursor>.allocate(capacity: 1)
            cursor.initialize(to: opsbench_vtab_cursor())
            cursor.pointee.state = Unmanaged.passRetained(ColumnCursor(table(vtab))).toOpaque()
            out.pointee = UnsafeMutableRawPointer(cursor).assumingMemoryBound(to: sqlite3_vtab_cursor.self)
            return SQLITE_OK
        }
        m.xClose = { cursor in
            guard let cursor else { return SQLITE_OK }
            let own = UnsafeMutableRawPointer(cursor).assumingMemoryBound(to: opsbench_vtab_cursor.self)
            Unmanaged<ColumnCursor>.fromOpaque(own.pointee.state).release()
            own.deinitialize(count: 1)
            own.deallocate()
            return SQLITE_OK
        }
        m.xFilter = { cursor, _, plan, argc, argv in
            do {
                try withCursor(cursor) { try $0.start(plan: plan.map { String(cString: $0) } ?? "", values: argv, count: Int(argc)) }
                return SQLITE_OK
            } catch {
                withCursor(cursor) { $0.table.failure = error as? OpsError }
                fail(cursor, "\(error)")
                return SQLITE_ERROR
            }
        }
        m.xNext = { cursor in
            withCursor(cursor) { $0.next() }
            return SQLITE_OK
        }
        m.xEof = { cursor in withCursor(cursor) { $0.atEnd ? 1 : 0 } }
        m.xColumn = { cursor, context, column in
            withCursor(cursor) { c in
                let column = Int(column)
                c.table.readers[column]._withUnsafeGuaranteedRef { $0.result(context, c.cellRow(column)) }
            }
            return SQLITE_OK
        }
        m.xRowid = { cursor, out in
            out?.pointee = withCursor(cursor) { Int64($0.row) }
            return SQLITE_OK
        }
        let pointer = UnsafeMutablePointer<sqlite3_module>.allocate(capacity: 1)
        pointer.initialize(to: m)
        return pointer
    }()

    private static func connect(
        _ db: OpaquePointer?, _ aux: UnsafeMutableRawPointer?, _ argc: Int32,
        _ argv: UnsafePointer<UnsafePointer<CChar>?>?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<sqlite3_vtab>?>?
    ) -> Int32 {
        guard let aux, let argv, let out, argc == 4, let id = argv[3].flatMap({ Int(String(cString: $0)) }) else {
            return SQLITE_ERROR
        }
        let registry = Unmanaged<ColumnTableRegistry>.fromOpaque(aux).takeUnretainedValue()
        guard let table = registry.tables[id], sqlite3_declare_vtab(db, table.declaration) == SQLITE_OK else {
            return SQLITE_ERROR
        }
        let vtab = UnsafeMutablePointer<opsbench_vtab>.allocate(capacity: 1)
        vtab.initialize(to: opsbench_vtab())
        vtab.pointee.table = Unmanaged.passRetained(table).toOpaque()
        out.pointee = UnsafeMutableRawPointer(vtab).assumingMemoryBound(to: sqlite3_vtab.self)
        return SQLITE_OK
    }

    private static func own(_ vtab: UnsafeMutablePointer<sqlite3_vtab>) -> UnsafeMutablePointer<opsbench_vtab> {
        UnsafeMutableRawPointer(vtab).assumingMemoryBound(to: opsbench_vtab.self)
    }

    private static func table(_ vtab: UnsafeMutablePointer<sqlite3_vtab>) -> ColumnTable {
        Unmanaged<ColumnTable>.fromOpaque(own(vtab).pointee.table).takeUnretainedValue()
    }

    private static func release(_ vtab: UnsafeMutablePointer<sqlite3_vtab>?) -> Int32 {
        guard let vtab else { return SQLITE_OK }
        let own = own(vtab)
        Unmanaged<ColumnTable>.fromOpaque(own.pointee.table).release()
        own.deinitialize(count: 1)
        own.deallocate()
        return SQLITE_OK
    }

    @inline(__always)
    private static func withCursor<T>(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?, _ body: (ColumnCursor) throws -> T)
        rethrows -> T
    {
        let own = UnsafeMutableRawPointer(cursor!).assumingMemoryBound(to: opsbench_vtab_cursor.self)
        return try Unmanaged<ColumnCursor>.fromOpaque(own.pointee.state)._withUnsafeGuaranteedRef(body)
    }

    /// Sets the error message SQLite reports for the statement scanning `cursor`.
    private static func fail(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?, _ message: String) {
        guard let vtab = cursor?.pointee.pVtab else { return }
        sqlite3_free(vtab.pointee.zErrMsg)
        let bytes = Array(message.utf8CString)
        guard let copy = sqlite3_malloc(Int32(bytes.count)) else { return }
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        vtab.pointee.zErrMsg = copy.assumingMemoryBound(to: CChar.self)
    }
}

/// The tables a connection's `opsbench_columns` virtual tables read, by id.
final class ColumnTableRegistry {
    var tables: [Int: ColumnTable] = [:]
    private var nextID = 0

    /// The failure a table's scan recorded, cleared.
    func takeFailure() -> OpsError? {
        for table in tables.values {
            if let failure = table.failure {
                table.failure = nil
                return failure
            }
        }
        return nil
    }

    /// Registers `table`; returns the id to name in `CREATE VIRTUAL TABLE`.
    func add(_ table: ColumnTable) -> Int {
        nextID += 1
        tables[nextID] = table
        return nextID
    }
}
