import OpsKit

/// Splits a command line into tokens with shell-like rules: whitespace
/// separates; `"..."` and `'...'` quote (backslash escapes `\"`, `\\`, `\n`,
/// `\t` inside double quotes and anywhere outside quotes); `#` at the start of
/// a token begins a comment. What a Chinese input method types is understood
/// too: `“…”` and `‘…’` quote, and `，` outside quotes is a comma. An unquoted
/// `~` or `~/…` starting a token (or following `=` in `--option=~/…`) is the
/// home folder, as in a shell.
public enum LineTokenizer {
    /// Opening quote characters and the character that closes each.
    private static let quotePairs: [Character: Character] = ["\"": "\"", "'": "'", "“": "”", "‘": "’"]

    /// The tokens of `line`, or an error naming the column of an unclosed quote.
    public static func tokenize(_ line: String) throws -> [String] {
        var tokens: [String] = []
        var current = ""
        var inToken = false
        var quote: Character? = nil
        var quoteColumn = 0
        var escaping = false
        var tilde = false
        func finish() {
            if tilde { current = expandTilde(current) }
            tokens.append(current)
            current = ""
            inToken = false
            tilde = false
        }
        for (column, character) in line.enumerated() {
            if escaping {
                current.append(unescape(character, inDoubleQuotes: quote == "\""))
                escaping = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaping = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case _ where quotePairs[character] != nil:
                quote = quotePairs[character]
                quoteColumn = column + 1
                inToken = true
            case "\\":
                escaping = true
                inToken = true
            case "#" where !inToken:
                return tokens
            case _ where character.isWhitespace:
                if inToken { finish() }
            case "，":
                current.append(",")
                inToken = true
            default:
                if character == "~", !inToken || current.hasPrefix("--") && current.last == "=" { tilde = true }
                current.append(character)
                inToken = true
            }
        }
        if let open = quote {
            throw OpsError(Strings.unclosedQuote(open, column: quoteColumn), hint: Strings.unclosedQuoteHint)
        }
        if escaping { current.append("\\") }
        if inToken { finish() }
        return tokens
    }

    /// `~/x` or `--option=~/x` with the home folder put in; anything else unchanged.
    private static func expandTilde(_ token: String) -> String {
        if token == "~" || token.hasPrefix("~/") { return FilePath.expandingTilde(token) }
        if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
            let value = String(token[token.index(after: equals)...])
            if value == "~" || value.hasPrefix("~/") { return token[...equals] + FilePath.expandingTilde(value) }
        }
        return token
    }

    /// Whether a physical line continues on the next one (it ends in an unescaped `\`).
    public static func continues(_ line: String) -> Bool {
        var trailing = 0
        for character in line.reversed() {
            if character == "\\" { trailing += 1 } else { break }
        }
        return trailing % 2 == 1
    }

    /// Quotes a token so that ``tokenize(_:)`` gives it back unchanged.
    public static func quote(_ token: String) -> String {
        if !token.isEmpty, token.first != "~", !token.contains(where: { $0.isWhitespace || "\"'\\#$“‘，".contains($0) }) {
            return token
        }
        var quoted = "\""
        for character in token {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }

    private static func unescape(_ character: Character, inDoubleQuotes: Bool) -> Character {
        guard inDoubleQuotes else { return character }
        switch character {
        case "n": return "\n"
        case "t": return "\t"
        default: return character
        }
    }
}
