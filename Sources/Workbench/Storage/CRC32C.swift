import CChecksum

/// CRC-32C (Castagnoli polynomial, reflected), the checksum of iSCSI, ext4
/// metadata and many storage engines, over contiguous buffers: the CPU's
/// SSE4.2 instruction where it has one, else slicing-by-8 tables (CChecksum;
/// both give the same values). `CRC32C.checksum("123456789")` is 0xE3069283.
enum CRC32C {
    /// The checksum of `bytes`, continuing from `crc` (0 to start).
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return opsbench_crc32c(crc, base, bytes.count)
    }

    static func checksum(_ text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { checksum(UnsafeRawBufferPointer($0)) }
    }
}

/// Checksums of a block cut into fixed segments, so that a partial read
/// (`show`'s first rows) verifies just the segments it reads.
struct SegmentedChecksum {
    /// Bytes per checksum.
    static let segment = 1 << 16

    private(set) var sums: [UInt32] = []
    private var current: UInt32 = 0
    private var filled = 0

    /// Adds the next bytes of the block.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        while !rest.isEmpty {
            let take = min(rest.count, Self.segment - filled)
            current = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: rest[..<take]), continuing: current)
            filled += take
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            if filled == Self.segment {
                sums.append(current)
                current = 0
                filled = 0
            }
        }
    }

    /// The checksums of every segment (the last one may be short).
    mutating func finish() -> [UInt32] {
        if filled > 0 { sums.append(current) }
        current = 0
        filled = 0
        return sums
    }

    /// How many checksums a block of `length` bytes has.
    static func count(forLength length: Int) -> Int { length / segment + (length % segment == 0 ? 0 : 1) }

    /// Whether the segments of `block` that overlap `range` match `sums` (one little-endian UInt32 each).
    static func verify(_ block: UnsafeRawBufferPointer, sums: UnsafeRawBufferPointer, covering range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        let first = range.lowerBound / segment, last = (range.upperBound - 1) / segment
        for index in first...last {
            let start = index * segment, end = min(block.count, start + segment)
            let stored = UInt32(littleEndian: sums.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: block[start..<end])) == stored else { return false }
        }
        return true
    }
}
