import OpsKit

/// Distinct ids of a column (users, items) and their dense indices, in order of first appearance.
struct IDTable {
    private(set) var ids: [String] = []
    private var index: [String: Int32] = [:]

    var count: Int { ids.count }

    /// The index of `id`, adding it when new.
    mutating func intern(_ id: String) -> Int32 {
        if let i = index[id] { return i }
        let i = Int32(ids.count)
        ids.append(id)
        index[id] = i
        return i
    }

    func lookup(_ id: String) -> Int32? { index[id] }

    /// The index of `id`, or an error suggesting close ids (e.g. `unknown item 'P01' — did you mean 'P001'?`).
    func require(_ id: String, kind: String, option: String) throws -> Int32 {
        if let i = index[id] { return i }
        throw OpsError.unknown(
            kind: kind, name: id, place: OpsError.inOption(option), available: ids, listLabel: Strings.idListLabel(kind))
    }

    /// Interns every row of `column`; null rows get code -1.
    static func encode(_ column: Column) -> (table: IDTable, codes: [Int32]) {
        var table = IDTable()
        var codes = [Int32](repeating: -1, count: column.count)
        if case .integers(let values) = column.values, column.type == .integer {
            // Integer ids (customer numbers): intern by value, format each distinct id once.
            var byValue: [Int64: Int32] = [:]
            for row in 0..<column.count where !column.isNull(row) {
                let value = values[row]
                if let code = byValue[value] {
                    codes[row] = code
                } else {
                    let code = table.intern(String(value))
                    byValue[value] = code
                    codes[row] = code
                }
            }
        } else {
            let strings = column.stringValues()
            for row in 0..<column.count {
                guard let id = strings[row]?.trimmingWhitespace(), !id.isEmpty else { continue }
                codes[row] = table.intern(id)
            }
        }
        return (table, codes)
    }
}
