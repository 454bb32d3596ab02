import OpsKit

/// A knowledge base as a workspace dataset, so it survives restarts and can be
/// inspected with `show` and `sql`.
///
/// Columns `kind, question, answer, intent, keywords, paraphrases`; rows of
/// kind `setting` hold `k1`, `b`, `handoff` (the threshold) and `lexicon` (1: the built-in
/// lexicon is in force; name in `question`, value in `answer`), rows of kind
/// `synonyms` one user group (`快递 = 物流 = 配送`) in `question`, rows of kind
/// `faq` the entries. Knowledge bases stored before keywords and paraphrases
/// existed (four columns, no `lexicon` setting) still load. The BM25 index is rebuilt from these rows on load
/// (tokenising is fast) and cached while the dataset is unchanged.
enum KnowledgeBaseStore {
    static let kindColumn = "kind"
    static let columnNames = [kindColumn, "question", "answer", "intent", "keywords", "paraphrases"]

    static func dataset(_ kb: KnowledgeBase) throws -> Dataset {
        var kind: [String] = [], question: [String] = [], answer: [String] = [], intent: [String?] = []
        var keywords: [String?] = [], paraphrases: [String?] = []
        func add(_ k: String, _ q: String, _ a: String, _ i: String?, _ w: String? = nil, _ p: String? = nil) {
            kind.append(k); question.append(q); answer.append(a); intent.append(i); keywords.append(w); paraphrases.append(p)
        }
        add(Kind.setting, "k1", ValueFormat.double(kb.parameters.k1), nil)
        add(Kind.setting, "b", ValueFormat.double(kb.parameters.b), nil)
        add(Kind.setting, Setting.handoff, ValueFormat.double(kb.threshold), nil)
        add(Kind.setting, "lexicon", kb.usesLexicon ? "1" : "0", nil)
        for group in kb.userSynonyms { add(Kind.synonyms, group.joined(separator: " = "), "", nil) }
        for entry in kb.entries { add(Kind.faq, entry.question, entry.answer, entry.intent, entry.keywords, entry.paraphrases) }
        return try Dataset(columns: [
            Column(name: columnNames[0], strings: kind), Column(name: columnNames[1], strings: question),
            Column(name: columnNames[2], strings: answer), Column(name: columnNames[3], strings: intent),
            Column(name: columnNames[4], strings: keywords), Column(name: columnNames[5], strings: paraphrases),
        ])
    }

    /// The knowledge base stored as `name`, rebuilt (or taken from the cache).
    static func load(_ name: String, from context: CommandContext) throws -> KnowledgeBase {
        let dataset = try context.dataset(name)
        return try cache.value(for: name, dataset: dataset) { try knowledgeBase(from: dataset, name: name) }
    }

    static func knowledgeBase(from dataset: Dataset, name: String) throws -> KnowledgeBase {
        let current = dataset.columnNames == columnNames
        guard current || dataset.columnNames == Array(columnNames.prefix(4)) else {
            throw OpsError(AskText.notAKnowledgeBase(name), hint: AskText.kbHint)
        }
        let kind = dataset.columns[0].stringValues(), question = dataset.columns[1].stringValues()
        let answer = dataset.columns[2].stringValues(), intent = dataset.columns[3].stringValues()
        let keywords = current ? dataset.columns[4].stringValues() : [], paraphrases = current ? dataset.columns[5].stringValues() : []
        var parameters = BM25Parameters(), threshold = KnowledgeBase.defaultThreshold, lexicon = false
        var groups: [[String]] = [], entries: [FAQEntry] = []
        for row in 0..<dataset.rowCount {
            switch kind[row] ?? "" {
            case Kind.setting:
                let value = Double(answer[row] ?? "") ?? .nan
                guard value.isFinite else { throw OpsError(AskText.badStoredSetting(name, question[row] ?? "")) }
                switch question[row] ?? "" {
                case "k1": parameters.k1 = value
                case "b": parameters.b = value
                case Setting.handoff: threshold = value
                case Setting.coverageThreshold: threshold = RetrievalConfidence.threshold(fromCoverage: value)
                case "lexicon": lexicon = value != 0
                default: throw OpsError(AskText.badStoredSetting(name, question[row] ?? ""))
                }
            case Kind.synonyms:
                groups.append((question[row] ?? "").split(separator: "=").map { $0.trimmingWhitespace() })
            case Kind.faq:
                entries.append(FAQEntry(
                    question: question[row] ?? "", answer: answer[row] ?? "", intent: intent[row],
                    keywords: current ? keywords[row] : nil, paraphrases: current ? paraphrases[row] : nil))
            default:
                throw OpsError(AskText.notAKnowledgeBase(name), hint: AskText.kbHint)
            }
        }
        return KnowledgeBase(
            entries: entries, userSynonyms: groups, usesLexicon: lexicon, parameters: parameters, threshold: threshold)
    }

    /// `handoff`: the threshold on the calibrated confidence; `threshold`, in
    /// knowledge bases stored before, was one on the coverage and is converted.
    enum Setting {
        static let handoff = "handoff", coverageThreshold = "threshold"
    }

    enum Kind {
        static let setting = "setting", synonyms = "synonyms", faq = "faq"
    }

    private static let cache = DatasetCache<KnowledgeBase>()
}
