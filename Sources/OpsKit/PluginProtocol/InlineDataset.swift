extension Dataset {
    /// A dataset from columns sent inline in a protocol message. A column's
    /// type is the one given, else inferred: all booleans → bool, all whole
    /// numbers → integer, all numbers → double, otherwise string. Dates and
    /// datetimes come as ISO text. Throws when a value does not fit its type.
    public init(inline columns: [InlineColumn]) throws {
        try self.init(columns: columns.map(Column.init(inline:)))
    }
}

extension Column {
    public init(inline column: InlineColumn) throws {
        let values = column.values
        let type = column.type ?? Self.inferType(values)
        func fail(_ row: Int) -> OpsError {
            OpsError(L("column '\(column.name)' row \(row + 1) is not of type \(type.rawValue)",
                       "列 '\(column.name)' 第 \(row + 1) 行不是 \(type.rawValue) 类型"), code: .invalidValue)
        }
        switch type {
        case .integer, .date, .datetime:
            var result: [Int64?] = []
            for (row, value) in values.enumerated() {
                switch (value, type) {
                case (.null, _): result.append(nil)
                case (.number(let n), .integer) where n == n.rounded() && abs(n) < 9e15: result.append(Int64(n))
                case (.text(let t), .date): guard let d = CivilDate.parseDate(Substring(t)) else { throw fail(row) }; result.append(d)
                case (.text(let t), .datetime): guard let s = CivilDate.parseDateTime(Substring(t)) else { throw fail(row) }; result.append(s)
                default: throw fail(row)
                }
            }
            let plain = Column(name: column.name, integers: result)
            self = type == .integer ? plain : Column(name: column.name, type: type, values: plain.values, validity: plain.validity)
        case .double:
            self = Column(name: column.name, doubles: try values.enumerated().map { row, value -> Double? in
                switch value {
                case .null: return nil
                case .number(let n): return n
                default: throw fail(row)
                }
            })
        case .bool:
            self = Column(name: column.name, bools: try values.enumerated().map { row, value -> Bool? in
                switch value {
                case .null: return nil
                case .bool(let b): return b
                default: throw fail(row)
                }
            })
        case .string:
            self = Column(name: column.name, strings: values.map { value -> String? in
                switch value {
                case .null: return nil
                case .text(let t): return t
                case .bool(let b): return b ? "true" : "false"
                case .number(let n): return ValueFormat.double(n)
                }
            })
        }
    }

    private static func inferType(_ values: [InlineValue]) -> ColumnType {
        var bools = true, integers = true, numbers = true
        for value in values {
            switch value {
            case .null: continue
            case .bool: integers = false; numbers = false
            case .number(let n): bools = false; if n != n.rounded() || abs(n) >= 9e15 { integers = false }
            case .text: return .string
            }
        }
        if values.allSatisfy({ $0 == .null }) { return .string }
        return bools ? .bool : integers ? .integer : numbers ? .double : .string
    }
}
