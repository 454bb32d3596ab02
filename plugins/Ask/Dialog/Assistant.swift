import OpsKit

/// Answers questions from a knowledge base and/or an intent model, and order
/// questions from an orders dataset; hands off below the threshold.
///
/// Confidence: with a knowledge base only, the calibrated probability that
/// the best entry is right (``RetrievalConfidence``); with a model only, its
/// calibrated probability times the share of the question's words it knows
/// (``IntentFeaturizer/knownShare(_:)``); with both, the mean of the two (the model's probability of
/// the entry's intent), which also ranks the retrieved entries.
struct Assistant: Sendable {
    static let oosLabel = "oos"
    /// The intent of order questions (a label in data, the same in both languages).
    static let orderIntent = "order_status"
    /// Questions are cut to this many characters (the rest is ignored).
    static let maxQuestionLength = 1000
    /// Alternatives are shown when their ranking score is at least this share of the best one.
    static let closeShare = 0.8

    let kb: KnowledgeBase?
    let model: IntentClassifier?
    let threshold: Double
    var orders: OrderBook?
    var catalogue: ProductCatalogue?

    init(kb: KnowledgeBase?, model: IntentClassifier?, threshold: Double? = nil) {
        self.kb = kb
        self.model = model
        self.threshold = threshold ?? Self.defaultThreshold(kb: kb, model: model)
    }

    /// The stored thresholds: the knowledge base's, the model's, or their mean.
    static func defaultThreshold(kb: KnowledgeBase?, model: IntentClassifier?) -> Double {
        switch (kb, model) {
        case (let kb?, let model?): return (kb.threshold + model.threshold) / 2
        case (let kb?, nil): return kb.threshold
        case (nil, let model?): return model.threshold
        default: return 0
        }
    }

