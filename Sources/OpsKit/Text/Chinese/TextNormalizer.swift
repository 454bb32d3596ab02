/// Folds the spellings shoppers type into one form before tokenising:
/// full-width letters, digits and punctuation → half-width (ＡＢＣ１２３ → ABC123,
/// ideographic space → space), traditional characters → simplified (OpenCC's
/// character table: 運費 → 运费), and numbers written in Chinese before a
/// measure word → digits (两件 → 2件, 三十五天 → 35天, 一百二十块 → 120块),
/// heights in metres → centimetres (一米七 → 170cm, 1米75 → 175cm).
public struct TextNormalizer: Sendable {
    /// The bundled traditional → simplified table, loaded once on first use.
    public static let shared = TextNormalizer(traditional: ChineseResources.lines("zh_ts.txt"))

    private let simplified: [UInt32: UInt32]
    /// Below this scalar value nothing is folded (ASCII, Latin): no table lookups.
    private let firstFolded: UInt32

    /// Characters OpenCC maps although they are also ordinary simplified
    /// characters (著名, 乾坤, 藉口, 瞭望): left as they are.
    private static let keep: Set<Unicode.Scalar> = ["著", "乾", "藉", "瞭", "於", "夥", "祇", "徵", "鍾"]

    /// A normaliser from `zh_ts.txt` lines (a traditional character followed by its simplified one).
    init(traditional lines: [Substring]) {
        var table: [UInt32: UInt32] = [:]
        table.reserveCapacity(lines.count)
        for line in lines {
            let scalars = Array(line.unicodeScalars)
            guard scalars.count == 2, !Self.keep.contains(scalars[0]) else { continue }
            table[scalars[0].value] = scalars[1].value
        }
        simplified = table
        firstFolded = min(0x3000, table.keys.min() ?? .max, ChineseNumber.lowestNumeral)
    }

    /// The normalised text (the text itself when nothing is folded).
    public func normalize(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var hasNumeral = false, changed = false
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value < firstFolded {
                scalars.append(scalar)
                continue
            }
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
            if let s = simplified[value] { value = s }
            let folded = Unicode.Scalar(value)!
            if ChineseNumber.isNumeral(folded) { hasNumeral = true }
            if value != scalar.value { changed = true }
            scalars.append(folded)
        }
        if hasNumeral || scalars.contains("米") {
            let rewritten = ChineseNumber.rewrite(scalars)
            if rewritten != scalars { changed = true }
            scalars = rewritten
        }
        guard changed else { return text }
        var out = UTF8Builder(capacity: text.utf8.count)
        out.append(contentsOf: scalars)
        return out.string
    }
}
