import CSQLite
import Foundation
import OpsKit

/// Where the SQL engine finds datasets: their names, and each one's stored file mapped for reading in place.
protocol StoredTableSource: AnyObject {
    var datasetNames: [String] { get }
    /// The current version of `name`, its file's layout checked against the catalogue.
    func storedTable(named name: String) throws -> StoredTable
}

/// Runs SQL over datasets with SQLite. Each dataset a query names is a
/// read-only virtual table (``ColumnTable``) over its stored columnar file,
/// read in place (the columns a query uses, as stored bytes), so a query
/// never copies data into SQLite or into Swift values, and a fresh process
/// answers its first query without loading the dataset; typed columns, dates and datetimes as ISO text,
/// bools as 0/1. The columns a statement uses are verified before it runs
/// (once per version per process). Only read-only statements run
/// (``SQLGuard``), on a hardened private connection, and Ctrl-C stops a query at once.
final class SQLEngine {
    private var database: SQLiteDatabase?
    private let registry = ColumnTableRegistry()
    /// Dataset name → the file version its table reads and the table's registry id.
    private var tables: [String: (version: String, id: Int)] = [:]

    /// Drops tables whose dataset was removed or replaced.
    func invalidate(keeping versions: [String: String]) {
        for (name, table) in tables where versions[name] != table.version {
            try? database?.execute("DROP TABLE IF EXISTS \(SQLiteDatabase.quoted(name))")
            registry.tables[table.id] = nil
            tables[name] = nil
        }
    }

