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
        let layout = try Layout(path: path)
        let kept = min(layout.rows, max(0, limit ?? layout.rows))
        var columns: [Column] = []
        for blocks in layout.columns {
            columns.append(try readColumn(blocks, rows: layout.rows, kept: kept))
        }
        if kept == layout.rows, !layout.endsAtFileEnd { throw Damage.truncated }
        do { return try Dataset(columns: columns) } catch { throw Damage.inconsistent(column: nil) }
    }

    private static func readColumn(_ blocks: ColumnBlocks, rows: Int, kept: Int) throws -> Column {
        let name = blocks.info.name
        var validity: [Bool]?
        if let block = blocks.validity {
            try block.verify(0..<kept, column: name)
            validity = block.data.prefix(kept).map { $0 != 0 }
        }
        let values: ColumnValues
        switch blocks.info.type {
        case .integer, .date, .datetime: values = .integers(try blocks.values.array(keeping: kept, column: name))
        case .double: values = .doubles(try blocks.values.array(keeping: kept, column: name))
        case .bool:
            try blocks.values.verify(0..<kept, column: name)
            values = .bools(blocks.values.data.prefix(kept).map { $0 != 0 })
        case .string: values = .strings(try readStrings(blocks, rows: rows, kept: kept))
        }
        return Column(name: name, type: blocks.info.type, values: values, validity: validity)
    }

    private static func readStrings(_ blocks: ColumnBlocks, rows: Int, kept: Int) throws -> [String] {
        let column = blocks.info.name
        let offsets = blocks.values, blob = blocks.text!
        let width = MemoryLayout<UInt64>.stride
        try offsets.verify(0..<(kept + 1) * width, column: column)
        func offset(_ i: Int) -> UInt64 { offsets.uint64(at: i) }
        guard let usedEnd = Int(exactly: offset(kept)), usedEnd <= blob.data.count else {
            throw Damage.inconsistent(column: column)
        }
        try blob.verify(0..<usedEnd, column: column)
        guard offset(0) == 0 else { throw Damage.inconsistent(column: column) }
        var previous = 0
        var interner = StringInterner()
        let base = blob.data.baseAddress?.assumingMemoryBound(to: UInt8.self)
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

    // MARK: Layout

    /// One block of a mapped file: its bytes and (version 2) its checksums.
    struct Block {
        let data: UnsafeRawBufferPointer
        /// One little-endian UInt32 per segment; nil in version 1 files.
        let sums: UnsafeRawBufferPointer?

        /// Checks the segments overlapping `range` (byte offsets in the block); version 1 blocks pass.
        func verify(_ range: Range<Int>, column: String) throws {
            guard let sums else { return }
            guard SegmentedChecksum.verify(data, sums: sums, covering: range) else { throw Damage.badChecksum(column: column) }
        }

        /// The first `kept` values, copied out after verifying them.
        func array<T>(keeping kept: Int, column: String) throws -> [T] {
            let stride = MemoryLayout<T>.stride
            try verify(0..<kept * stride, column: column)
            return [T](unsafeUninitializedCapacity: kept) { buffer, initialized in
                if kept > 0 { memcpy(buffer.baseAddress!, data.baseAddress!, kept * stride) }
                initialized = kept
            }
        }

        /// The `index`-th little-endian UInt64 of the block.
        @inline(__always) func uint64(at index: Int) -> UInt64 {
            UInt64(littleEndian: data.loadUnaligned(fromByteOffset: index &* 8, as: UInt64.self))
        }
    }

    /// The blocks of one column.
    struct ColumnBlocks {
        let info: Header.ColumnInfo
        let validity: Block?
        /// Int64 or Double values, one byte per bool, or for text the `rows + 1` offsets.
        let values: Block
        /// Text only: the UTF-8 bytes.
        let text: Block?
    }

    /// A column's blocks copied into memory of its own (8-byte aligned), each
    /// still paired with its checksums in the file.
    final class VerifiedColumn {
        let blocks: ColumnBlocks
        private let storage: UnsafeMutableRawBufferPointer

        fileprivate init(copying original: ColumnBlocks) {
            let parts = [original.validity, original.values, original.text]
            let sizes = parts.map { (($0?.data.count ?? 0) + 7) / 8 * 8 }
            storage = .allocate(byteCount: max(8, sizes.reduce(0, +)), alignment: 8)
            var at = 0
            var copies: [Block?] = []
            for (part, size) in zip(parts, sizes) {
                guard let part else {
                    copies.append(nil)
                    continue
                }
                let target = UnsafeMutableRawBufferPointer(rebasing: storage[at..<at + part.data.count])
                if !part.data.isEmpty { target.copyMemory(from: part.data) }
                copies.append(Block(data: UnsafeRawBufferPointer(target), sums: part.sums))
                at += size
            }
            blocks = ColumnBlocks(info: original.info, validity: copies[0], values: copies[1]!, text: copies[2])
        }

        deinit { storage.deallocate() }
    }

    /// A mapped columnar file's header and where each column's blocks lie:
    /// every length is checked against the file's size, but no block is read
    /// or verified yet (``read(path:limit:)`` verifies what it copies,
    /// ``verifiedColumn(_:)`` a whole column for reading in place).
    final class Layout {
        let file: MappedFile
        let rows: Int
        let columns: [ColumnBlocks]
        /// Whether the blocks end exactly where the file does (else it has trailing bytes).
        let endsAtFileEnd: Bool
        /// Whether blocks carry checksums (version 2).
        let checked: Bool

        /// Maps `path` (for reading front to back when `sequential`, else in any order) and locates its blocks.
        init(path: String, sequential: Bool = true) throws {
            let mapped: MappedFile
            do { mapped = try MappedFile(path: path, sequential: sequential) } catch { throw Damage.unreadable("\(error)") }
            file = mapped
            var reader = BlockReader(bytes: UnsafeRawBufferPointer(mapped.bytes), checked: true)
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
            rows = header.rows
            var columns: [ColumnBlocks] = []
            for info in header.columns { columns.append(try reader.column(info, rows: rows)) }
            self.columns = columns
            endsAtFileEnd = reader.position == reader.bytes.count
            checked = reader.checked
        }

        /// Column `index` copied out of the mapping, then verified whole (so the
        /// bytes checked are the bytes served, whatever later happens to the
        /// file): checksums, text offsets rising within the text, and in version 1
        /// files the text valid UTF-8 cut at character boundaries.
        func verifiedColumn(_ index: Int) throws -> VerifiedColumn {
            let column = VerifiedColumn(copying: columns[index])
            let blocks = column.blocks
            let name = blocks.info.name
            try blocks.validity.map { try $0.verify(0..<$0.data.count, column: name) }
            try blocks.values.verify(0..<blocks.values.data.count, column: name)
            guard let text = blocks.text else { return column }
            try text.verify(0..<text.data.count, column: name)
            let offsets = blocks.values
            guard offsets.uint64(at: 0) == 0 else { throw Damage.inconsistent(column: name) }
            var previous: UInt64 = 0
            for i in 1..<rows + 1 {
                let end = offsets.uint64(at: i)
                guard end >= previous else { throw Damage.inconsistent(column: name) }
                previous = end
            }
            guard previous == UInt64(text.data.count) else { throw Damage.inconsistent(column: name) }
            if !checked, !Self.isUTF8(text.data, cutAt: offsets, rows: rows) { throw Damage.inconsistent(column: name) }
            return column
        }

        /// Whether `bytes` is valid UTF-8 and every offset starts a character.
        private static func isUTF8(_ bytes: UnsafeRawBufferPointer, cutAt offsets: Block, rows: Int) -> Bool {
            guard String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) != nil else { return false }
            for i in 0..<rows {
                let start = Int(truncatingIfNeeded: offsets.uint64(at: i))
                if start < bytes.count, bytes[start] & 0xC0 == 0x80 { return false }
            }
            return true
        }
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

        /// A block of `length` bytes and (version 2) its checksums.
        mutating func block(_ length: Int) throws -> Block {
            let data = try take(length)
            align()
            guard checked else { return Block(data: data, sums: nil) }
            let sums = try take(try byteCount(SegmentedChecksum.count(forLength: length), 4))
            align()
            return Block(data: data, sums: sums)
        }

        /// The blocks of a column of `rows` rows. For text, the last offset
        /// (the text's length) is verified here, as it places the next block.
        mutating func column(_ info: Header.ColumnInfo, rows: Int) throws -> ColumnBlocks {
            let validity = info.nulls ? try block(rows) : nil
            switch info.type {
            case .integer, .date, .datetime, .double:
                return ColumnBlocks(info: info, validity: validity, values: try block(try byteCount(rows, 8)), text: nil)
            case .bool:
                return ColumnBlocks(info: info, validity: validity, values: try block(rows), text: nil)
            case .string:
                let (count, overflow) = rows.addingReportingOverflow(1)
                guard !overflow else { throw Damage.truncated }
                let offsets = try block(try byteCount(count, 8))
                try offsets.verify(rows * 8..<count * 8, column: info.name)
                guard let total = Int(exactly: offsets.uint64(at: rows)) else { throw Damage.truncated }
                return ColumnBlocks(info: info, validity: validity, values: offsets, text: try block(total))
            }
        }

        mutating func align() { position = min(bytes.count, (position + 7) / 8 * 8) }
    }
}
