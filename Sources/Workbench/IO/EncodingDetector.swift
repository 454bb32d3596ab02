import Foundation
import OpsKit

/// Decides a text file's encoding from its bytes: a byte-order mark first, then
/// UTF-8 if the sample is valid UTF-8, then GB18030/GBK against Big5 by where
/// their double-byte characters fall. Each of the two encodings lists its most
/// frequent characters first (GB2312 level 1: lead bytes B0–D7 with trail bytes
/// A1–FE; Big5 level 1: lead bytes A4–C6), and Big5 uses trail bytes 40–7E for
/// about 40% of its characters where GB2312 uses none; real text lands in its
/// own encoding's frequent zone almost always and in the other's far less.
enum EncodingDetector {
    /// Bytes looked at for the decision; the rest is checked while decoding.
    static let sampleSize = 1 << 20

    /// Why a file's encoding could not be settled.
    enum Undecided: Error {
        /// Neither candidate explains the bytes better than the other.
        case ambiguous(candidates: [TextEncoding], sample: [UInt8])
        /// The bytes are valid in none of the candidates (first bad byte at `offset`).
        case invalid(offset: Int)
        /// Some lines are UTF-8 and others are not (`utf8Line` is valid UTF-8, `otherLine` is not).
        case mixed(utf8Line: Int, otherLine: Int)
    }

    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) throws -> EncodingChoice {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return EncodingChoice(encoding: .utf8, bom: true, forced: false) }
        if bytes.starts(with: [0xFF, 0xFE]) { return EncodingChoice(encoding: .utf16LE, bom: true, forced: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return EncodingChoice(encoding: .utf16BE, bom: true, forced: false) }
        if let utf16 = utf16WithoutBOM(bytes) { return EncodingChoice(encoding: utf16, bom: false, forced: false) }
        let sample = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, sampleSize)])
        guard let bad = firstInvalidUTF8(sample, atEnd: sample.count == bytes.count) else {
            return EncodingChoice(encoding: .utf8, bom: false, forced: false)
        }
        if let mixed = mixedLines(sample, firstInvalid: bad) { throw mixed }
        return EncodingChoice(encoding: try chineseDoubleByte(sample), bom: false, forced: false)
    }

    /// Whether the bytes look like UTF-16 text without a BOM (not a binary file).
    static func looksLikeUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { utf16WithoutBOM(bytes) != nil }

    /// UTF-16 without a BOM: text of mostly ASCII shows a zero byte in every other position.
    private static func utf16WithoutBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { evenZeros += 1 }
            if bytes[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = n / 2
        if oddZeros * 10 > pairs * 6, evenZeros * 10 < pairs { return .utf16LE }
        if evenZeros * 10 > pairs * 6, oddZeros * 10 < pairs { return .utf16BE }
        return nil
    }

    /// Offset of the first byte that is not valid UTF-8 (`nil` if none); an
    /// incomplete sequence at the end of a sample that is not the whole file is allowed.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error(let length):
                if !atEnd, offset + 4 > bytes.count { return nil }
                _ = length
                return offset
            }
        }
    }

    /// A `mixed` failure when an earlier or later line holds valid non-ASCII UTF-8
    /// (two or more multi-byte characters, which chance rarely forms in GBK) beside the invalid one.
    private static func mixedLines(_ bytes: UnsafeBufferPointer<UInt8>, firstInvalid: Int) -> Undecided? {
        var line = 1
        var start = 0
        var utf8Line: Int?
        var badLine: Int?
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if text.contains(where: { $0 >= 0x80 }) {
                    if firstInvalidUTF8(text, atEnd: true) == nil {
                        var multi = 0
                        for b in text where b >= 0xC2 && b <= 0xF4 { multi += 1 }
                        if multi >= 2, utf8Line == nil { utf8Line = line }
                    } else if badLine == nil {
                        badLine = line
                    }
                }
                if let utf8Line, let badLine { return .mixed(utf8Line: utf8Line, otherLine: badLine) }
                line += 1
                start = i + 1
            }
            i += 1
        }
        return nil
    }

    /// GB18030/GBK or Big5, by the share of double-byte characters in each one's frequent zone.
    private static func chineseDoubleByte(_ bytes: UnsafeBufferPointer<UInt8>) throws -> TextEncoding {
        var pairs = 0, gbFrequent = 0, big5Frequent = 0
        var gbValid = true, big5Valid = true
        var firstBad: Int?
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            guard lead >= 0x81, lead <= 0xFE, i + 1 < bytes.count else {
                gbValid = false
                big5Valid = false
                firstBad = firstBad ?? i
                i += 1
                continue
            }
            let trail = bytes[i + 1]
            if (0x30...0x39).contains(trail) {
                // A GB18030 four-byte sequence: never Big5.
                big5Valid = false
                i += 4
                pairs += 1
                gbFrequent += 1
                continue
            }
            if trail < 0x40 || trail == 0x7F || trail == 0xFF { gbValid = false }
            if lead < 0xA1 || lead > 0xF9 || !(0x40...0x7E).contains(trail) && !(0xA1...0xFE).contains(trail) {
                big5Valid = false
            }
            if !gbValid, !big5Valid { firstBad = firstBad ?? i }
            pairs += 1
            if lead <= 0xA9 && lead >= 0xA1 && trail >= 0xA1 || (0xB0...0xD7).contains(lead) && trail >= 0xA1 {
                gbFrequent += 1
            }
            if (0xA1...0xC6).contains(lead) && lead != 0xA3 || lead == 0xA3 && trail <= 0xBF { big5Frequent += 1 }
            i += 2
        }
        switch (gbValid, big5Valid) {
        case (false, false): throw Undecided.invalid(offset: firstBad ?? 0)
        case (true, false): return .gbk
        case (false, true): return .big5
        case (true, true):
            let gb = Double(gbFrequent) / Double(max(pairs, 1))
            let big5 = Double(big5Frequent) / Double(max(pairs, 1))
            if pairs >= 2, gb - big5 >= 0.2 { return .gbk }
            if pairs >= 2, big5 - gb >= 0.2 { return .big5 }
            throw Undecided.ambiguous(candidates: [.gbk, .big5], sample: firstTextLine(bytes))
        }
    }

    /// The bytes of the first line holding non-ASCII text (at most 60), for showing each reading of it.
    private static func firstTextLine(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let start = bytes.firstIndex(where: { $0 >= 0x80 }) else { return [] }
        let lineStart = bytes[..<start].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        return Array(bytes[lineStart..<min(lineEnd, lineStart + 60)])
    }
}
