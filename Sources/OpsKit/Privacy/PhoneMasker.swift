/// Finds phone numbers in free text and masks them (`138****5678`): the one
/// masker behind transcripts, the history, provenance and every dataset or
/// output that keeps what a customer wrote.
///
/// What counts as a phone number (digits may be ASCII or full-width `０–９`;
/// separators are one space, ideographic space or dash between digit groups):
/// - a mainland mobile: 11 digits `1[3-9]…`, optionally after `+86`, `0086`
///   or `86` (`138 1234 5678`, `+86 138-1234-5678`, `１３８１２３４５６７８`);
/// - a mainland landline: an area code `0…` of 3–4 digits set apart by
///   parentheses or a separator, then 7–8 digits (`(021) 1234 5678`, `021-12345678`);
/// - an international number: `+` or `00` and 8–15 digits (`+1 415 555 0100`).
///
/// To keep order numbers, SKUs, dates and amounts intact, a digit run is never
/// cut: a run longer than a phone number (a 20-digit trade number) is left
/// alone, as is a run glued to a Latin letter or `_` (`SKU13812345678`,
/// `A-13812345678`), part of a decimal (`0.13812345678`) or a date
/// (`2026-11-11`: no phone shape). Space-separated numbers are looked at
/// block by block, so a phone after an order number is still found.
public enum PhoneMasker {
    /// `text` with every phone number replaced by its masked form.
    public static func masked(_ text: String) -> String {
        guard mayContainDigits(text) else { return text }
        let found = matches(in: text)
        guard !found.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var cursor = text.startIndex
        for match in found {
            result += text[cursor..<match.range.lowerBound]
            result += match.masked
            cursor = match.range.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// One phone number found in a text.
    public struct Match: Equatable, Sendable {
        public enum Kind: Sendable { case mobile, landline, international }
        public let range: Range<String.Index>
        public let kind: Kind
        /// The number's digits in ASCII, prefixes included (`8613812345678`).
        public let digits: String
        /// What replaces it: `138****5678`, `+86 138****5678`, `021****5678`, `+141****0100`.
        public let masked: String
    }

    /// Every phone number in `text`, in order.
    public static func matches(in text: String) -> [Match] {
        guard mayContainDigits(text) else { return [] }
        let scalars = Array(text.unicodeScalars.indices.map { (text.unicodeScalars[$0], $0) })
        var found: [Match] = []
        var i = 0
        while i < scalars.count {
            guard let run = Run.read(scalars, at: i) else { i += 1; continue }
            found += run.phones(in: text, scalars: scalars)
            i = max(run.end, i + 1)
        }
        return found
    }

    /// Numbers this masker already masked (`138****5678`, `+86 138****5678`): a
    /// replayed transcript carries them, and readers can still tell they were phone numbers.
    public static func maskedNumbers(in text: String) -> [Range<String.Index>] {
        guard text.contains("**") else { return [] }
        let characters = Array(text.indices)
        func isDigit(_ i: Int) -> Bool { text[characters[i]].isASCII && text[characters[i]].isNumber }
        var found: [Range<String.Index>] = []
        var i = 0
        while i < characters.count {
            guard isDigit(i) || text[characters[i]] == "+" else { i += 1; continue }
            var j = i
            if text[characters[j]] == "+" {
                j += 1
                while j < characters.count, isDigit(j) { j += 1 }
                guard j > i + 1, j < characters.count, text[characters[j]] == " " else { i += 1; continue }
                j += 1
            }
            let lead = j
            while j < characters.count, isDigit(j) { j += 1 }
            let stars = j
            while j < characters.count, text[characters[j]] == "*" { j += 1 }
            let tail = j
            while j < characters.count, isDigit(j) { j += 1 }
            if stars - lead >= 2, tail - stars >= 2, j - tail >= 2 {
                found.append(characters[i]..<(j < characters.count ? characters[j] : text.endIndex))
                i = j
            } else {
                i = max(i + 1, lead)
            }
        }
        return found
    }

    /// Keeps the first three and last four of 11 or more digits (three and two when shorter).
    public static func maskDigits(_ digits: String) -> String {
        let characters = Array(digits)
        let keepEnd = characters.count >= 11 ? 4 : 2
        let keepStart = min(3, max(0, characters.count - keepEnd - 2))
        return String(characters.prefix(keepStart)) + String(repeating: "*", count: characters.count - keepStart - keepEnd)
            + String(characters.suffix(keepEnd))
    }

    /// A cheap test that lets text without any digit through untouched.
    private static func mayContainDigits(_ text: String) -> Bool {
        // ASCII digits, or the UTF-8 lead byte of full-width digits (EF BC 90–99)
        text.utf8.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0xEF }
    }

    // MARK: Scanning

    typealias Scalars = [(Unicode.Scalar, String.Index)]

    /// The ASCII digit a scalar stands for (`7` or `７`), or nil.
    static func digit(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x30...0x39: return Character(scalar)
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "\u{3000}" || scalar == "\u{FF0D}" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    static func isPlus(_ scalar: Unicode.Scalar) -> Bool { scalar == "+" || scalar == "\u{FF0B}" }
    static func isOpen(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar == "\u{FF08}" }
    static func isClose(_ scalar: Unicode.Scalar) -> Bool { scalar == ")" || scalar == "\u{FF09}" }

    /// A Latin letter, ASCII digit or `_`: what makes a number part of a code.
    static func isCodeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }

    /// A maximal stretch of digit groups joined by single separators, with an optional
    /// leading `+` and an optional parenthesised first group (`(021) `).
    struct Run {
        struct Group {
            var digits: String
            var start: Int
            var end: Int
            /// The separator before this group was a space (a block boundary).
            var afterSpace: Bool
        }
        var start: Int
        var end: Int
        var plus: Bool
        var parenthesised: Bool
        var groups: [Group]

        static func read(_ s: Scalars, at position: Int) -> Run? {
            var i = position
            var plus = false, parenthesised = false
            if isPlus(s[i].0) { plus = true; i += 1 } else if isOpen(s[i].0) { parenthesised = true; i += 1 }
            guard i < s.count, digit(s[i].0) != nil else { return nil }
            var groups: [Group] = []
            var afterSpace = false
            while i < s.count, digit(s[i].0) != nil {
                var digits = ""
                let start = i
                while i < s.count, let d = digit(s[i].0) { digits.append(d); i += 1 }
                groups.append(Group(digits: digits, start: start, end: i, afterSpace: afterSpace))
                if groups.count == 1 && parenthesised {
                    guard i < s.count, isClose(s[i].0) else { return nil }
                    i += 1
                    if i < s.count, isSeparator(s[i].0), i + 1 < s.count, digit(s[i + 1].0) != nil { i += 1 }
                    afterSpace = true
                    continue
                }
                guard i + 1 < s.count, isSeparator(s[i].0), digit(s[i + 1].0) != nil else { break }
                afterSpace = s[i].0 != "-" && s[i].0 != "\u{FF0D}" && s[i].0 != "\u{2010}" && s[i].0 != "\u{2011}"
                i += 1
            }
            guard !groups.isEmpty else { return nil }
            return Run(start: position, end: groups[groups.count - 1].end, plus: plus, parenthesised: parenthesised, groups: groups)
        }

        /// The run's first group is part of a code or a decimal: glued to a Latin letter, digit
        /// or `_` (directly, or through `-`/`/`/`#`), or to a decimal point after a digit.
        func isGluedOnLeft(in s: Scalars) -> Bool {
            guard start > 0 else { return false }
            let before = s[start - 1].0
            if isCodeCharacter(before) { return true }
            if before == "." && start > 1 && digit(s[start - 2].0) != nil { return true }
            return (before == "-" || before == "/" || before == "#") && start > 1 && isCodeCharacter(s[start - 2].0)
        }

        /// The run's last group is part of a code or a decimal (`…678abc`, `…678.50`).
        func isGluedOnRight(in s: Scalars) -> Bool {
            guard end < s.count else { return false }
            let after = s[end].0
            if isCodeCharacter(after) { return true }
            return (after == "." || after == ",") && end + 1 < s.count && digit(s[end + 1].0) != nil
        }

        /// Phone numbers in this run: the whole run, else blocks of space-separated groups;
        /// a block glued to a code is never part of one.
        func phones(in text: String, scalars s: Scalars) -> [Match] {
            var found: [Match] = []
            let blockStarts = groups.indices.filter { $0 == 0 || groups[$0].afterSpace }
            let firstUsable = isGluedOnLeft(in: s) ? 1 : 0
            let lastUsable = blockStarts.count - (isGluedOnRight(in: s) ? 2 : 1)
            var b = firstUsable
            while b <= lastUsable {
                var matched = false
                for e in stride(from: min(lastUsable, b + 5), through: b, by: -1) {
                    let first = blockStarts[b]
                    let last = e + 1 < blockStarts.count ? blockStarts[e + 1] - 1 : groups.count - 1
                    let leading = first == 0
                    guard let (kind, digits, masked) = classify(
                        Array(groups[first...last]), plus: leading && plus, parenthesised: leading && parenthesised)
                    else { continue }
                    let from = leading ? start : groups[first].start
                    let to = groups[last].end < s.count ? s[groups[last].end].1 : text.endIndex
                    found.append(Match(range: s[from].1..<to, kind: kind, digits: digits, masked: masked))
                    b = e + 1
                    matched = true
                    break
                }
                if !matched { b += 1 }
            }
            return found
        }
    }

    /// The kind, digits and masked form of a candidate number, or nil when it is not a phone number.
    static func classify(_ groups: [Run.Group], plus: Bool, parenthesised: Bool) -> (Match.Kind, String, String)? {
        let digits = groups.map(\.digits).joined()
        if plus || (digits.hasPrefix("00") && !parenthesised) {
            let number = plus ? digits : String(digits.dropFirst(2))
            guard (8...15).contains(number.count), number.first != "0" else { return nil }
            if number.hasPrefix("86"), isMobile(String(number.dropFirst(2))) {
                return (.mobile, digits, "+86 " + maskDigits(String(number.dropFirst(2))))
            }
            return (.international, digits, "+" + maskDigits(number))
        }
        if isMobile(digits) { return (.mobile, digits, maskDigits(digits)) }
        if digits.count == 13, digits.hasPrefix("86"), isMobile(String(digits.dropFirst(2))) {
            return (.mobile, digits, "+86 " + maskDigits(String(digits.dropFirst(2))))
        }
        guard groups.count >= 2 || parenthesised, let area = groups.first?.digits, isAreaCode(area) else { return nil }
        let local = String(digits.dropFirst(area.count))
        guard (7...8).contains(local.count), local.first != "0" else { return nil }
        return (.landline, digits, area + String(repeating: "*", count: local.count - 4) + String(local.suffix(4)))
    }

    /// 11 digits, `1` then `3`–`9`.
    static func isMobile(_ digits: String) -> Bool {
        guard digits.count == 11 else { return false }
        let characters = Array(digits)
        return characters[0] == "1" && ("3"..."9").contains(characters[1])
    }

    /// `010`, `02X` (3 digits) or `0[3-9]XX` (4 digits).
    static func isAreaCode(_ digits: String) -> Bool {
        let characters = Array(digits)
        guard characters.first == "0", characters.count >= 3 else { return false }
        switch characters[1] {
        case "1": return digits == "010"
        case "2": return characters.count == 3
        case "3"..."9": return characters.count == 4
        default: return false
        }
    }
}
