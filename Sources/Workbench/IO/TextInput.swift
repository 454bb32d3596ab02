import Foundation
import OpsKit

/// A text file made ready for the parsers: read (not mapped), its encoding
/// settled (`--encoding`, a BOM, or detection), decoded to UTF-8 without the
/// BOM, old Mac line ends (CR alone) turned into LF outside quoted fields, and
/// checked to be non-empty text rather than a binary format.
struct TextInput {
    let file: FileBytes
    let encoding: EncodingChoice

    var bytes: UnsafeBufferPointer<UInt8> { file.bytes }

    init(_ file: FileBytes, options: ReadOptions) throws {
        self.file = file
        let raw = file.bytes
        if options.encoding == nil, let kind = Self.binaryKind(raw) { throw IOMessages.binaryFile(file.path, kind: kind) }
        let choice: EncodingChoice
        if let forced = options.encoding {
            choice = EncodingChoice(encoding: forced, bom: Self.bomLength(raw, forced) > 0, forced: true)
        } else {
            do { choice = try EncodingDetector.detect(raw) } catch let undecided as EncodingDetector.Undecided {
                throw IOMessages.undecidedEncoding(file.path, undecided, in: raw)
            }
        }
        encoding = choice
        let bom = Self.bomLength(raw, choice.encoding)
        if choice.encoding == .utf8 {
            if bom > 0 {
                memmove(file.base, file.base + bom, raw.count - bom)
                file.truncate(to: raw.count - bom)
            }
        } else {
            let body = UnsafeBufferPointer(rebasing: raw[bom...])
            do {
                let decoded = try TextDecoder.utf8(
                    from: body, encoding: choice.encoding, parallelism: ProcessInfo.processInfo.activeProcessorCount)
                file.replace(with: decoded.buffer, count: decoded.count, capacity: decoded.capacity)
            } catch let invalid as TextDecoder.Invalid {
                throw IOMessages.notInEncoding(
                    IOMessages.at(file.path, TextPosition(offset: bom + invalid.offset, in: raw)), choice,
                    bytes: Array(raw[(bom + invalid.offset)..<min(raw.count, bom + invalid.offset + 4)]))
            }
        }
        guard file.count <= DatasetReader.sizeLimit else { throw IOMessages.tooLarge(file.path) }
        Self.convertLoneCarriageReturns(file)
        guard file.bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw IOMessages.emptyFile(file.path)
        }
    }

    static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: TextEncoding) -> Int {
        switch encoding {
        case .utf8: return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        case .utf16LE: return bytes.starts(with: [0xFF, 0xFE]) ? 2 : 0
        case .utf16BE: return bytes.starts(with: [0xFE, 0xFF]) ? 2 : 0
        case .gbk, .big5: return 0
        }
    }

    /// A file whose lines end in CR alone (classic Mac, some exports): every CR
    /// outside a quoted field becomes LF; a CR inside quotes is data and stays.
    private static func convertLoneCarriageReturns(_ file: FileBytes) {
        let base = file.base
        let n = file.count
        guard n > 0, memchr(base, 0x0A, n) == nil, memchr(base, 0x0D, n) != nil else { return }
        var inQuote = false
        for i in 0..<n {
            let b = base[i]
            if b == 0x22 { inQuote.toggle() } else if b == 0x0D, !inQuote { base[i] = 0x0A }
        }
    }

    /// A description of a binary file's format (`nil` kind inside means unknown binary), or `nil` for text.
    static func binaryKind(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        if starts([0x1F, 0x8B]) { return .some("gzip") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .some("zip or Excel (.xlsx)") }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return .some("Excel 97-2003 (.xls) or other Office") }
        if starts(Array("PAR1".utf8)) { return .some("Parquet") }
        if starts(Array("SQLite format 3".utf8)) { return .some("SQLite database") }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { return nil }
        if EncodingDetector.looksLikeUTF16(bytes) { return nil }
        if bytes.prefix(1 << 16).contains(0) { return .some(nil) }
        return nil
    }
}
