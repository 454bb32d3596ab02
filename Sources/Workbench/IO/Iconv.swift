import Foundation

/// One glibc iconv conversion (`from` → `to`), for the encodings the tables and
/// Swift's own transcoders do not cover.
final class Iconv {
    private let handle: iconv_t

    /// `nil` when glibc lacks one of the encodings.
    init?(from: String, to: String) {
        handle = iconv_open(to, from)
        if handle == iconv_t(bitPattern: -1) { return nil }
    }

    deinit { iconv_close(handle) }

    /// Converts as much of `input` as fits into `output`; returns the bytes consumed and
    /// produced and `errno` (0 when everything converted, EILSEQ, EINVAL or E2BIG otherwise).
    func convert(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) -> (consumed: Int, produced: Int, error: Int32) {
        _ = iconv(handle, nil, nil, nil, nil)
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress)?
            .assumingMemoryBound(to: CChar.self)
        var outPointer: UnsafeMutablePointer<CChar>? = output.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = input.count, outLeft = output.count
        let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
        return (input.count - inLeft, output.count - outLeft, result == -1 ? errno : 0)
    }
}
