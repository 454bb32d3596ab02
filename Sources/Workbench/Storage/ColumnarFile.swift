import Foundation
import OpsKit

/// The binary columnar file that holds one dataset version in the workspace.
///
/// Layout (version 2): the magic `OPSBCOL2`, a little-endian UInt64 header
/// length, the header's CRC-32C (UInt32) and four zero bytes, the JSON header
/// (row count, and name, type and null flag per column), then each column's
/// blocks: validity bytes (only for columns with nulls), then the values —
/// Int64 or Double arrays, one byte per bool, or for text `rows + 1` UInt64
/// offsets (one block) followed by the UTF-8 bytes (another). Every block
/// starts on an 8-byte boundary and is followed, on the next boundary, by one
/// CRC-32C per 64 KiB segment of it (``SegmentedChecksum``). Reading checks
/// every length against the file's size and every checksum of what it reads,
/// then copies blocks straight into column buffers.
///
/// Version 1 (`OPSBCOL1`, written before checksums) has the same layout
/// without the header checksum and the block checksums; it is still read.
enum ColumnarFile {
    private static let magic = Array("OPSBCOL2".utf8)
    private static let magicVersion1 = Array("OPSBCOL1".utf8)

    struct Header: Codable {
        struct ColumnInfo: Codable {
            var name: String
            var type: ColumnType
            var nulls: Bool
        }
        var rows: Int
        var columns: [ColumnInfo]
    }

    /// Why a file could not be read.
    enum Damage: Error, Equatable {
        case unreadable(String)
        case notAColumnarFile
        /// A length or count points past the end of the file, or the file is longer than its blocks.
        case truncated
        case badChecksum(column: String?)
        case inconsistent(column: String?)
    }

    // MARK: Writing

    /// Writes `dataset` to `path` through a temporary file; returns the file's size.
    static func write(_ dataset: Dataset, to path: String) throws -> Int {
        let output = try AtomicFileWriter(destination: path)
        let header = Header(
            rows: dataset.rowCount,
            columns: dataset.columns.map { .init(name: $0.name, type: $0.type, nulls: $0.validity != nil) })
        let json = try JSONEncoder().encode(header)
        try output.append(contentsOf: magic)
        try output.append(contentsOf: le(UInt64(json.count)))
        try output.append(contentsOf: le(UInt64(json.withUnsafeBytes { CRC32C.checksum($0) })))
        try output.append(contentsOf: json)
        try pad(output)
        for column in dataset.columns {
            if let validity = column.validity { try writeBlock(validity.map { $0 ? 1 : 0 } as [UInt8], to: output) }
            switch column.values {
            case .integers(let v): try writeBlock(v, to: output)
            case .doubles(let v): try writeBlock(v, to: output)
            case .bools(let v): try writeBlock(v.map { $0 ? 1 : 0 } as [UInt8], to: output)
            case .strings(let v):
                var offsets = [UInt64](repeating: 0, count: v.count + 1)
                for (i, s) in v.enumerated() { offsets[i + 1] = offsets[i] + UInt64(s.utf8.count) }
                try writeBlock(offsets, to: output)
                var sums = SegmentedChecksum()
                for var s in v {
                    try s.withUTF8 {
                        sums.update(UnsafeRawBufferPointer($0))
                        try output.append(contentsOf: $0)
                    }
                }
                try finishBlock(sums.finish(), output)
            }
        }
        try output.commit()
        return output.bytesWritten
    }

    private static func writeBlock<T>(_ values: [T], to output: AtomicFileWriter) throws {
        try values.withUnsafeBytes { raw in
            try output.append(raw: raw)
            var sums = SegmentedChecksum()
            sums.update(raw)
            try finishBlock(sums.finish(), output)
        }
    }

    private static func finishBlock(_ sums: [UInt32], _ output: AtomicFileWriter) throws {
        try pad(output)
        for sum in sums { try output.append(contentsOf: withUnsafeBytes(of: sum.littleEndian) { Array($0) }) }
        try pad(output)
    }

