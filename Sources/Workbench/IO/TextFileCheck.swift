import Foundation

/// Checks that a file is non-empty UTF-8 text before it is parsed.
enum TextFileCheck {
    /// The file's bytes without a UTF-8 byte-order mark; throws for empty, binary or UTF-16 files.
    static func textBytes(of file: MappedFile) throws -> UnsafeBufferPointer<UInt8> {
        var bytes = file.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        if let kind = binaryKind(bytes) { throw IOMessages.binaryFile(file.path, kind: kind) }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw IOMessages.emptyFile(file.path)
        }
        return bytes
    }

    /// A description of a binary file's format (`nil` kind inside means unknown binary), or `nil` for text.
    private static func binaryKind(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && zip(bytes, magic).allSatisfy { $0 == $1 } }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { return .some("UTF-16 text") }
        if starts([0x1F, 0x8B]) { return .some("gzip") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .some("zip or Excel (.xlsx)") }
        if starts(Array("PAR1".utf8)) { return .some("Parquet") }
        if starts(Array("SQLite format 3".utf8)) { return .some("SQLite database") }
        if bytes.prefix(1 << 16).contains(0) { return .some(nil) }
        return nil
    }
}
