/// The assistant's answer to one question, with what it was based on.
struct Reply: Sendable {
    enum Kind: String, Sendable {
        /// An answer from the knowledge base.
        case faq
        /// An order's status from the orders dataset.
        case order
        /// An intent only (a model without a knowledge base).
        case intent
        /// Not sure: transferred to a human.
        case handoff
    }

    struct Alternative: Sendable {
        let entry: Int
        let confidence: Double
    }

    var kind: Kind
    var text: String
    var confidence: Double
    var intent: String?
    /// The FAQ entry answered from (index into the knowledge base).
    var entry: Int?
    var alternatives: [Alternative] = []
    var reason: String?
    /// Recognised entities for display (phone numbers masked).
    var entities: [String] = []
    var isFollowUp = false
}

/// One scored reading of a question: an FAQ entry and/or an intent.
struct Candidate: Sendable {
    let entry: Int?
    let intent: String?
    /// Ordering key: BM25 score with a knowledge base only, else the confidence.
    let rank: Double
    let confidence: Double
}