    func query(
        _ sql: String, source: StoredTableSource, versions: [String: String], isCancelled: @escaping () -> Bool = { false }
    ) throws -> Dataset {
        let trimmed = sql.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw StorageMessages.sqlEmpty }
        let database = try self.database ?? Self.open(registry)
        self.database = database
        invalidate(keeping: versions)
        let names = source.datasetNames
        for name in try Self.referencedNames(in: trimmed, among: names) where tables[name] == nil {
            try connect(try source.storedTable(named: name), as: name, in: database)
        }
        for table in registry.tables.values { table.wanted = 0 }
        let guardian = SQLGuard(isCancelled: isCancelled)
        return try guardian.installed(on: database.handle) {
            var handle: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let status = trimmed.withCString { sqlite3_prepare_v2(database.handle, $0, -1, &handle, &tail) }
            if let denied = guardian.denied {
                sqlite3_finalize(handle)
                throw denied == "write" ? StorageMessages.sqlNotAQuery : SQLMessages.notAllowed(denied)
            }
            guard status == SQLITE_OK, let handle else {
                // Writes to a dataset's table are refused by the table itself, before the authorizer sees them.
                if database.errorMessage.hasSuffix("may not be modified") { throw StorageMessages.sqlNotAQuery }
                throw StorageMessages.sqlError(database.errorMessage, datasets: names)
            }
            let statement = SQLiteStatement(handle, database: database)
            if let tail, !String(cString: tail).trimmingWhitespace().allSatisfy({ $0 == ";" }) {
                throw StorageMessages.sqlOneStatement
            }
            guard statement.isReadOnly else { throw StorageMessages.sqlNotAQuery }
            // Planning told each table the columns this statement uses.
            for table in registry.tables.values { try table.verifyWanted() }
            do {
                return try Self.collect(statement, isCancelled: isCancelled)
            } catch let error as OpsError {
                if guardian.cancelled { throw CommandCancelled() }
                if let failure = registry.takeFailure() { throw failure }
                throw StorageMessages.sqlError(error.message.replacingOccurrences(of: "workspace catalogue error: ", with: ""), datasets: names)
            }
        }
    }

    /// A private in-memory connection, hardened, with the columnar module registered.
    private static func open(_ registry: ColumnTableRegistry) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: ":memory:")
        guard opsbench_sqlite_harden(database.handle) == SQLITE_OK,
            sqlite3_create_module(
                database.handle, ColumnTableModule.name, ColumnTableModule.module,
                Unmanaged.passUnretained(registry).toOpaque()) == SQLITE_OK
        else { throw StorageMessages.sqliteFailed(database.errorMessage, code: database.errorCode) }
        return database
    }

    /// Makes the stored dataset the table `name`, read in place.
    private func connect(_ stored: StoredTable, as name: String, in database: SQLiteDatabase) throws {
        let table = ColumnTable(name: name, stored: stored)
        var byFold: [String: [String]] = [:]
        for column in table.columnNames { byFold[Self.foldedASCII(column), default: []].append(column) }
        if let clash = byFold.values.filter({ $0.count > 1 }).min(by: { $0[0] < $1[0] }) {
            throw SQLMessages.columnsDifferOnlyInCase(name, clash)
        }
        let id = registry.add(table)
        do {
            try database.execute(
                "CREATE VIRTUAL TABLE \(SQLiteDatabase.quoted(name)) USING \(ColumnTableModule.name)(\(id))")
        } catch {
            registry.tables[id] = nil
            throw error
        }
        tables[name] = (stored.version, id)
    }

    /// `text` with ASCII letters lowered: how SQLite compares identifiers.
    static func foldedASCII(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }

    /// Dataset names that appear as identifiers in `sql` (bare, "quoted", `quoted` or [bracketed]),
    /// matched without regard to ASCII case as SQLite does; string literals are skipped.
    /// Throws when a name used matches datasets that differ only in case.
    static func referencedNames(in sql: String, among names: [String]) throws -> [String] {
        var byFold: [String: [String]] = [:]
        for name in names { byFold[foldedASCII(name), default: []].append(name) }
        var found: [String] = []
        var clash: [String]?
        var chars = Array(sql)[...]
        func add(_ word: String) {
            guard let matches = byFold[foldedASCII(word)] else { return }
            if matches.count > 1 { clash = clash ?? matches.sorted() }
            if !found.contains(matches[0]) { found.append(matches[0]) }
        }
        while let c = chars.first {
            if c == "'" || c == "\"" || c == "`" || c == "[" {
                let close: Character = c == "[" ? "]" : c
                chars.removeFirst()
                var word = ""
                while let d = chars.first {
                    chars.removeFirst()
                    if d == close {
                        if chars.first == close, close != "]" {
                            word.append(d)
                            chars.removeFirst()
                            continue
                        }
                        break
                    }
                    word.append(d)
                }
                if c != "'" { add(word) }
            } else if c.isLetter || c == "_" {
                var word = ""
                while let d = chars.first, d.isLetter || d.isNumber || d == "_" {
                    word.append(d)
                    chars.removeFirst()
                }
                add(word)
            } else {
                chars.removeFirst()
            }
        }
        if let clash { throw SQLMessages.namesDifferOnlyInCase(clash) }
        return found
    }

    static func declaredType(_ type: ColumnType) -> String {
        switch type {
        case .integer: return "INTEGER"
        case .double: return "REAL"
        case .string: return "TEXT"
        case .date: return "DATE"
        case .datetime: return "DATETIME"
        case .bool: return "BOOLEAN"
        }
    }

    /// Reads every row of `statement` into a dataset, inferring each column's type.
    private static func collect(_ statement: SQLiteStatement, isCancelled: () -> Bool) throws -> Dataset {
        let count = Int(statement.columnCount)
        var warnings: [String] = []
        let names = DelimitedReader.uniqueNames((0..<count).map { statement.columnName(Int32($0)) }, warnings: &warnings)
        let declared = (0..<count).map { statement.declaredType(Int32($0))?.uppercased() }
        var cells = [[SQLCell]](repeating: [], count: count)
        var rows = 0
        while try statement.step() {
            rows += 1
            if rows % 4096 == 0, isCancelled() { throw CommandCancelled() }
            for c in 0..<count {
                let i = Int32(c)
                switch statement.type(i) {
                case SQLITE_NULL: cells[c].append(.null)
                case SQLITE_INTEGER: cells[c].append(.integer(statement.int64(i)))
                case SQLITE_FLOAT: cells[c].append(.double(statement.double(i)))
                default: cells[c].append(.text(statement.text(i)))
                }
            }
        }
        return try Dataset(columns: (0..<count).map { column(names[$0], cells[$0], declared: declared[$0]) })
    }

    private enum SQLCell {
        case null, integer(Int64), double(Double), text(String)
    }

    private static func column(_ name: String, _ cells: [SQLCell], declared: String?) -> Column {
        var ints = 0, doubles = 0, texts = 0
        for cell in cells {
            switch cell {
            case .null: break
            case .integer: ints += 1
            case .double: doubles += 1
            case .text: texts += 1
            }
        }
        let validity = cells.map { if case .null = $0 { return false } else { return true } }
        if texts == 0, doubles == 0, ints > 0 || declared == "INTEGER" || declared == "BOOLEAN" {
            let values = cells.map { if case .integer(let v) = $0 { return v } else { return 0 } }
            if declared == "BOOLEAN", values.allSatisfy({ $0 == 0 || $0 == 1 }) {
                return Column(name: name, type: .bool, values: .bools(values.map { $0 != 0 }), validity: validity)
            }
            return Column(name: name, type: .integer, values: .integers(values), validity: validity)
        }
        if texts == 0, doubles > 0 || declared == "REAL" {
            let values = cells.map { cell -> Double in
                switch cell {
                case .integer(let v): return Double(v)
                case .double(let v): return v
                default: return .nan
                }
            }
            return Column(name: name, type: .double, values: .doubles(values), validity: validity)
        }
        let texts2 = cells.map { cell -> String in
            switch cell {
            case .null: return ""
            case .integer(let v): return String(v)
            case .double(let v): return ValueFormat.double(v)
            case .text(let s): return s
            }
        }
        if ints == 0, doubles == 0, texts > 0 || declared == "DATE" || declared == "DATETIME" {
            let present = zip(texts2, validity).filter(\.1).map(\.0)
            let kinds = Set(present.map(FieldParser.classify))
            if kinds == [.date] || (kinds.isEmpty && declared == "DATE") {
                let days = texts2.enumerated().map { validity[$0.offset] ? parse($0.element, FieldParser.date) : 0 }
                return Column(name: name, type: .date, values: .integers(days), validity: validity)
            }
            if (!kinds.isEmpty && kinds.isSubset(of: [.date, .datetime])) || (kinds.isEmpty && declared == "DATETIME") {
                let seconds = texts2.enumerated().map { i, text -> Int64 in
                    guard validity[i] else { return 0 }
                    return FieldParser.classify(text) == .date ? parse(text, FieldParser.date) * 86400 : parse(text, FieldParser.dateTime)
                }
                return Column(name: name, type: .datetime, values: .integers(seconds), validity: validity)
            }
        }
        return Column(name: name, type: .string, values: .strings(texts2), validity: validity)
    }

    private static func parse(_ text: String, _ parser: (UnsafePointer<UInt8>, Int) -> Int64?) -> Int64 {
        var text = text
        return text.withUTF8 { $0.isEmpty ? 0 : parser($0.baseAddress!, $0.count) ?? 0 }
    }
}
