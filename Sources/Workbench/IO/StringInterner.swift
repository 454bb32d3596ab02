import Foundation

/// Shares one `String` among equal text fields of a column (cities, product
/// titles, statuses): repeated values cost neither an allocation nor UTF-8
/// validation again. Fields up to 15 bytes are stored inline by `String` and
/// are not interned. A key is compared with the shared string's own UTF-8, so
/// the bytes looked up need not outlive the call (a reused block buffer).
struct StringInterner {
    private struct Slot {
        var hash: UInt64 = 0
        var used = false
        var length = 0
        var value = ""

        /// Whether the slot's string is exactly these bytes.
        func holds(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
            guard length == n else { return false }
            return value.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, p, n) == 0 }
                ?? value.utf8.elementsEqual(UnsafeBufferPointer(start: p, count: n))
        }
    }

    private var slots: [Slot]
    private var mask: Int
    private var used = 0
    /// Stops adding values past this many distinct ones (a column of unique text).
    private let limit: Int

    init(limit: Int = 1 << 16) {
        self.limit = limit
        slots = [Slot](repeating: Slot(), count: 1024)
        mask = 1023
    }

    /// The shared string for these bytes, made with `make` the first time they are seen.
    mutating func string(_ p: UnsafePointer<UInt8>, _ n: Int, make: () -> String?) -> String? {
        let hash = Self.hash(p, n)
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i].used {
            if slots[i].hash == hash, slots[i].holds(p, n) { return slots[i].value }
            i = (i + 1) & mask
        }
        guard let value = make() else { return nil }
        if used < limit {
            slots[i] = Slot(hash: hash, used: true, length: n, value: value)
            used += 1
            if used * 2 > slots.count { grow() }
        }
        return value
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.used {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i].used { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    /// A fast 64-bit hash of the bytes, eight at a time.
    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
