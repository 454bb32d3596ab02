import ArgumentParser
import OpsKit

/// `ask chat`: a multi-turn sub-prompt.
struct ChatCommand: SubPromptCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: AskText.chatAbstract.encoded, discussion: AskText.chatDiscussion.encoded)
    static let examples = [
        "ask chat --kb ask_kb --model ask_intents --as ask_chat",
    ]
    static let prompt = "ask> "
    static let exitCommand = "/exit"
    static var endOfInput: String { exitCommand }
    static let resetCommand = "/reset"

    @OptionGroup var source: AssistantOptions
    @OptionGroup var result: ResultNameOption

    init() {}

    mutating func run(in context: CommandContext) throws {
        var handoffs = try HandoffLog(from: context)
        let (assistant, _) = try source.assistant(in: context)
        let formatter = ReplyFormatter(kb: assistant.kb)
        var transcript = ChatTranscript()
        var state = DialogState()
        context.print(AskText.chatWelcome)
        while let line = context.readLine(prompt: Self.prompt) {
            try context.checkCancellation()
            let text = line.trimmingWhitespace()
            if text == Self.exitCommand { break }
            if text.isEmpty { continue }
            if text == Self.resetCommand {
                state = DialogState()
                context.print(AskText.chatReset)
                continue
            }
            if !context.style.isTerminal { context.print(Self.prompt + Entities.masked(text)) }
            if text.count > Assistant.maxQuestionLength { context.warn(AskText.longQuestion(text.count)) }
            let reply = assistant.reply(to: text, state: &state)
            for output in formatter.turn(reply) { context.print(output) }
            transcript.record(turn: state.turn, question: text, reply: reply)
            if reply.kind == .handoff { handoffs.record(source: Self.name, turn: state.turn, question: text, reply: reply) }
        }
        guard !transcript.isEmpty else { return context.print(AskText.chatEmpty) }
        try transcript.store(as: result.name(or: AskDefaults.chatLog), in: context)
        if !handoffs.isEmpty { try handoffs.store(in: context) }
        context.print(AskText.chatSummary(turns: transcript.count, handoffs: transcript.handoffCount, log: result.name(or: AskDefaults.chatLog)))
    }
}

/// The turns of one chat, as a dataset (phone numbers masked).
struct ChatTranscript {
    private var turn: [Int64] = [], question: [String] = [], answer: [String] = [], kind: [String] = []
    private var intent: [String?] = [], confidence: [Double] = []

    var isEmpty: Bool { turn.isEmpty }
    var count: Int { turn.count }
    var handoffCount: Int { kind.filter { $0 == Reply.Kind.handoff.rawValue }.count }

    mutating func record(turn: Int, question: String, reply: Reply) {
        self.turn.append(Int64(turn))
        self.question.append(Entities.masked(question))
        answer.append(Entities.masked(reply.text))
        kind.append(reply.kind.rawValue)
        intent.append(reply.intent)
        confidence.append(reply.confidence)
    }

    func store(as name: String, in context: CommandContext) throws {
        try context.store(
            Dataset(columns: [
                Column(name: "turn", integers: turn), Column(name: "question", strings: question),
                Column(name: "answer", strings: answer), Column(name: "kind", strings: kind),
                Column(name: "intent", strings: intent), Column(name: "confidence", doubles: confidence),
            ]), as: name)
    }
}
