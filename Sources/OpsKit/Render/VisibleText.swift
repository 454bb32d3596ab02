/// Text from data made safe to print on a terminal: control characters and
/// escape sequences never reach it raw, and a huge value is not echoed whole.
///
/// C0 controls become their Unicode control pictures (`ESC` → `␛`, tab → `␉`,
/// CR → `␍`, newline → `⏎` inside a cell), DEL becomes `␡`; C1 controls,
/// bidirectional overrides and line/paragraph separators become `\u{…}`
/// escapes. Every replacement is one terminal column per character, so
/// tables stay aligned with ``DisplayWidth``.
public enum VisibleText {
    /// `text` with every control character made visible; newlines are kept as
    /// line breaks when `keepingNewlines` (messages), shown as `⏎` otherwise (table cells);
    /// tabs are kept when `keepingTabs` (command output, where `show --format tsv` separates
    /// fields with them; a tab moves the cursor but sends no escape sequence).
    public static func escaped(_ text: String, keepingNewlines: Bool = false, keepingTabs: Bool = false) -> String {
        guard needsEscaping(text, keepingNewlines: keepingNewlines, keepingTabs: keepingTabs) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if keepingNewlines { result.append(scalar) } else { result.append("⏎") }
            case 0x09 where keepingTabs:
                result.append(scalar)
            case 0x00..<0x20:
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                result.append("\u{2421}")
            case 0x80..<0xA0, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether any scalar needs replacing (a byte scan; most text has none).
    private static func needsEscaping(_ text: String, keepingNewlines: Bool, keepingTabs: Bool) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && !(keepingNewlines && byte == 0x0A) && !(keepingTabs && byte == 0x09) { return true }
            if byte == 0x7F { return true }
            if previous == 0xC2 && (0x80..<0xA0).contains(byte) { return true }  // C1 controls
            if beforePrevious == 0xE2 {
                // U+200E/F and U+2028–202E are E2 80 xx; U+2066–2069 are E2 81 A6–A9
                if previous == 0x80 && (byte == 0x8E || byte == 0x8F || (0xA8...0xAE).contains(byte)) { return true }
                if previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A message for the terminal: controls made visible (newlines kept), and
    /// any quoted value longer than `maxQuoted` characters cut to its start, an
    /// ellipsis and its length (`'aaaa…' (102400 characters)`); a line that is
    /// still longer than `maxLine` characters is cut the same way.
    public static func message(_ text: String, maxQuoted: Int = 80, maxLine: Int = 2000) -> String {
        let visible = escaped(text, keepingNewlines: true)
        guard visible.utf8.count > maxQuoted else { return visible }
        return visible.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let shortened = shorteningQuoted(String(line), limit: maxQuoted)
            guard shortened.count > maxLine else { return shortened }
            return String(shortened.prefix(maxLine)) + "… " + SafetyText.characters(shortened.count)
        }.joined(separator: "\n")
    }

    /// Cuts every `'…'` or `"…"` segment longer than `limit` characters.
    private static func shorteningQuoted(_ line: String, limit: Int) -> String {
        guard line.count > limit else { return line }
        var result = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(where: { $0 == "'" || $0 == "\"" }) {
            let quote = rest[open]
            let body = rest[rest.index(after: open)...]
            guard let close = body.firstIndex(of: quote) else { break }
            result += rest[...open]
            let value = body[..<close]
            if value.count > limit {
                result += value.prefix(limit - 20) + "…" + String(quote) + " " + SafetyText.characters(value.count)
            } else {
                result += value + String(quote)
            }
            rest = body[body.index(after: close)...]
        }
        return result + rest
    }
}
