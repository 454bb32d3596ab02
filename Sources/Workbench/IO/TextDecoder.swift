import Foundation
import OpsKit

/// Turns GB18030/GBK, Big5 and UTF-16 text into UTF-8.
///
/// The double-byte encodings go through a 64K-entry table (every lead and trail
/// byte pair, filled once from glibc's iconv), several chunks at a time: ASCII is
/// copied, a pair is one lookup. GB18030's rare four-byte sequences go to iconv
/// one by one. A newline byte never occurs inside a character of these
/// encodings, so chunks split at newlines decode independently.
enum TextDecoder {
    /// A byte sequence the encoding does not define, at `offset` of the input.
    struct Invalid: Error {
        let offset: Int
    }

    /// `bytes` as UTF-8, in a new buffer of `count` bytes (capacity `capacity`), or `Invalid`.
    static func utf8(
        from bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, parallelism: Int
    ) throws -> (buffer: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
        switch encoding {
        case .utf8:
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
            if let base = bytes.baseAddress { buffer.update(from: base, count: bytes.count) }
            return (buffer, bytes.count, bytes.count + 1)
        case .utf16LE, .utf16BE:
            return try iconvWhole(bytes, from: encoding.iconvName)
        case .gbk, .big5:
            return try tableDecode(
                bytes, table: encoding == .gbk ? gbTable : big5Table, fourByte: encoding == .gbk, parallelism: parallelism)
        }
    }

    /// A short text decoded leniently (invalid bytes become U+FFFD), for error messages.
    static func preview(_ bytes: [UInt8], as encoding: TextEncoding) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            if let decoded = try? utf8(from: buffer, encoding: encoding, parallelism: 1) {
                defer { decoded.buffer.deallocate() }
                return String(decoding: UnsafeBufferPointer(start: decoded.buffer, count: decoded.count), as: UTF8.self)
            }
            return String(decoding: buffer, as: UTF8.self)
        }
    }

    // MARK: Tables

    /// Entry `lead << 8 | trail`: UTF-8 bytes in the low three bytes, their count in the top one (0 = undefined).
    private static let gbTable = makeTable(iconvName: "GB18030")
    private static let big5Table = makeTable(iconvName: "BIG5")

    private static func makeTable(iconvName: String) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 1 << 16)
        guard let converter = Iconv(from: iconvName, to: "UTF-8") else { return table }
        var output = [UInt8](repeating: 0, count: 8)
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                let input: [UInt8] = [UInt8(lead), UInt8(trail)]
                let result = input.withUnsafeBytes { i in output.withUnsafeMutableBytes { converter.convert(i, into: $0) } }
                guard result.error == 0, result.consumed == 2, (1...3).contains(result.produced) else { continue }
                var entry = UInt32(result.produced) << 24
                for k in 0..<result.produced { entry |= UInt32(output[k]) << (8 * k) }
                table[lead << 8 | trail] = entry
            }
        }
        return table
    }

    // MARK: Decoding

    private static func tableDecode(
        _ bytes: UnsafeBufferPointer<UInt8>, table: [UInt32], fourByte: Bool, parallelism: Int
    ) throws -> (buffer: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
        let bounds = chunkBounds(bytes, parts: bytes.count > 4 << 20 ? parallelism : 1)
        let chunks = bounds.count - 1
        var outputs = [(UnsafeMutablePointer<UInt8>, Int)?](repeating: nil, count: chunks)
        var failures = [Int?](repeating: nil, count: chunks)
        table.withUnsafeBufferPointer { table in
            outputs.withUnsafeMutableBufferPointer { outs in
                failures.withUnsafeMutableBufferPointer { fails in
                    DispatchQueue.concurrentPerform(iterations: chunks) { k in
                        let range = bounds[k]..<bounds[k + 1]
                        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: range.count * 3 / 2 + 8)
                        switch decodeChunk(bytes, range, table: table, fourByte: fourByte, into: out) {
                        case .success(let n): outs[k] = (out, n)
                        case .failure(let bad):
                            out.deallocate()
                            fails[k] = bad.offset
                        }
                    }
                }
            }
        }
        if let bad = failures.compactMap({ $0 }).min() {
            for case let (buffer, _)? in outputs { buffer.deallocate() }
            throw Invalid(offset: bad)
        }
        let total = outputs.reduce(0) { $0 + $1!.1 }
        let result = UnsafeMutablePointer<UInt8>.allocate(capacity: total + 1)
        var at = 0
        for case let (buffer, n)? in outputs {
            (result + at).update(from: buffer, count: n)
            at += n
            buffer.deallocate()
        }
        return (result, total, total + 1)
    }

    /// Chunk boundaries just after newlines, near equal fractions of the input.
    private static func chunkBounds(_ bytes: UnsafeBufferPointer<UInt8>, parts: Int) -> [Int] {
        var bounds = [0]
        for k in 1..<max(parts, 1) {
            var at = max(bytes.count * k / parts, bounds.last!)
            while at < bytes.count, bytes[at] != 0x0A { at += 1 }
            if at + 1 < bytes.count { bounds.append(at + 1) }
        }
        bounds.append(bytes.count)
        return bounds
    }

    private static func decodeChunk(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, table: UnsafeBufferPointer<UInt32>, fourByte: Bool,
        into out: UnsafeMutablePointer<UInt8>
    ) -> Result<Int, Invalid> {
        let base = bytes.baseAddress!
        var i = range.lowerBound
        let end = range.upperBound
        var o = 0
        while i < end {
            let b = base[i]
            if b < 0x80 {
                out[o] = b
                o += 1
                i += 1
                continue
            }
            guard i + 1 < end else { return .failure(Invalid(offset: i)) }
            let trail = base[i + 1]
            if fourByte, trail >= 0x30, trail <= 0x39 {
                guard i + 3 < end, let n = decodeFourByte(base + i, into: out + o) else { return .failure(Invalid(offset: i)) }
                o += n
                i += 4
                continue
            }
            let entry = table[Int(b) << 8 | Int(trail)]
            let n = Int(entry >> 24)
            guard n > 0 else { return .failure(Invalid(offset: i)) }
            out[o] = UInt8(truncatingIfNeeded: entry)
            if n > 1 { out[o + 1] = UInt8(truncatingIfNeeded: entry >> 8) }
            if n > 2 { out[o + 2] = UInt8(truncatingIfNeeded: entry >> 16) }
            o += n
            i += 2
        }
        return .success(o)
    }

    /// A GB18030 four-byte sequence through iconv (at most four UTF-8 bytes written).
    private static func decodeFourByte(_ p: UnsafePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard let converter = Iconv(from: "GB18030", to: "UTF-8") else { return nil }
        let result = converter.convert(UnsafeRawBufferPointer(start: p, count: 4), into: UnsafeMutableRawBufferPointer(start: out, count: 4))
        return result.error == 0 && result.consumed == 4 ? result.produced : nil
    }

    /// The whole input through iconv (UTF-16, where tables do not apply).
    private static func iconvWhole(
        _ bytes: UnsafeBufferPointer<UInt8>, from name: String
    ) throws -> (buffer: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
        guard let converter = Iconv(from: name, to: "UTF-8") else { throw Invalid(offset: 0) }
        let capacity = bytes.count * 3 / 2 + 16
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        let result = converter.convert(UnsafeRawBufferPointer(bytes), into: UnsafeMutableRawBufferPointer(start: out, count: capacity))
        guard result.error == 0 else {
            out.deallocate()
            throw Invalid(offset: result.consumed)
        }
        return (out, result.produced, capacity)
    }
}
