import OpsKit

/// Questions handed to a human, appended to the `handoffs` dataset
/// (phone numbers masked).
struct HandoffLog {
    static let datasetName = "handoffs"
    static let columnNames = ["source", "turn", "question", "reason", "confidence", "intent"]

    private var source: [String] = [], turn: [Int64] = [], question: [String] = [], reason: [String] = []
    private var confidence: [Double] = [], intent: [String?] = []

    var isEmpty: Bool { question.isEmpty }

    /// Starts from the workspace's `handoffs` dataset, if any; throws when a
    /// dataset of that name is not a hand-off log.
    init(from context: CommandContext) throws {
        guard context.hasDataset(Self.datasetName) else { return }
        let existing = try context.dataset(Self.datasetName)
        guard existing.columnNames == Self.columnNames, case .strings(let s) = existing.columns[0].values,
            case .integers(let t) = existing.columns[1].values, case .strings(let q) = existing.columns[2].values,
            case .strings(let r) = existing.columns[3].values, case .doubles(let c) = existing.columns[4].values
        else { throw OpsError(AskText.notAHandoffLog, hint: AskText.handoffLogHint) }
        (source, turn, question, reason, confidence) = (s, t, q, r, c)
        intent = existing.columns[5].stringValues()
    }

    mutating func record(source: String, turn: Int, question: String, reply: Reply) {
        self.source.append(source)
        self.turn.append(Int64(turn))
        self.question.append(Entities.masked(question))
        reason.append(reply.reason ?? "")
        confidence.append(reply.confidence)
        intent.append(reply.intent)
    }

    func store(in context: CommandContext) throws {
        try context.store(
            Dataset(columns: [
                Column(name: "source", strings: source), Column(name: "turn", integers: turn),
                Column(name: "question", strings: question), Column(name: "reason", strings: reason),
                Column(name: "confidence", doubles: confidence), Column(name: "intent", strings: intent),
            ]), as: Self.datasetName)
    }
}
