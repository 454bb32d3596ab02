/// Numbers written with Chinese numerals, rewritten as digits where they count
/// something: before a measure word (两件, 三十五天, 第一次), or a run of digits
/// (二零二四年). Numerals inside ordinary words (一起, 一样, 统一, 万一) stay.
enum ChineseNumber {
    private static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000]
    /// Measure words and units that make a preceding numeral a count.
    private static let measures: Set<Unicode.Scalar> = Set(
        "件个只双套台部张本瓶罐箱包袋盒支条块元毛角秒天日号月年周岁斤克吨米寸码次遍期楼层份位人倍折单色款颗粒片根把桶副枚项寸斤公里".unicodeScalars)
    /// Measures that count only when the next character completes them: 小时, 分钟, 星期, 厘米.
    private static let twoCharacterMeasures: [Unicode.Scalar: Unicode.Scalar] = ["小": "时", "分": "钟", "星": "期", "厘": "米", "毫": "米", "公": "斤"]

    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool { digits[scalar] != nil || units[scalar] != nil }

    /// The smallest scalar value ``isNumeral(_:)`` holds for.
    static let lowestNumeral = (Array(digits.keys) + Array(units.keys)).map(\.value).min()!

    /// The scalars with counted Chinese numbers as digits and heights as centimetres.
    static func rewrite(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if let (value, end) = number(scalars, at: i) {
                // A height: N米M (M one or two digits, not itself counting something) → centimetres.
                if end < scalars.count, scalars[end] == "米", value > 0, value < 3, let (rest, restEnd) = digitsOnly(scalars, at: end + 1),
                    restEnd == scalars.count || !isMeasure(scalars, at: restEnd)
                {
                    let centimetres = value * 100 + (rest.count == 1 ? rest[0] * 10 : rest[0] * 10 + rest[1])
                    out.append(contentsOf: "\(centimetres)cm".unicodeScalars)
                    i = restEnd
                    continue
                }
                out.append(contentsOf: String(value).unicodeScalars)
                i = end
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return out
    }

    /// A counted number starting at `i` (Chinese numerals or ASCII digits before 米) and where it ends.
    private static func number(_ s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        if s[i].properties.numericType != nil, ("0"..."9").contains(s[i]) {
            // ASCII digits: only rewritten when they start a height (1米7).
            guard i == 0 || !("0"..."9").contains(s[i - 1]) else { return nil }
            var j = i, value = 0
            while j < s.count, ("0"..."9").contains(s[j]), value < 1000 { value = value * 10 + Int(s[j].value - 48); j += 1 }
            guard j < s.count, s[j] == "米", digitsOnly(s, at: j + 1) != nil else { return nil }
            return (value, j)
        }
        guard digits[s[i]] != nil || s[i] == "十" else { return nil }
        if i > 0, isNumeral(s[i - 1]) { return nil }  // inside a run already declined
        var j = i
        while j < s.count, isNumeral(s[j]) { j += 1 }
        let run = Array(s[i..<j])
        let allDigits = run.allSatisfy { digits[$0] != nil }
        let counted = j < s.count && isMeasure(s, at: j)
        if allDigits, run.count >= 3, !run.contains("两") {
            return (run.reduce(0) { $0 * 10 + digits[$1]! }, j)  // 二零二四 → 2024
        }
        guard counted || (j < s.count && s[j] == "米") else { return nil }
        guard let value = parse(run) else { return nil }
        return (value, j)
    }

    /// Up to two Chinese or ASCII digits at `i`, as values.
    private static func digitsOnly(_ s: [Unicode.Scalar], at i: Int) -> ([Int], Int)? {
        var values: [Int] = [], j = i
        while j < s.count, values.count < 2 {
            if let d = digits[s[j]], s[j] != "两" { values.append(d) } else if ("0"..."9").contains(s[j]) {
                values.append(Int(s[j].value - 48))
            } else { break }
            j += 1
        }
        if j < s.count, isNumeral(s[j]) || ("0"..."9").contains(s[j]) { return nil }
        return values.isEmpty ? nil : (values, j)
    }

    private static func isMeasure(_ s: [Unicode.Scalar], at j: Int) -> Bool {
        if measures.contains(s[j]) { return true }
        if let next = twoCharacterMeasures[s[j]] { return j + 1 < s.count && s[j + 1] == next }
        return false
    }

    /// The value of a numeral run in positional Chinese (三十五 = 35, 一百二 = 120, 两千零五 = 2005).
    static func parse(_ run: [Unicode.Scalar]) -> Int? {
        var total = 0, section = 0, digit: Int?, lastUnit = 1
        for scalar in run {
            if let d = digits[scalar] {
                digit = d
            } else if let unit = units[scalar] {
                if unit >= 10_000 {
                    total = (total + section + (digit ?? 0)) * unit
                    section = 0
                } else {
                    section += (digit ?? 1) * unit
                }
                lastUnit = unit
                digit = nil
            }
        }
        if let digit {
            // A trailing digit after a unit is one place lower (一百二 = 120); after 零 or alone, itself.
            let previousZero = run.count >= 2 && digits[run[run.count - 2]] == 0
            section += lastUnit >= 100 && !previousZero && run.count >= 2 && units[run[run.count - 2]] != nil ? digit * lastUnit / 10 : digit
        }
        let value = total + section
        return value > 1_000_000_000_000 ? nil : value
    }
}
