import CSQLite
import Foundation
import OpsKit

/// Runs SQL over datasets with SQLite: each dataset a query names is copied
/// into a table of an in-memory database (typed columns; dates and datetimes
/// as ISO text, bools as 0/1) and kept there until the dataset changes.
final class SQLEngine {
    private var database: SQLiteDatabase?
    /// Dataset name → the file version its table was built from.
    private var tables: [String: String] = [:]

    /// Drops tables whose dataset was removed or replaced.
    func invalidate(keeping versions: [String: String]) {
        for (name, version) in tables where versions[name] != version {
            try? database?.execute("DROP TABLE IF EXISTS \(SQLiteDatabase.quoted(name))")
            tables[name] = nil
        }
    }

    func query(_ sql: String, source: DatasetSource, versions: [String: String]) throws -> Dataset {
        let trimmed = sql.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw StorageMessages.sqlEmpty }
        let database = try self.database ?? SQLiteDatabase(path: ":memory:")
        self.database = database
        invalidate(keeping: versions)
        let names = source.datasetNames
        for name in Self.referencedNames(in: trimmed, among: names) where tables[name] == nil {
            try materialise(try source.dataset(named: name), as: name, in: database)
            tables[name] = versions[name]
        }
        var handle: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let status = trimmed.withCString { sqlite3_prepare_v2(database.handle, $0, -1, &handle, &tail) }
        guard status == SQLITE_OK, let handle else {
            throw StorageMessages.sqlError(database.errorMessage, datasets: names)
        }
        let statement = SQLiteStatement(handle, database: database)
        if let tail, !String(cString: tail).trimmingWhitespace().allSatisfy({ $0 == ";" }) {
            throw StorageMessages.sqlOneStatement
        }
        guard statement.isReadOnly else { throw StorageMessages.sqlNotAQuery }
        do {
            return try Self.collect(statement)
        } catch let error as OpsError {
            throw StorageMessages.sqlError(error.message.replacingOccurrences(of: "workspace catalogue error: ", with: ""), datasets: names)
        }
    }

    /// Dataset names that appear as identifiers in `sql` (bare, "quoted", `quoted` or [bracketed]),
    /// matched without regard to ASCII case as SQLite does; string literals are skipped.
    static func referencedNames(in sql: String, among names: [String]) -> [String] {
        let byLowercase = Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var found: [String] = []
        var chars = Array(sql)[...]
        func add(_ word: String) {
            if let name = byLowercase[word.lowercased()], !found.contains(name) { found.append(name) }
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
        return found
    }

    private func materialise(_ dataset: Dataset, as name: String, in database: SQLiteDatabase) throws {
        let columns = dataset.columns
        let definitions = columns.map { "\(SQLiteDatabase.quoted($0.name)) \(Self.declaredType($0.type))" }
        try database.execute("DROP TABLE IF EXISTS \(SQLiteDatabase.quoted(name))")
        try database.execute("CREATE TABLE \(SQLiteDatabase.quoted(name)) (\(definitions.joined(separator: ", ")))")
        guard !columns.isEmpty else { return }
        try database.transaction {
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let insert = try database.prepare("INSERT INTO \(SQLiteDatabase.quoted(name)) VALUES (\(placeholders))")
            for row in 0..<dataset.rowCount {
                for (c, column) in columns.enumerated() {
                    let index = Int32(c + 1)
                    if column.isNull(row) { continue }
                    switch column.values {
                    case .integers(let v):
                        switch column.type {
                        case .date: insert.bind(index, CivilDate.string(fromDays: v[row]))
                        case .datetime: insert.bind(index, CivilDate.string(fromSeconds: v[row]))
                        default: insert.bind(index, v[row])
                        }
                    case .doubles(let v): if !v[row].isNaN { insert.bind(index, v[row]) }
                    case .bools(let v): insert.bind(index, Int64(v[row] ? 1 : 0))
                    case .strings(let v): insert.bind(index, v[row])
                    }
                }
                try insert.run()
            }
        }
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
    private static func collect(_ statement: SQLiteStatement) throws -> Dataset {
        let count = Int(statement.columnCount)
        var warnings: [String] = []
        let names = DelimitedReader.uniqueNames((0..<count).map { statement.columnName(Int32($0)) }, warnings: &warnings)
        let declared = (0..<count).map { statement.declaredType(Int32($0))?.uppercased() }
        var cells = [[SQLCell]](repeating: [], count: count)
        while try statement.step() {
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
