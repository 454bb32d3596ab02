import ArgumentParser
import Foundation
import OpsKit

/// `ask terms "question"`: how a question is read — folded text, Chinese words, index terms.
struct TermsCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: AskText.termsAbstract.encoded, discussion: AskText.termsDiscussion.encoded)
    static let examples = [
        "ask terms \"我一米七穿多大码\"",
        "ask terms \"運廢怎麼算\" --kb ask_kb",
        "ask terms --file examples/faq.csv --timings",
    ]

    @Argument(help: ArgumentHelp(AskText.questionHelp))
    var question: String?

    @Option(help: ArgumentHelp(AskText.termsKBHelp), completion: Completion.dataset)
    var kb: String?

    @Option(help: ArgumentHelp(AskText.termsFileHelp), completion: Completion.file)
    var file: String?

    @Flag(help: ArgumentHelp(AskText.termsTimingsHelp))
    var timings = false

    init() {}

    mutating func run(in context: CommandContext) throws {
        if let file { return try segment(file: file, context: context) }
        let text = try QueryCommand.validated(question ?? "", context: context)
        let base = try kb.map { try KnowledgeBaseStore.load($0, from: context) }
        let analyzer = base?.analyzer ?? TextAnalyzer(synonyms: Lexicon.table(builtIn: true, user: []))
        let folded = TextNormalizer.shared.normalize(String(text.prefix(Assistant.maxQuestionLength)))
        let repaired = base?.corrector.correct(folded) ?? folded
        context.print(AskText.foldedLine(folded))
        if repaired != folded { context.print(AskText.repairedLine(repaired)) }
        let rewritten = analyzer.synonyms.normalize(repaired)
        context.print(AskText.rewrittenLine(rewritten))
        context.print(AskText.wordsLine(ChineseSegmenter.shared.words(rewritten).joined(separator: " / ")))
        let views = analyzer.queryViews(text, corrector: base?.corrector)
        context.print(AskText.termsLine(views.canonical.joined(separator: " ")))
        if views.literal != views.canonical { context.print(AskText.literalTermsLine(views.literal.joined(separator: " "))) }
    }

    private func segment(file: String, context: CommandContext) throws {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw OpsError(AskText.unreadableFile(file), hint: AskText.utf8Hint)
        }
        let start = clock()
        var words = 0
        for (n, line) in text.split(separator: "\n").enumerated() {
            if n % 4096 == 0 { try context.checkCancellation() }
            words += ChineseSegmenter.shared.words(String(line)).count
        }
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)  // processor time: fair on a busy machine
        context.print(AskText.segmentedFile(file, words: words, bytes: data.count))
        if timings { context.print(AskText.segmentTiming(seconds: seconds, bytes: data.count)) }
    }
}
