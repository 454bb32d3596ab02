import Foundation
import OpsKit

/// The binary columnar file that holds one dataset version in the workspace.
///
/// Layout: the magic `OPSBCOL1`, a little-endian UInt64 header length, a JSON
/// header (row count, and name, type and null flag per column), then each
/// column's blocks, every block starting on an 8-byte boundary: validity bytes
/// (only for columns with nulls), then the values — Int64 or Double arrays,
/// one byte per bool, or for text `rows + 1` UInt64 offsets followed by the
/// UTF-8 bytes. Reading copies blocks straight into column buffers.
enum ColumnarFile {
    private static let magic = Array("OPSBCOL1".utf8)

    struct Header: Codable {
        struct ColumnInfo: Codable {
            var name: String
            var type: ColumnType
            var nulls: Bool
        }
        var rows: Int
        var columns: [ColumnInfo]
    }

    /// Writes `dataset` to `path` through a temporary file; returns the file's size.
    static func write(_ dataset: Dataset, to path: String) throws -> Int {
        let output = try AtomicFileWriter(destination: path)
        let header = Header(
            rows: dataset.rowCount,
            columns: dataset.columns.map { .init(name: $0.name, type: $0.type, nulls: $0.validity != nil) })
        let json = try JSONEncoder().encode(header)
        try output.append(contentsOf: magic)
        try output.append(contentsOf: le(UInt64(json.count)))
        try output.append(contentsOf: json)
        try pad(output)
        for column in dataset.columns {
            if let validity = column.validity {
                try output.append(contentsOf: validity.map { $0 ? 1 : 0 })
                try pad(output)
            }
            switch column.values {
            case .integers(let v): try v.withUnsafeBytes { try output.append(raw: $0) }
            case .doubles(let v): try v.withUnsafeBytes { try output.append(raw: $0) }
            case .bools(let v):
                try output.append(contentsOf: v.map { $0 ? 1 : 0 })
                try pad(output)
            case .strings(let v):
                var offsets = [UInt64](repeating: 0, count: v.count + 1)
                for (i, s) in v.enumerated() { offsets[i + 1] = offsets[i] + UInt64(s.utf8.count) }
                try offsets.withUnsafeBytes { try output.append(raw: $0) }
                for var s in v { try s.withUTF8 { try output.append(contentsOf: $0) } }
                try pad(output)
            }
        }
        try output.commit()
        return output.bytesWritten
    }

    /// Reads a dataset back (only its first `limit` rows when given); `nil`
    /// when the file is missing, truncated or not ours.
    static func read(path: String, limit: Int? = nil) -> Dataset? {
        guard let file = try? MappedFile(path: path) else { return nil }
        var reader = BlockReader(bytes: file.bytes)
        guard let m = reader.take(magic.count), Array(m) == magic, let length = reader.uint64(),
            let json = reader.take(Int(length)),
            let header = try? JSONDecoder().decode(Header.self, from: Data(json))
        else { return nil }
        reader.align()
        let rows = header.rows
        let kept = min(rows, max(0, limit ?? rows))
        var columns: [Column] = []
        for info in header.columns {
            var validity: [Bool]?
            if info.nulls {
                guard let bytes = reader.take(rows) else { return nil }
                validity = bytes.prefix(kept).map { $0 != 0 }
                reader.align()
            }
            let values: ColumnValues
            switch info.type {
            case .integer, .date, .datetime:
                guard let v: [Int64] = reader.array(rows, keeping: kept) else { return nil }
                values = .integers(v)
            case .double:
                guard let v: [Double] = reader.array(rows, keeping: kept) else { return nil }
                values = .doubles(v)
            case .bool:
                guard let bytes = reader.take(rows) else { return nil }
                values = .bools(bytes.prefix(kept).map { $0 != 0 })
                reader.align()
            case .string:
                guard let offsets: [UInt64] = reader.array(rows + 1), let blob = reader.take(Int(offsets[rows])) else {
                    return nil
                }
                let used = offsets.prefix(kept + 1)
                guard offsets[0] == 0, zip(used, used.dropFirst()).allSatisfy({ $0 <= $1 }), used.last! <= offsets[rows]
                else { return nil }
                guard let base = blob.baseAddress else { return nil }
                var interner = StringInterner()
                values = .strings(
                    (0..<kept).map { i in
                        let start = Int(offsets[i]), count = Int(offsets[i + 1]) - start
                        let decode = { String(decoding: UnsafeBufferPointer(start: base + start, count: count), as: UTF8.self) }
                        return count > 15 ? interner.string(base + start, count, make: decode)! : decode()
                    })
                reader.align()
            }
            guard values.count == kept else { return nil }
            columns.append(Column(name: info.name, type: info.type, values: values, validity: validity))
        }
        return try? Dataset(columns: columns)
    }

    private static func le(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

    private static func pad(_ output: AtomicFileWriter) throws {
        try output.flush()
        let extra = (8 - output.bytesWritten % 8) % 8
        if extra > 0 { try output.append(contentsOf: [UInt8](repeating: 0, count: extra)) }
    }

    /// Sequential, bounds-checked reads over the mapped file.
    private struct BlockReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
            guard count >= 0, position + count <= bytes.count else { return nil }
            defer { position += count }
            return UnsafeBufferPointer(rebasing: bytes[position..<position + count])
        }

        mutating func uint64() -> UInt64? {
            guard let b = take(8) else { return nil }
            return UInt64(littleEndian: UnsafeRawPointer(b.baseAddress!).loadUnaligned(as: UInt64.self))
        }

        /// Reads an array of `count` values, keeping the first `kept` (all by default).
        mutating func array<T>(_ count: Int, keeping kept: Int? = nil) -> [T]? {
            guard let b = take(count * MemoryLayout<T>.stride) else { return nil }
            let kept = min(count, kept ?? count)
            return [T](unsafeUninitializedCapacity: kept) { buffer, initialized in
                if kept > 0 { memcpy(buffer.baseAddress!, b.baseAddress!, kept * MemoryLayout<T>.stride) }
                initialized = kept
            }
        }

        mutating func align() { position = (position + 7) / 8 * 8 }
    }
}
