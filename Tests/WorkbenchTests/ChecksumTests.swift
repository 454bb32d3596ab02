import CChecksum
import OpsKit
import Testing

@testable import Workbench

/// CRC-32C: the published check values, and the CPU's instruction (where the
/// machine has it) agreeing with the table-driven fallback byte for byte.
@Suite("CRC-32C checksums")
struct ChecksumTests {
    /// RFC 3720 (iSCSI) appendix B.4 and the usual "123456789" check value.
    @Test func knownVectors() {
        #expect(CRC32C.checksum("123456789") == 0xE306_9283)
        #expect(CRC32C.checksum("") == 0)
        let vectors: [([UInt8], UInt32)] = [
            ([UInt8](repeating: 0, count: 32), 0x8A91_36AA),
            ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
            ((0..<32).map { UInt8($0) }, 0x46DD_794E),
            ((0..<32).map { UInt8(31 - $0) }, 0x113F_DB5C),
        ]
        for (bytes, expected) in vectors {
            #expect(bytes.withUnsafeBytes { CRC32C.checksum($0) } == expected)
            #expect(bytes.withUnsafeBytes { opsbench_crc32c_software(0, $0.baseAddress, $0.count) } == expected)
        }
    }

    /// Every length 0...300 at every alignment 0...7, and a long buffer, continued from a non-zero CRC.
    @Test func instructionAndTablesAgree() {
        var random = SeededGenerator(seed: 16)
        let bytes = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes.withUnsafeBytes { all in
            for offset in 0..<8 {
                for length in 0...300 {
                    let part = UnsafeRawBufferPointer(rebasing: all[offset..<offset + length])
                    #expect(
                        opsbench_crc32c(0x1234_5678, part.baseAddress, length)
                            == opsbench_crc32c_software(0x1234_5678, part.baseAddress, length))
                }
            }
            #expect(opsbench_crc32c(0, all.baseAddress, all.count) == opsbench_crc32c_software(0, all.baseAddress, all.count))
        }
    }

    /// Checksumming in pieces gives the checksum of the whole.
    @Test func continuingMatchesWhole() {
        let text = Array("The quick brown fox jumps over the lazy dog, 一只敏捷的狐狸".utf8)
        text.withUnsafeBytes { all in
            let whole = CRC32C.checksum(all)
            for cut in [0, 1, 7, 8, 9, text.count - 1, text.count] {
                let first = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[..<cut]))
                #expect(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[cut...]), continuing: first) == whole)
            }
        }
    }
}
