/// What the assistant remembers between turns of a chat.
struct DialogState: Sendable {
    var turn = 0
    /// The topic so far: the last standalone question plus its follow-ups.
    var topic: String?
    var lastIntent: String?
    var lastKind: Reply.Kind?
    /// Order ids mentioned, oldest first, and the one being talked about.
    var orders: [Int64] = []
    var activeOrder: Int64?
    var products: [String] = []
    var activeProduct: String?

    /// Remembers an entity once, most recent last; returns it.
    @discardableResult
    mutating func mention(order id: Int64) -> Int64 {
        orders.removeAll { $0 == id }
        orders.append(id)
        activeOrder = id
        return id
    }

    mutating func mention(product name: String) {
        products.removeAll { $0 == name }
        products.append(name)
        activeProduct = name
    }
}

/// Recognises follow-up questions ("那运费呢?", "and the other one?").
enum FollowUp {
    private static let prefixes = ["那", "那么", "还有", "另外", "再问", "and ", "and,", "what about", "how about", "also "]
    private static let suffixes = ["呢"]
    private static let pronouns = ["它", "这个", "那个", " it", "that one", "this one"]
    private static let otherMarkers = ["另一个", "另外一个", "另一单", "其他那个", "the other", "other one"]
    private static let orderMarkers = [
        "发货", "到哪", "物流", "状态", "签收", "快递", "到了吗", "什么时候到", "ship", "status", "where", "when", "arrive", "deliver",
    ]

    /// Whether `text` continues the previous turn rather than starting a topic.
    static func isFollowUp(_ text: String) -> Bool {
        let lowered = normalized(text)
        if prefixes.contains(where: lowered.hasPrefix) || suffixes.contains(where: lowered.hasSuffix) { return true }
        if refersToOther(text) { return true }
        let short = lowered.count <= 12 || lowered.split(separator: " ").count <= 5
        return short && pronouns.contains(where: (" " + lowered).contains)
    }

    /// Whether `text` asks about the other of two things mentioned before.
    static func refersToOther(_ text: String) -> Bool { otherMarkers.contains(where: normalized(text).contains) }

    /// Whether a follow-up is still about the order being discussed.
    static func asksAboutOrder(_ text: String) -> Bool {
        refersToOther(text) || orderMarkers.contains(where: normalized(text).contains)
    }

    /// Lower-cased, trimmed, without trailing punctuation.
    private static func normalized(_ text: String) -> String {
        var s = Substring(text.lowercased().trimmingWhitespace())
        while let last = s.last, last.isPunctuation || last.isWhitespace || last.isSymbol { s.removeLast() }
        return String(s)
    }
}
