import ArgumentParser
import Foundation
import OpsKit

/// `ask kb FAQ --question COL --answer COL`: builds the retrieval index.
struct KBCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Build a knowledge base: a BM25F index over FAQ questions, answers and extra columns, with synonyms.",
        discussion: """
            Every field is searched with its own weight (BM25F): the question, the answer and the \
            optional --keywords and --paraphrases columns. Text is folded (full-width, traditional \
            characters, Chinese numbers), synonyms are rewritten (the built-in e-commerce lexicon plus \
            a --synonyms file with one group per line: 快递 = 物流 = 配送), then tokenised as Latin words, \
            CJK characters, character pairs and Chinese words. Rows with a missing or empty question or \
            answer are skipped and counted. The result is a dataset (settings, user synonym groups and \
            FAQ rows) from which the index is rebuilt when a question is asked.
            """)
    static let examples = [
        "ask kb faq --question question --answer answer --intent intent --as ask_kb",
        "ask kb faq --question question --answer answer --synonyms examples/ask_synonyms.txt --k1 1.2 --b 0.75",
        "ask kb faq --question question --answer answer --keywords tags --paraphrases similar --as ask_kb",
    ]

    @Argument(help: "FAQ dataset.", completion: Completion.dataset)
    var faq: String

    @Option(help: "Column of questions.", completion: Completion.columns)
    var question: String

    @Option(help: "Column of answers.", completion: Completion.columns)
    var answer: String

    @Option(help: "Column of intents (optional; used by evaluate and with a model).", completion: Completion.columns)
    var intent: String?

    @Option(help: "Column of keywords searched with the question (optional).", completion: Completion.columns)
    var keywords: String?

    @Option(help: "Column of other wordings of the question (optional).", completion: Completion.columns)
    var paraphrases: String?

    @Option(help: "Synonyms file added to the built-in lexicon: one group per line, `快递 = 物流 = 配送`.", completion: Completion.file)
    var synonyms: String?

    @Flag(name: .customLong("no-lexicon"), help: "Leave out the built-in e-commerce lexicon (only --synonyms apply).")
    var noLexicon = false

    @Option(help: "BM25 term-frequency saturation k1 (≥ 0).")
    var k1 = NonNegativeDouble(BM25Parameters().k1)

    @Option(help: "BM25 length normalisation b (0…1).")
    var b = Fraction(BM25Parameters().b)

    @Option(help: "Hand-off threshold stored with the knowledge base (0…1; `ask evaluate` tunes it).")
    var threshold = Fraction(KnowledgeBase.defaultThreshold)

    @Flag(help: "Print how long building the index took (for benchmarks; the output is then not stable).")
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