    /// Readings of the question, best first. `context` (a chat's topic) adds
    /// its terms to retrieval at half weight and is prefixed for the model.
    func candidates(_ question: String, context: String? = nil, limit: Int = 10) -> [Candidate] {
        let modelText = context.map { $0 + " " + question } ?? question
        let probabilities = model.map { $0.probabilities(modelText) }
        guard let kb else {
            guard let model, let p = probabilities else { return [] }
            let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] > p[$1] : $0 < $1 }
            let known = model.featurizer.knownShare(modelText)
            return order.prefix(limit).map { Candidate(entry: nil, intent: model.labels[$0], rank: p[$0], confidence: p[$0] * known) }
        }
        let matches = kb.retrieve(question, context: context, limit: limit)
        guard let model, let p = probabilities else {
            return matches.map {
                Candidate(entry: $0.entry, intent: kb.entries[$0.entry].intent, rank: $0.score, confidence: $0.confidence)
            }
        }
        let labelIndex = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
        var scored = matches.map { match -> Candidate in
            let intent = kb.entries[match.entry].intent
            let confidence = intent.flatMap { labelIndex[$0] }.map { (match.confidence + p[$0]) / 2 } ?? match.confidence / 2
            return Candidate(entry: match.entry, intent: intent, rank: confidence, confidence: confidence)
        }
        let best = p.indices.max { p[$0] < p[$1] || (p[$0] == p[$1] && $0 > $1) }!
        if !scored.contains(where: { $0.intent == model.labels[best] }) {
            scored.append(Candidate(entry: nil, intent: model.labels[best], rank: p[best] / 2, confidence: p[best] / 2))
        }
        return scored.enumerated().sorted { a, b in
            a.element.rank != b.element.rank ? a.element.rank > b.element.rank : a.offset < b.offset
        }.map(\.element)
    }

    /// Intents in order of preference (each once), with the best reading's confidence.
    func rankIntents(_ question: String) -> (ranking: [String], confidence: Double) {
        let found = candidates(question, limit: kb == nil ? (model?.labels.count ?? 0) : 20)
        var seen = Set<String>(), ranking: [String] = []
        for candidate in found { if let intent = candidate.intent, seen.insert(intent).inserted { ranking.append(intent) } }
        return (ranking, found.first?.confidence ?? 0)
    }

    /// Answers one turn, updating the conversation state.
    func reply(to rawQuestion: String, state: inout DialogState) -> Reply {
        // phone numbers masked first: a replayed transcript (masked) gets the same answer as the live turn
        let question = Entities.masked(String(rawQuestion.prefix(Self.maxQuestionLength)))
        let chinese = Self.repliesInChinese(to: question)
        state.turn += 1
        let followUp = state.topic != nil && FollowUp.isFollowUp(question)
        let entities = Entities(in: question)
        var shown = entities.phones.map { phone -> String in
            let masked = Entities.masked(phone)
            return AskText.phoneEntity(masked != phone || phone.contains("*") ? masked : Entities.mask(phone.filter(\.isNumber)))
        }
        for product in catalogue?.mentions(in: question) ?? [] {
            state.mention(product: product)
            shown.append(AskText.productEntity(product))
        }
        if followUp, FollowUp.refersToOther(question), let other = state.products.last(where: { $0 != state.activeProduct }),
            state.lastKind != .order
        {
            state.mention(product: other)
        }
        // Order questions: a known order id, or a follow-up about the order in discussion.
        let known = entities.numbers.filter { orders?.order($0) != nil }
        for id in known.reversed() { state.mention(order: id) }  // the first named is answered, the rest remembered
        var orderId = known.first
        if orderId == nil, followUp, state.lastKind == .order, FollowUp.asksAboutOrder(question) {
            if FollowUp.refersToOther(question), let other = state.orders.last(where: { $0 != state.activeOrder }) {
                orderId = state.mention(order: other)
            } else {
                orderId = state.activeOrder
            }
        }
        var reply: Reply
        if let orderId, let order = orders?.order(orderId) {
            shown.append(AskText.orderEntity(orderId))
            reply = Reply(kind: .order, text: AskText.orderAnswer(order, chinese: chinese), confidence: 1, intent: Self.orderIntent)
        } else if let unknown = entities.numbers.first, AskText.mentionsOrder(question) {
            shown.append(AskText.orderEntity(unknown))
            reply = handoff(chinese, reason: orders == nil ? AskText.reasonNoOrders : AskText.reasonUnknownOrder(unknown), confidence: 0, intent: Self.orderIntent)
        } else {
            let context = followUp ? [state.topic, state.activeProduct].compactMap { $0 }.joined(separator: " ") : nil
            reply = answer(question, context: context, chinese: chinese)
        }
        reply.entities = shown
        reply.isFollowUp = followUp
        state.topic = followUp ? [state.topic, question].compactMap { $0 }.joined(separator: " ").suffix(Self.maxQuestionLength).description : question
        if reply.kind != .handoff || reply.intent != nil { state.lastIntent = reply.intent ?? state.lastIntent }
        state.lastKind = reply.kind
        return reply
    }

    private func answer(_ question: String, context: String?, chinese: Bool) -> Reply {
        let found = candidates(question, context: context)
        guard let best = found.first else {
            return handoff(chinese, reason: AskText.reasonNoMatch, confidence: 0, intent: nil)
        }
        if best.intent == Self.oosLabel, kb == nil || best.entry == nil {
            return handoff(chinese, reason: AskText.reasonOutOfScope, confidence: best.confidence, intent: best.intent)
        }
        if best.confidence < threshold {
            return handoff(chinese, reason: AskText.reasonLowConfidence(best.confidence, threshold), confidence: best.confidence, intent: best.intent, entry: best.entry)
        }
        guard let entry = best.entry, let kb else {
            return Reply(kind: .intent, text: AskText.intentOnly(best.intent ?? "", chinese: chinese), confidence: best.confidence, intent: best.intent)
        }
        var answers = Set([kb.entries[entry].answer])
        let alternatives = found.dropFirst().filter { candidate in
            guard let e = candidate.entry, candidate.rank >= Self.closeShare * best.rank else { return false }
            return answers.insert(kb.entries[e].answer).inserted
        }.prefix(2).map { Reply.Alternative(entry: $0.entry!, confidence: $0.confidence) }
        return Reply(kind: .faq, text: kb.entries[entry].answer, confidence: best.confidence, intent: best.intent, entry: entry, alternatives: Array(alternatives))
    }

    /// Replies follow the question's script; a question with no letters at all
    /// (？！, emoji) is answered in the interface's language.
    static func repliesInChinese(to question: String) -> Bool {
        guard question.unicodeScalars.contains(where: { TextScript.isCJK($0) || $0.properties.isAlphabetic }) else {
            return Language.current == .zh
        }
        return TextScript.isMostlyCJK(question)
    }

    private func handoff(_ chinese: Bool, reason: String, confidence: Double, intent: String?, entry: Int? = nil) -> Reply {
        Reply(kind: .handoff, text: AskText.handoffMessage(chinese: chinese), confidence: confidence, intent: intent, entry: entry, reason: reason)
    }
}
