import OpsKit

/// Prints a reply: the answer, its confidence and where it came from.
struct ReplyFormatter {
    let kb: KnowledgeBase?

    /// The full explanation (`ask query`).
    func details(_ reply: Reply) -> [String] {
        var lines = [AskText.answerLabel + reply.text]
        lines.append(AskText.confidenceLabel + ValueFormat.fixed(reply.confidence, digits: 2))
        if let entry = reply.entry, let kb {
            lines.append(AskText.matchedLabel + AskText.matched(kb.entries[entry].question, row: entry + 1, intent: kb.entries[entry].intent))
        }
        if let intent = reply.intent { lines.append(AskText.intentLabel + intent) }
        if !reply.entities.isEmpty { lines.append(AskText.entitiesLabel + reply.entities.joined(separator: ", ")) }
        if reply.isFollowUp { lines.append(AskText.followUpNote) }
        if let reason = reply.reason { lines.append(AskText.handoffLabel + reason) }
        if !reply.alternatives.isEmpty, let kb {
            lines.append(AskText.alternativesLabel)
            for (i, alternative) in reply.alternatives.enumerated() {
                let entry = kb.entries[alternative.entry]
                lines.append(AskText.alternative(i + 1, question: entry.question, confidence: alternative.confidence, answer: entry.answer))
            }
        }
        return lines
    }

    /// One chat turn: the answer and a bracketed source line.
    func turn(_ reply: Reply) -> [String] {
        var source = [AskText.replyKind(reply.kind)]
        if let intent = reply.intent { source.append(intent) }
        source.append(ValueFormat.fixed(reply.confidence, digits: 2))
        if let entry = reply.entry, reply.kind == .faq, let kb { source.append(kb.entries[entry].question) }
        if !reply.entities.isEmpty { source.append(reply.entities.joined(separator: ", ")) }
        if let reason = reply.reason { source.append(reason) }
        return [AskText.botPrefix + reply.text, "     [" + source.joined(separator: " · ") + "]"]
    }
}
