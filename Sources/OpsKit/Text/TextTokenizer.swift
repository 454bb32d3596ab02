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
    public func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        var cjkRun: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty { tokens.append(String(word).lowercased()); word.removeAll() }
        }
        func flushCJK() {
            guard !cjkRun.isEmpty else { return }
            if cjkUnigrams || cjkRun.count == 1 {
                for scalar in cjkRun { tokens.append(String(Character(scalar))) }
            }
            if cjkBigrams, cjkRun.count > 1 {
                for i in 0..<(cjkRun.count - 1) {
                    var pair = String.UnicodeScalarView()
                    pair.append(cjkRun[i])
                    pair.append(cjkRun[i + 1])
                    tokens.append(String(pair))
                }
            }
            if cjkWords { appendWords() }
            cjkRun.removeAll()
        }
        func appendWords() {
            let values = cjkRun.map(\.value)
            var start = 0
            for length in ChineseSegmenter.shared.segment(values[...]) {
                defer { start += length }
                if length == 1 && (cjkUnigrams || cjkRun.count == 1) || length == 2 && cjkBigrams { continue }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: cjkRun[start..<(start + length)])
                tokens.append(String(word))
            }
        }
        for scalar in text.unicodeScalars {
            if TextScript.isCJK(scalar) {
                flushWord()
                cjkRun.append(scalar)
            } else if TextScript.isWordScalar(scalar) {
                flushCJK()
                word.append(scalar)
            } else if !word.isEmpty, scalar.properties.generalCategory == .nonspacingMark {
                word.append(scalar)
            } else {
                flushWord()
                flushCJK()
            }
        }
        flushWord()
        flushCJK()
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

    /// Letters and digits of non-CJK scripts (Latin, Cyrillic, Greek, fullwidth Latin ...).
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || scalar == "_"
    }

    /// Whether text is mostly Chinese/Japanese/Korean (more CJK characters than Latin letters).
    public static func isMostlyCJK<S: StringProtocol>(_ text: S) -> Bool {
        var cjk = 0, other = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) { cjk += 1 } else if scalar.properties.isAlphabetic { other += 1 }
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
