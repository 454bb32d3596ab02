import Foundation
import OpsKit

/// Reads JSON Lines: one object per line; keys become columns in order of
/// first appearance, missing keys are nulls, nested arrays and objects are kept
/// as JSON text, and text that is entirely dates or datetimes becomes a date column.
struct JSONLinesReader {
    let path: String
    let options: ReadOptions

    func read(_ file: FileBytes) throws -> LoadReport {
        let input = try TextInput(file, options: options)
        let bytes = input.bytes
        var names: [String] = []
        var index: [String: Int] = [:]
        var cells: [[JSONCell]] = []
        var rows = 0
        var line = 1
        var start = 0
        while start < bytes.count {
            if line & 4095 == 0, options.cancelled() { throw CommandCancelled() }
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var parser = JSONParser(bytes: bytes, position: start, end: end)
            if !parser.atBlank() {
                let object: [(String, JSONCell)]
                do { object = try parser.object() } catch let error as JSONParser.Failure {
                    let column = TextPosition(offset: error.offset, in: bytes).column
                    throw IOMessages.badJSONLine(path, line: line, detail: IOMessages.jsonColumn(column, error.reason))
                }
                for (key, cell) in object {
                    let c: Int
                    if let known = index[key] { c = known } else {
                        c = names.count
                        index[key] = c
                        names.append(key)
                        cells.append([JSONCell](repeating: .null, count: rows))
                    }
                    if cells[c].count == rows { cells[c].append(cell) } else { cells[c][rows] = cell }
                }
                rows += 1
                for c in cells.indices where cells[c].count < rows { cells[c].append(.null) }
            }
            start = end + 1
            line += 1
        }
        guard rows > 0 else { throw IOMessages.noRecords(path) }
        for key in options.types.keys where index[key] == nil {
            throw IOMessages.unknownTypedColumn(key, columns: names)
        }
        let columns = try names.indices.map { try column(names[$0], cells[$0]) }
        return LoadReport(dataset: try Dataset(columns: columns), warnings: [], encoding: input.encoding)
    }

    private func column(_ name: String, _ cells: [JSONCell]) throws -> Column {
        let validity = cells.map { !$0.isNull }
        var kind: FieldParser.Kind?
        for cell in cells {
            guard let k = cell.kind else { continue }
            kind = kind.map { $0.merged(with: k) } ?? k
        }
        var type = options.types[name] ?? kind?.columnType ?? .string
        if options.types[name] == nil, type == .string {
            let texts = cells.compactMap(\.text)
            if !texts.isEmpty, texts.allSatisfy({ FieldParser.classify($0) == .date }) { type = .date }
            else if !texts.isEmpty, texts.allSatisfy({ [.date, .datetime].contains(FieldParser.classify($0)) }) {
                type = .datetime
            }
        }
        let values: ColumnValues
        do {
            switch type {
            case .integer: values = .integers(try cells.map { try $0.integer() })
            case .double: values = .doubles(try cells.map { try $0.double() })
            case .bool: values = .bools(try cells.map { try $0.bool() })
            case .date, .datetime: values = .integers(try cells.map { try $0.date(withTime: type == .datetime) })
            case .string: values = .strings(cells.map { $0.text ?? "" })
            }
        } catch let JSONCell.Mismatch.value(text) {
            throw IOMessages.valueNotOfType(path, value: text, column: name, type: type)
        }
        return Column(name: name, type: type, values: values, validity: validity)
    }
}

/// One JSON value as a table cell.
enum JSONCell {
    case null
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case text(String)
    /// A nested array or object, kept as its JSON text.
    case raw(String)

    enum Mismatch: Error { case value(String) }

    var isNull: Bool { if case .null = self { return true } else { return false } }

    var kind: FieldParser.Kind? {
        switch self {
        case .null: return nil
        case .integer: return .integer
        case .double: return .double
        case .bool: return .bool
        case .text, .raw: return .string
        }
    }

    var text: String? {
        switch self {
        case .null: return nil
        case .integer(let v): return String(v)
        case .double(let v): return ValueFormat.double(v)
        case .bool(let v): return v ? "true" : "false"
        case .text(let s), .raw(let s): return s
        }
    }

    private func parsed<T>(_ parse: (UnsafePointer<UInt8>, Int) -> T?, placeholder: T) throws -> T {
        guard var s = text else { return placeholder }
        let value = s.withUTF8 { $0.isEmpty ? nil : parse($0.baseAddress!, $0.count) }
        guard let value else { throw Mismatch.value(s) }
        return value
    }

    func integer() throws -> Int64 { try parsed(FieldParser.integer, placeholder: 0) }
    func double() throws -> Double { try parsed(FieldParser.double, placeholder: .nan) }
    func bool() throws -> Bool { try parsed(FieldParser.bool, placeholder: false) }
    func date(withTime: Bool) throws -> Int64 {
        if withTime, let days = try? parsed(FieldParser.date, placeholder: 0) { return days * 86400 }
        return try parsed(withTime ? FieldParser.dateTime : FieldParser.date, placeholder: 0)
    }
}