    private static func le(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

    private static func pad(_ output: AtomicFileWriter) throws {
        try output.flush()
        let extra = (8 - output.bytesWritten % 8) % 8
        if extra > 0 { try output.append(contentsOf: [UInt8](repeating: 0, count: extra)) }
    }

    // MARK: Reading

    /// Reads a dataset back (only its first `limit` rows when given, verifying
    /// only what it reads); throws ``Damage`` when the file is missing,
    /// truncated, inconsistent or fails a checksum.
    static func read(path: String, limit: Int? = nil) throws -> Dataset {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw Damage.unreadable("\(error)") }
        var reader = BlockReader(bytes: UnsafeRawBufferPointer(file.bytes), checked: true)
        let m = Array(try reader.take(magic.count))
        if m == magicVersion1 { reader.checked = false } else if m != magic { throw Damage.notAColumnarFile }
        guard let length = Int(exactly: try reader.uint64()) else { throw Damage.truncated }
        let headerSum = reader.checked ? try reader.uint64() : nil
        let json = try reader.take(length)
        if let headerSum, UInt64(CRC32C.checksum(json)) != headerSum { throw Damage.badChecksum(column: nil) }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(json)), header.rows >= 0 else {
            throw Damage.inconsistent(column: nil)
        }
        reader.align()
        let rows = header.rows
        let kept = min(rows, max(0, limit ?? rows))
        var columns: [Column] = []
        for info in header.columns {
            columns.append(try readColumn(info, rows: rows, kept: kept, from: &reader))
        }
        if kept == rows, reader.position != reader.bytes.count { throw Damage.truncated }
        do { return try Dataset(columns: columns) } catch { throw Damage.inconsistent(column: nil) }
    }

    private static func readColumn(_ info: Header.ColumnInfo, rows: Int, kept: Int, from reader: inout BlockReader) throws
        -> Column
    {
        let name = info.name
        var validity: [Bool]?
        if info.nulls {
            let bytes = try reader.block(rows, verifying: [0..<kept], column: name)
            validity = bytes.prefix(kept).map { $0 != 0 }
        }
        let values: ColumnValues
        switch info.type {
        case .integer, .date, .datetime:
            values = .integers(try reader.array(rows, keeping: kept, column: name))
        case .double:
            values = .doubles(try reader.array(rows, keeping: kept, column: name))
        case .bool:
            let bytes = try reader.block(rows, verifying: [0..<kept], column: name)
            values = .bools(bytes.prefix(kept).map { $0 != 0 })
        case .string:
            values = .strings(try readStrings(rows: rows, kept: kept, column: name, from: &reader))
        }
        return Column(name: name, type: info.type, values: values, validity: validity)
    }

    private static func readStrings(rows: Int, kept: Int, column: String, from reader: inout BlockReader) throws
        -> [String]
    {
        let (count, overflow) = rows.addingReportingOverflow(1)
        guard !overflow else { throw Damage.truncated }
        let width = MemoryLayout<UInt64>.stride
        let offsetBytes = try reader.block(
            try byteCount(count, width), verifying: [0..<(kept + 1) * width, rows * width..<count * width],
            column: column)
        func offset(_ i: Int) -> UInt64 { UInt64(littleEndian: offsetBytes.loadUnaligned(fromByteOffset: i * width, as: UInt64.self)) }
        guard let total = Int(exactly: offset(rows)) else { throw Damage.truncated }
        guard let usedEnd = Int(exactly: offset(kept)), usedEnd <= total else { throw Damage.inconsistent(column: column) }
        let blob = try reader.block(total, verifying: [0..<usedEnd], column: column)
        guard offset(0) == 0 else { throw Damage.inconsistent(column: column) }
        var previous = 0
        var interner = StringInterner()
        let base = blob.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var strings: [String] = []
        strings.reserveCapacity(kept)
        for i in 0..<kept {
            let end = Int(truncatingIfNeeded: offset(i + 1))
            guard end >= previous, end <= usedEnd else { throw Damage.inconsistent(column: column) }
            let start = previous, length = end - start
            previous = end
            guard length > 0, let base else {
                strings.append("")
                continue
            }
            let decode = { String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self) }
            strings.append(length > 15 ? interner.string(base + start, length, make: decode)! : decode())
        }
        return strings
    }

    /// `count * width`, or ``Damage/truncated`` when that overflows.
    private static func byteCount(_ count: Int, _ width: Int) throws -> Int {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow else { throw Damage.truncated }
        return bytes
    }

    /// Sequential, bounds-checked reads over the mapped file.
    private struct BlockReader {
        let bytes: UnsafeRawBufferPointer
        /// Whether blocks carry checksums (version 2).
        var checked: Bool
        var position = 0

        init(bytes: UnsafeRawBufferPointer, checked: Bool) {
            self.bytes = bytes
            self.checked = checked
        }

        mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard count >= 0, count <= bytes.count - position else { throw Damage.truncated }
            defer { position += count }
            return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
        }

        mutating func uint64() throws -> UInt64 {
            UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
        }

        /// A block of `length` bytes and (version 2) its checksums; verifies the
        /// segments overlapping each of `ranges` (byte ranges within the block).
        mutating func block(_ length: Int, verifying ranges: [Range<Int>], column: String) throws -> UnsafeRawBufferPointer {
            let data = try take(length)
            align()
            guard checked else { return data }
            let sums = try take(try byteCount(SegmentedChecksum.count(forLength: length), 4))
            align()
            for range in ranges where !SegmentedChecksum.verify(data, sums: sums, covering: range) {
                throw Damage.badChecksum(column: column)
            }
            return data
        }

        /// A block of `count` values, keeping (and verifying) the first `kept`.
        mutating func array<T>(_ count: Int, keeping kept: Int, column: String) throws -> [T] {
            let stride = MemoryLayout<T>.stride
            let data = try block(try byteCount(count, stride), verifying: [0..<kept * stride], column: column)
            return [T](unsafeUninitializedCapacity: kept) { buffer, initialized in
                if kept > 0 { memcpy(buffer.baseAddress!, data.baseAddress!, kept * stride) }
                initialized = kept
            }
        }

        mutating func align() { position = min(bytes.count, (position + 7) / 8 * 8) }
    }
}
