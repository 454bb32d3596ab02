import ArgumentParser
import OpsKit

/// `ask query "question"` (also `ask "question"`): one question, one explained answer.
struct QueryCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: AskText.queryAbstract.encoded, discussion: AskText.queryDiscussion.encoded)
    static let examples = [
        "ask \"退货要多久?\"",
        "ask query \"where is my order 10023?\" --kb ask_kb --model ask_intents",
        "ask \"运费怎么算\" --kb ask_kb --threshold 0.4",
    ]

    @Argument(help: ArgumentHelp(AskText.questionHelp))
    var question: String

    @OptionGroup var source: AssistantOptions

    init() {}

    mutating func run(in context: CommandContext) throws {
        let text = try Self.validated(question, context: context)
        var log = try HandoffLog(from: context)
        let (assistant, _) = try source.assistant(in: context)
        var state = DialogState()
        let reply = assistant.reply(to: text, state: &state)
        for line in ReplyFormatter(kb: assistant.kb).details(reply) { context.print(line) }
        if reply.kind == .handoff {
            log.record(source: Self.name, turn: 1, question: text, reply: reply)
            try log.store(in: context)
            context.print(AskText.recordedHandoff(1))
        }
    }

    /// The trimmed question; throws when empty, warns when cut.
    static func validated(_ question: String, context: CommandContext) throws -> String {
        let text = question.trimmingWhitespace()
        guard !text.isEmpty else { throw OpsError(AskText.emptyQuestion, hint: AskText.emptyQuestionHint) }
        if text.count > Assistant.maxQuestionLength { context.warn(AskText.longQuestion(text.count)) }
        return text
    }
}
