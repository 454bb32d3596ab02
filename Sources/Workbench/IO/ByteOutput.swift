/// Where a writer appends bytes: a file being written atomically, or memory
/// (`show --format tsv|md` prints what `export` would write).
protocol ByteOutput: AnyObject {
    func append(_ byte: UInt8) throws
    func append<C: Collection>(contentsOf bytes: C) throws where C.Element == UInt8
}

extension AtomicFileWriter: ByteOutput {}

/// Bytes collected in memory.
final class ByteBuffer: ByteOutput {
    private(set) var bytes: [UInt8] = []

    func append(_ byte: UInt8) { bytes.append(byte) }
    func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 { self.bytes.append(contentsOf: bytes) }

    /// The bytes as UTF-8 text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
