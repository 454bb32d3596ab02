/// A text in both interface languages, side by side.
///
/// Message catalogues (one `Strings.swift` per module) hold every user-facing
/// sentence as a `Localized` value or as a function returning ``L(_:_:)``;
/// both languages are required, so a missing translation does not compile.
public struct Localized: Hashable, Codable, Sendable, CustomStringConvertible {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`.
    public subscript(_ language: Language) -> String {
        switch language {
        case .en: return en
        case .zh: return zh
        }
    }

    /// The text in the current language.
    public var text: String { self[Language.current] }
    public var description: String { text }

    // MARK: Carrying both languages through a String

    private static let start: Character = "\u{1E}"
    private static let separator: Character = "\u{1F}"

    /// Both languages in one `String`, for declarations that only take a string
    /// (argument-parser's `help:` and `abstract:`). ``init(decoding:)`` reads it
    /// back, and ``resolving(_:in:)`` replaces every such segment inside a longer text.
    public var encoded: String { "\(Self.start)\(en)\(Self.separator)\(zh)\(Self.start)" }

    /// Reads a string made by ``encoded``; a plain string is taken as both languages.
    public init(decoding string: String) {
        let inner = string.first == Self.start && string.last == Self.start && string.count >= 2
            ? string.dropFirst().dropLast() : Substring(string)
        if let index = inner.firstIndex(of: Self.separator) {
            self.init(en: String(inner[..<index]), zh: String(inner[inner.index(after: index)...]))
        } else {
            self.init(en: string, zh: string)
        }
    }

    /// `text` with every ``encoded`` segment replaced by its `language` half.
    public static func resolving(_ text: String, in language: Language = .current) -> String {
        guard text.contains(start) else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: start) {
            result += rest[..<open]
            let body = rest[rest.index(after: open)...]
            guard let close = body.firstIndex(of: start) else { result += body; return result }
            result += Localized(decoding: String(body[..<close]))[language]
            rest = body[body.index(after: close)...]
        }
        return result + rest
    }
}

/// The English or the Chinese text, whichever the interface is in: `L("loaded \(n) rows", "已载入 \(n) 行")`.
@inline(__always)
public func L(_ en: @autoclosure () -> String, _ zh: @autoclosure () -> String) -> String {
    Language.current == .zh ? zh() : en()
}
