import Foundation

/// A small JSON parser over UTF-8 bytes for one JSON Lines record: keeps key
/// order and tells integers from doubles; nested values are kept as JSON text.
struct JSONParser {
    struct Failure: Error {
        let offset: Int
        let reason: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    /// Whether the line holds only white space.
    mutating func atBlank() -> Bool {
        skipSpace()
        return position >= end
    }

    /// The line's object as ordered key/value pairs; the rest of the line must be blank.
    mutating func object() throws -> [(String, JSONCell)] {
        skipSpace()
        try expect(UInt8(ascii: "{"), "expected '{'")
        var pairs: [(String, JSONCell)] = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw fail("expected a \"key\"") }
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"), "expected ':' after a key")
                skipSpace()
                pairs.append((key, try value()))
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "expected ',' or '}'")
                break
            }
        }
        skipSpace()
        guard position >= end else { throw fail("text after the object") }
        return pairs
    }

    private var peek: UInt8? { position < end ? bytes[position] : nil }

    private func fail(_ reason: String) -> Failure { Failure(offset: position, reason: reason) }

    private mutating func expect(_ byte: UInt8, _ reason: String) throws {
        guard peek == byte else { throw fail(reason) }
        position += 1
    }

    private mutating func skipSpace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { position += 1 }
    }

    private mutating func value() throws -> JSONCell {
        guard let b = peek else { throw fail("expected a value") }
        switch b {
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = position
            try skipNested()
            return .raw(String(decoding: bytes[start..<position], as: UTF8.self))
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return try number()
        }
    }

    private mutating func literal(_ word: String, _ cell: JSONCell) throws -> JSONCell {
        for expected in word.utf8 {
            guard peek == expected else { throw fail("expected \(word)") }
            position += 1
        }
        return cell
    }

    private mutating func number() throws -> JSONCell {
        let start = position
        while let b = peek, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b | 0x20 == UInt8(ascii: "e") || (b >= 48 && b <= 57)
        {
            position += 1
        }
        let p = bytes.baseAddress! + start, n = position - start
        if let v = FieldParser.integer(p, n) { return .integer(v) }
        if n > 0, p[0] != UInt8(ascii: "+"), let v = FieldParser.double(p, n), v.isFinite { return .double(v) }
        position = start
        throw fail("expected a value")
    }

    /// Skips a nested array or object, respecting strings.
    private mutating func skipNested() throws {
        var depth = 0
        while let b = peek {
            if b == UInt8(ascii: "\"") {
                _ = try string()
                continue
            }
            position += 1
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
            if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return }
            }
        }
        throw fail("unclosed array or object")
    }

    /// A string literal with its escapes resolved (`\uXXXX` surrogate pairs included).
    private mutating func string() throws -> String {
        let opening = position
        position += 1
        var out: [UInt8] = []
        while let b = peek {
            position += 1
            if b == UInt8(ascii: "\"") {
                guard let text = String(validating: out, as: UTF8.self) else {
                    throw Failure(offset: opening, reason: "invalid UTF-8 in a string")
                }
                return text
            }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                continue
            }
            guard let e = peek else { break }
            position += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), peek == UInt8(ascii: "\\") {
                    position += 2
                    let low = try hex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: out.append(e)
            }
        }
        throw Failure(offset: opening, reason: "string is never closed")
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= end, let v = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
        else { throw fail("invalid \\u escape") }
        position += 4
        return v
    }
}
