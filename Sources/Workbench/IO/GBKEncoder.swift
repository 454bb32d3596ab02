import Foundation

/// Converts a stream of UTF-8 chunks to GBK (code page 936, what Excel on
/// Chinese Windows reads) through glibc's iconv, carrying a character split
/// across two chunks over to the next. A character GBK cannot represent is
/// an error naming it, never a silent `?`.
final class GBKEncoder {
    /// A character that has no GBK form.
    struct Unencodable: Error {
        let character: String
    }

    private let converter = Iconv(from: "UTF-8", to: "GBK")
    private var carry: [UInt8] = []

    /// The GBK bytes of `utf8` (plus any carried bytes); an incomplete character at the end waits for the next chunk.
    func encode(_ utf8: UnsafeRawBufferPointer) throws -> [UInt8] {
        let input = carry + Array(utf8)
        carry = []
        var output = [UInt8](repeating: 0, count: input.count + 16)
        guard let converter else { throw Unencodable(character: "?") }
        let (consumed, produced, status) = input.withUnsafeBytes { i in
            output.withUnsafeMutableBytes { converter.convert(i, into: $0) }
        }
        if status == EILSEQ {
            let rest = input[consumed...]
            let character = String(decoding: rest.prefix(4), as: UTF8.self).first.map(String.init) ?? "?"
            throw Unencodable(character: character)
        }
        if status == EINVAL { carry = Array(input[consumed...]) }
        return Array(output[..<produced])
    }

    /// Fails if the stream ended inside a character.
    func finish() throws {
        if !carry.isEmpty { throw Unencodable(character: String(decoding: carry, as: UTF8.self)) }
    }
}
