/// Splits mixed Chinese/English text into index terms the way Lucene's CJK
/// analysis does: runs of Latin letters and digits become lower-cased words;
/// runs of CJK characters become character unigrams and overlapping bigrams;
/// punctuation (including `，、；。`), spaces, symbols and emoji separate tokens.
/// With `cjkWords`, a CJK run also gives its words (``ChineseSegmenter``), except
/// those already given as a unigram or bigram, so no term is counted twice.
public struct TextTokenizer: Sendable {
    public var cjkUnigrams: Bool
    public var cjkBigrams: Bool
    public var cjkWords: Bool

    public init(cjkUnigrams: Bool = true, cjkBigrams: Bool = true, cjkWords: Bool = false) {
        self.cjkUnigrams = cjkUnigrams
        self.cjkBigrams = cjkBigrams
        self.cjkWords = cjkWords
    }

    /// The terms of `text`, in reading order (a CJK run gives its unigrams, then its bigrams, then its words).
    ///
    /// Terms are cut out of the text's UTF-8 bytes (a term of up to 15 bytes
    /// is a small string, with no allocation); scalars are looked at once.
    public func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        let bytes = Array(text.utf8)
        func term(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var wordStart = -1  // UTF-8 offset where the current Latin word began; -1: none
        var runValues: [UInt32] = [], runOffsets: [Int] = []  // the CJK run's scalars and where each starts
        func flushWord(at end: Int) {
            if wordStart >= 0 { tokens.append(term(wordStart..<end).lowercased()); wordStart = -1 }
        }
        func flushCJK(at end: Int) {
            guard !runValues.isEmpty else { return }
            runOffsets.append(end)
            let count = runValues.count
            if cjkUnigrams || count == 1 {
                for k in 0..<count { tokens.append(term(runOffsets[k]..<runOffsets[k + 1])) }
            }
            if cjkBigrams, count > 1 {
                for k in 0..<(count - 1) { tokens.append(term(runOffsets[k]..<runOffsets[k + 2])) }
            }
            if cjkWords {
                var start = 0
                for length in ChineseSegmenter.shared.segment(runValues[...]) {
                    defer { start += length }
                    if length == 1 && (cjkUnigrams || count == 1) || length == 2 && cjkBigrams { continue }
                    tokens.append(term(runOffsets[start]..<runOffsets[start + length]))
                }
            }
            runValues.removeAll(keepingCapacity: true)
            runOffsets.removeAll(keepingCapacity: true)
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            if TextScript.isCJK(scalar) {
                flushWord(at: offset)
                runValues.append(scalar.value)
                runOffsets.append(offset)
            } else if TextScript.isWordScalar(scalar) {
                flushCJK(at: offset)
                if wordStart < 0 { wordStart = offset }
            } else if wordStart >= 0, scalar.value >= 0x300, scalar.properties.generalCategory == .nonspacingMark {
                // a combining mark continues the word (there is none below U+0300)
            } else {
                flushWord(at: offset)
                flushCJK(at: offset)
            }
            offset += UTF8.width(scalar)
        }
        flushWord(at: offset)
        flushCJK(at: offset)
        return tokens
    }
}

/// Script facts used by tokenisation and by labels that follow the data's language.
public enum TextScript {
    /// Han ideographs, kana, Hangul and CJK compatibility ideographs.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0x20000...0x2FA1F, 0x31F0...0x31FF:
            return true
        default:
            return false
        }
    }

    /// A–Z or a–z (the Unicode tables agree for ASCII; ``TextTokenizerTests`` checks it).
    @inline(__always) private static func isASCIILetter(_ value: UInt32) -> Bool { (0x61...0x7A).contains(value | 0x20) }

    /// Letters and digits of non-CJK scripts (Latin, Cyrillic, Greek, fullwidth Latin ...).
    /// ASCII is decided without the Unicode property tables (``TextTokenizerTests`` checks it agrees).
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return isASCIILetter(v) || (0x30...0x39).contains(v) || v == 0x5F }
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || scalar == "_"
    }

    /// Whether text is mostly Chinese/Japanese/Korean (more CJK characters than Latin letters).
    public static func isMostlyCJK<S: StringProtocol>(_ text: S) -> Bool {
        var cjk = 0, other = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                cjk += 1
            } else if scalar.value < 0x80 ? isASCIILetter(scalar.value) : scalar.properties.isAlphabetic {
                other += 1
            }
        }
        return cjk > 0 && cjk * 2 >= other
    }

    /// Whether most of the given names (e.g. column names) are Chinese: generated
    /// labels then use Chinese.
    public static func prefersChinese(_ names: [String]) -> Bool {
        let chinese = names.filter { isMostlyCJK($0) }.count
        return chinese * 2 > names.count || (chinese > 0 && chinese * 2 == names.count)
    }
}
