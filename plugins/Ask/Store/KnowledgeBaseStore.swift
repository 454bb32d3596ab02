import OpsKit

/// A knowledge base as a workspace dataset, so it survives restarts and can be
/// inspected with `show` and `sql`.
///
/// Columns `kind, question, answer, intent`; rows of kind `setting` hold
/// `k1`, `b` and `threshold` (name in `question`, value in `answer`), rows of
/// kind `synonyms` one group (`快递 = 物流 = 配送`) in `question`, rows of kind
/// `faq` the entries. The BM25 index is rebuilt from these rows on load
/// (tokenising is fast) and cached while the dataset is unchanged.
enum KnowledgeBaseStore {
    static let kindColumn = "kind"
    static let columnNames = [kindColumn, "question", "answer", "intent"]

    static func dataset(_ kb: KnowledgeBase) throws -> Dataset {
        var kind: [String] = [], question: [String] = [], answer: [String] = [], intent: [String?] = []
        func add(_ k: String, _ q: String, _ a: String, _ i: String?) {
            kind.append(k); question.append(q); answer.append(a); intent.append(i)
        }
        add(Kind.setting, "k1", ValueFormat.double(kb.parameters.k1), nil)
        add(Kind.setting, "b", ValueFormat.double(kb.parameters.b), nil)
        add(Kind.setting, "threshold", ValueFormat.double(kb.threshold), nil)
        for group in kb.synonyms.groups { add(Kind.synonyms, group.joined(separator: " = "), "", nil) }
        for entry in kb.entries { add(Kind.faq, entry.question, entry.answer, entry.intent) }
        return try Dataset(columns: [
            Column(name: columnNames[0], strings: kind), Column(name: columnNames[1], strings: question),
            Column(name: columnNames[2], strings: answer), Column(name: columnNames[3], strings: intent),
        ])
    }

    /// The knowledge base stored as `name`, rebuilt (or taken from the cache).
    static func load(_ name: String, from context: CommandContext) throws -> KnowledgeBase {
        let dataset = try context.dataset(name)
        return try cache.value(for: name, dataset: dataset) { try knowledgeBase(from: dataset, name: name) }
    }

    static func knowledgeBase(from dataset: Dataset, name: String) throws -> KnowledgeBase {
        guard dataset.columnNames == columnNames else { throw OpsError(AskText.notAKnowledgeBase(name), hint: AskText.kbHint) }
        let kind = dataset.columns[0].stringValues(), question = dataset.columns[1].stringValues()
        let answer = dataset.columns[2].stringValues(), intent = dataset.columns[3].stringValues()
        var parameters = BM25Parameters(), threshold = KnowledgeBase.defaultThreshold
        var groups: [[String]] = [], entries: [FAQEntry] = []
        for row in 0..<dataset.rowCount {
            switch kind[row] ?? "" {
            case Kind.setting:
                let value = Double(answer[row] ?? "") ?? .nan
                guard value.isFinite else { throw OpsError(AskText.badStoredSetting(name, question[row] ?? "")) }
                switch question[row] ?? "" {
                case "k1": parameters.k1 = value
                case "b": parameters.b = value
                case "threshold": threshold = value
                default: throw OpsError(AskText.badStoredSetting(name, question[row] ?? ""))
                }
            case Kind.synonyms:
                groups.append((question[row] ?? "").split(separator: "=").map { $0.trimmingWhitespace() })
            case Kind.faq:
                entries.append(FAQEntry(question: question[row] ?? "", answer: answer[row] ?? "", intent: intent[row]))
            default:
                throw OpsError(AskText.notAKnowledgeBase(name), hint: AskText.kbHint)
            }
        }
        return KnowledgeBase(
            entries: entries, synonyms: SynonymTable(groups: groups), parameters: parameters, threshold: threshold)
    }

    enum Kind {
        static let setting = "setting", synonyms = "synonyms", faq = "faq"
    }

    private static let cache = DatasetCache<KnowledgeBase>()
}
