/// CRC-32C (Castagnoli polynomial, reflected), the checksum of iSCSI, ext4
/// metadata and many storage engines, computed slicing-by-8 over contiguous
/// buffers. `CRC32C.checksum("123456789")` is 0xE3069283.
enum CRC32C {
    /// Eight 256-entry tables: `tables[k * 256 + b]` is the CRC of byte `b` followed by `k` zero bytes.
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            t[i] = c
        }
        for k in 1..<8 {
            for i in 0..<256 {
                let previous = t[(k - 1) * 256 + i]
                t[k * 256 + i] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    /// The checksum of `bytes`, continuing from `crc` (0 to start).
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0) -> UInt32 {
        guard var p = bytes.baseAddress, !bytes.isEmpty else { return crc }
        var n = bytes.count
        var c = ~crc
        tables.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            while n >= 8 {
                let word = p.loadUnaligned(as: UInt64.self).littleEndian
                let lo = UInt32(truncatingIfNeeded: word) ^ c
                let hi = UInt32(truncatingIfNeeded: word &>> 32)
                c = t[7 &* 256 &+ Int(lo & 0xFF)] ^ t[6 &* 256 &+ Int((lo &>> 8) & 0xFF)]
                    ^ t[5 &* 256 &+ Int((lo &>> 16) & 0xFF)] ^ t[4 &* 256 &+ Int(lo &>> 24)]
                    ^ t[3 &* 256 &+ Int(hi & 0xFF)] ^ t[2 &* 256 &+ Int((hi &>> 8) & 0xFF)]
                    ^ t[256 &+ Int((hi &>> 16) & 0xFF)] ^ t[Int(hi &>> 24)]
                p += 8
                n &-= 8
            }
            while n > 0 {
                c = t[Int((c ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (c &>> 8)
                p += 1
                n &-= 1
            }
        }
        return ~c
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
