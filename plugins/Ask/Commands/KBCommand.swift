import ArgumentParser
import Foundation
import OpsKit

/// `ask kb FAQ --question COL --answer COL`: builds the retrieval index.
struct KBCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: AskText.kbAbstract.encoded, discussion: AskText.kbDiscussion.encoded)
    static let examples = [
        "ask kb faq --question question --answer answer --intent intent --as ask_kb",
        "ask kb faq --question question --answer answer --synonyms examples/ask_synonyms.txt --k1 1.2 --b 0.75",
        "sql \"SELECT f.question, f.answer, f.intent, group_concat(t.text, ' / ') AS similar FROM faq f JOIN faq_tests t ON t.question = f.question GROUP BY f.question, f.answer, f.intent\" --as faq_similar",
        "ask kb faq_similar --question question --answer answer --intent intent --paraphrases similar --as ask_kb_similar",
    ]

    @Argument(help: ArgumentHelp(AskText.faqHelp), completion: Completion.dataset)
    var faq: String

    @Option(help: ArgumentHelp(AskText.questionColumnHelp), completion: Completion.columns)
    var question: String

    @Option(help: ArgumentHelp(AskText.answerColumnHelp), completion: Completion.columns)
    var answer: String

    @Option(help: ArgumentHelp(AskText.kbIntentColumnHelp), completion: Completion.columns)
    var intent: String?

    @Option(help: ArgumentHelp(AskText.keywordsColumnHelp), completion: Completion.columns)
    var keywords: String?

    @Option(help: ArgumentHelp(AskText.paraphrasesColumnHelp), completion: Completion.columns)
    var paraphrases: String?

    @Option(help: ArgumentHelp(AskText.synonymsFileHelp), completion: Completion.file)
    var synonyms: String?

    @Flag(name: .customLong("no-lexicon"), help: ArgumentHelp(AskText.noLexiconHelp))
    var noLexicon = false

    @Option(help: ArgumentHelp(AskText.k1Help))
    var k1 = NonNegativeDouble(BM25Parameters().k1)

    @Option(help: ArgumentHelp(AskText.bHelp))
    var b = Fraction(BM25Parameters().b)

    @Option(help: ArgumentHelp(AskText.kbThresholdHelp))
    var threshold = Fraction(KnowledgeBase.defaultThreshold)

    @Flag(help: ArgumentHelp(AskText.kbTimingsHelp))
    var timings = false

    @OptionGroup var result: ResultNameOption

    init() {}

    mutating func run(in context: CommandContext) throws {
        let table = try context.dataset(faq)
        let questions = try table.column(question, option: "--question").stringValues()
        let answers = try table.column(answer, option: "--answer").stringValues()
        let intents = try intent.map { try table.column($0, option: "--intent").stringValues() }
        let keywordTexts = try keywords.map { try table.column($0, option: "--keywords").stringValues() }
        let paraphraseTexts = try paraphrases.map { try table.column($0, option: "--paraphrases").stringValues() }
        let synonymTable = try synonyms.map(Self.readSynonyms) ?? .empty
        var entries: [FAQEntry] = [], missingQuestion = 0, missingAnswer = 0
        for row in 0..<table.rowCount {
            let q = questions[row]?.trimmingWhitespace() ?? "", a = answers[row]?.trimmingWhitespace() ?? ""
            if q.isEmpty { missingQuestion += 1; continue }
            if a.isEmpty { missingAnswer += 1; continue }
            let i = intents?[row]?.trimmingWhitespace()
            entries.append(FAQEntry(
                question: q, answer: a, intent: i?.isEmpty == false ? i : nil,
                keywords: keywordTexts?[row].flatMap { $0.isEmpty ? nil : $0 },
                paraphrases: paraphraseTexts?[row].flatMap { $0.isEmpty ? nil : $0 }))
        }
        if missingAnswer > 0 { context.warn(AskText.skippedRows(missingAnswer, AskText.missingAnswer)) }
        if missingQuestion > 0 { context.warn(AskText.skippedRows(missingQuestion, AskText.missingQuestion)) }
        guard !entries.isEmpty else { throw OpsError(AskText.noEntries(faq), hint: AskText.noEntriesHint) }
        let progress = context.progress(AskText.indexing, total: entries.count)
        let start = DispatchTime.now().uptimeNanoseconds
        let kb = KnowledgeBase(
            entries: entries, userSynonyms: synonymTable.groups, usesLexicon: !noLexicon, parameters: BM25Parameters(k1: k1.value, b: b.value),
            threshold: threshold.value)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        progress.finish()
        if timings { context.print(AskText.indexTiming(seconds: seconds, entries: entries.count)) }
        let name = result.name(or: AskDefaults.kb)
        try context.store(KnowledgeBaseStore.dataset(kb), as: name)
        context.print(AskText.kbSummary(
            name: name, entries: entries.count, skipped: missingAnswer + missingQuestion, intents: Set(entries.compactMap(\.intent)).count,
            synonymGroups: kb.synonyms.groups.count, terms: kb.index.termIndex.count, k1: k1.value, b: b.value, threshold: threshold.value))
    }

    static func readSynonyms(_ path: String) throws -> SynonymTable {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw OpsError(AskText.unreadableFile(path), hint: AskText.synonymHint)
        }
        return try SynonymTable(parsing: text, source: path)
    }
}
