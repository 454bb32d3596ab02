#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro over a cast Swift cannot import.
static inline sqlite3_destructor_type opsbench_sqlite_transient(void) { return SQLITE_TRANSIENT; }

/// Asks the CPU to start loading the cache line at `p` (a cell the scan reads
/// soon, at a row far from the last one): a hint, never a fault.
static inline void opsbench_prefetch(const void *p) { __builtin_prefetch(p); }

/// SQLite's virtual-table structs with one extra field each, laid out by C
/// (the columnar tables of Workbench/Storage/SQL keep their Swift state there).
typedef struct opsbench_vtab {
    sqlite3_vtab base;
    void *table;
} opsbench_vtab;

typedef struct opsbench_vtab_cursor {
    sqlite3_vtab_cursor base;
    void *state;
} opsbench_vtab_cursor;

/// Hardens a connection that runs user SQL: SQLITE_DBCONFIG_DEFENSIVE (no
/// writable schema, no shadow-table writes), triggers, views and
/// extension loading off, no ATTACH. sqlite3_db_config is variadic, which
/// Swift cannot call.
static inline int opsbench_sqlite_harden(sqlite3 *db) {
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    if (rc == SQLITE_OK) rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0);
    if (rc == SQLITE_OK) rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)0);
    if (rc == SQLITE_OK) rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    return rc;
}
