import CSQLite
import OpsKit

/// What user SQL may do: read the workspace's tables, nothing else.
///
/// Installed around the preparation and run of one user statement: an
/// authorizer that allows reading, functions and recursive CTEs and denies
/// every write, schema change, ATTACH/DETACH, transaction, savepoint and any
/// PRAGMA but a few that only describe tables; and a progress handler that
/// stops the statement as soon as `isCancelled` returns true (Ctrl-C).
final class SQLGuard {
    /// The action the authorizer refused, for the error message.
    private(set) var denied: String?
    private(set) var cancelled = false
    private let isCancelled: () -> Bool

    /// PRAGMAs that only read a table's description.
    static let readingPragmas: Set<String> = ["table_info", "table_xinfo", "table_list"]

    init(isCancelled: @escaping () -> Bool) { self.isCancelled = isCancelled }

    /// Runs `body` with the guard installed on `handle`.
    func installed<T>(on handle: OpaquePointer?, _ body: () throws -> T) rethrows -> T {
        let me = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(handle, { me, action, first, _, _, _ in
            let guardian = Unmanaged<SQLGuard>.fromOpaque(me!).takeUnretainedValue()
            return guardian.authorize(action, first.map { String(cString: $0) })
        }, me)
        sqlite3_progress_handler(handle, 4096, { me in
            let guardian = Unmanaged<SQLGuard>.fromOpaque(me!).takeUnretainedValue()
            if guardian.isCancelled() { guardian.cancelled = true }
            return guardian.cancelled ? 1 : 0
        }, me)
        defer {
            sqlite3_set_authorizer(handle, nil, nil)
            sqlite3_progress_handler(handle, 0, nil, nil)
        }
        return try body()
    }

    private func authorize(_ action: Int32, _ first: String?) -> Int32 {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_PRAGMA:
            if let name = first?.lowercased(), Self.readingPragmas.contains(name) { return SQLITE_OK }
            denied = "PRAGMA \(first ?? "")"
        case SQLITE_ATTACH: denied = "ATTACH"
        case SQLITE_DETACH: denied = "DETACH"
        case SQLITE_TRANSACTION: denied = "BEGIN/COMMIT"
        case SQLITE_SAVEPOINT: denied = "SAVEPOINT"
        default: denied = "write"
        }
        return SQLITE_DENY
    }
}
