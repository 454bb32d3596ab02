import Foundation

/// A pull scanner over the XML parts of an .xlsx package (SpreadsheetML is
/// plain, namespaced, entity-light XML): start and end tags with their
/// attributes, and text, as byte ranges — no strings unless asked for.
///
/// Foundation's `XMLParser` was measured here at about 10 µs per element on
/// Linux (one dictionary of attributes per element), 30 s for a 200,000-row
/// sheet; this scanner reads such a sheet in well under a second. It handles
/// what the parts contain: prefixes (`x:c`), comments, processing instructions,
/// CDATA, the five named entities and numeric character references.
struct XMLScanner {
    enum Event {
        /// A start tag: its local name, where its attributes are, and whether it closes itself (`<c/>`).
        case start(name: Range<Int>, attributes: Range<Int>, empty: Bool)
        case end(name: Range<Int>)
        /// Text between tags, entities still escaped (see ``text(_:)``).
        case text(Range<Int>)
        /// `<![CDATA[...]]>` content, taken literally.
        case cdata(Range<Int>)
    }

    /// The document is not well-formed at `offset`.
    struct Malformed: Error {
        let offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next event, or `nil` at the end of the document.
    mutating func next() throws -> Event? {
        let base = bytes.baseAddress!
        let n = bytes.count
        while position < n {
            if base[position] != UInt8(ascii: "<") {
                let start = position
                if let hit = memchr(base + position, Int32(UInt8(ascii: "<")), n - position) {
                    position = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                } else {
                    position = n
                }
                return .text(start..<position)
            }
            guard position + 1 < n else { throw Malformed(offset: position) }
            switch base[position + 1] {
            case UInt8(ascii: "/"):
                let nameStart = position + 2
                guard let close = find(UInt8(ascii: ">"), from: nameStart) else { throw Malformed(offset: position) }
                var nameEnd = close
                while nameEnd > nameStart, base[nameEnd - 1] <= 0x20 { nameEnd -= 1 }
                position = close + 1
                return .end(name: localName(nameStart..<nameEnd))
            case UInt8(ascii: "?"):
                guard let close = find("?>", from: position + 2) else { throw Malformed(offset: position) }
                position = close + 2
            case UInt8(ascii: "!"):
                if starts(with: "<!--", at: position) {
                    guard let close = find("-->", from: position + 4) else { throw Malformed(offset: position) }
                    position = close + 3
                } else if starts(with: "<![CDATA[", at: position) {
                    let start = position + 9
                    guard let close = find("]]>", from: start) else { throw Malformed(offset: position) }
                    position = close + 3
                    return .cdata(start..<close)
                } else {
                    guard let close = find(UInt8(ascii: ">"), from: position + 2) else { throw Malformed(offset: position) }
                    position = close + 1
                }
            default:
                let nameStart = position + 1
                var i = nameStart
                while i < n, base[i] > 0x20, base[i] != UInt8(ascii: ">"), base[i] != UInt8(ascii: "/") { i += 1 }
                let name = localName(nameStart..<i)
                let attributesStart = i
                var quote: UInt8 = 0
                while i < n {
                    let b = base[i]
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == 0x22 || b == 0x27 {
                        quote = b
                    } else if b == UInt8(ascii: ">") {
                        break
                    }
                    i += 1
                }
                guard i < n else { throw Malformed(offset: position) }
                let empty = base[i - 1] == UInt8(ascii: "/")
                position = i + 1
                return .start(name: name, attributes: attributesStart..<(empty ? i - 1 : i), empty: empty)
            }
        }
        return nil
    }

    /// Skips to the end of the element whose start tag was just read.
    mutating func skipElement() throws {
        var depth = 1
        while depth > 0, let event = try next() {
            switch event {
            case .start(_, _, let empty): if !empty { depth += 1 }
            case .end: depth -= 1
            default: break
            }
        }
    }

    /// Whether a name range spells `name` (ASCII).
    func matches(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for k in 0..<range.count where bytes[range.lowerBound + k] != p[k] { return false }
        return true
    }

    /// The raw (still escaped) value of attribute `name` in an attribute range.
    func attribute(_ name: StaticString, in range: Range<Int>) -> Range<Int>? {
        let base = bytes.baseAddress!
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, base[i] <= 0x20 { i += 1 }
            let keyStart = i
            while i < end, base[i] != UInt8(ascii: "="), base[i] > 0x20 { i += 1 }
            let key = localName(keyStart..<i)
            while i < end, base[i] != 0x22, base[i] != 0x27 { i += 1 }
            guard i < end else { return nil }
            let quote = base[i]
            let valueStart = i + 1
            i = valueStart
            while i < end, base[i] != quote { i += 1 }
            if matches(key, name) { return valueStart..<i }
            i += 1
        }
        return nil
    }

    /// An attribute's value as a string, entities resolved.
    func string(_ name: StaticString, in range: Range<Int>) -> String? {
        attribute(name, in: range).map { text($0) }
    }

    /// Text with the XML entities and character references resolved.
    func text(_ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            let b = slice[i]
            guard b == UInt8(ascii: "&"), let semi = slice[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(b)
                i += 1
                continue
            }
            let entity = String(decoding: slice[(i + 1)..<semi], as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            if let scalar {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i = semi + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func localName(_ range: Range<Int>) -> Range<Int> {
        var i = range.upperBound
        while i > range.lowerBound {
            if bytes[i - 1] == UInt8(ascii: ":") { return i..<range.upperBound }
            i -= 1
        }
        return range
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let hit = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else {
            return nil
        }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - bytes.baseAddress!
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        var at = start
        while let hit = find(text.utf8Start[0], from: at) {
            if starts(with: text, at: hit) { return hit }
            at = hit + 1
        }
        return nil
    }

    private func starts(with text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        for k in 0..<count where bytes[offset + k] != text.utf8Start[k] { return false }
        return true
    }
}
