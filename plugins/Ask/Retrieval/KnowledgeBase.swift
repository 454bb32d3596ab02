import Foundation

/// One FAQ entry: a question, its answer and (optionally) its intent.
struct FAQEntry: Sendable, Equatable {
    let question: String
    let answer: String
    let intent: String?
}

/// A retrieved FAQ entry with its BM25 score and the share of the question's
/// term weight (idf) that the entry matched: the retrieval confidence.
struct FAQMatch: Sendable, Equatable {
    let entry: Int
    let score: Double
    let coverage: Double
}

/// FAQ entries, their settings and the BM25 index over their questions.
struct KnowledgeBase: Sendable {
    /// Default hand-off threshold on the matched share when none was tuned.
    static let defaultThreshold = 0.15

    let entries: [FAQEntry]
    let parameters: BM25Parameters
    let threshold: Double
    let analyzer: TextAnalyzer
    let index: BM25Index

    init(entries: [FAQEntry], synonyms: SynonymTable, parameters: BM25Parameters, threshold: Double) {
        self.entries = entries
        self.parameters = parameters
        self.threshold = threshold
        analyzer = TextAnalyzer(synonyms: synonyms)
        index = BM25Index(documents: analyzer.terms(of: entries.map(\.question)), parameters: parameters)
    }

    var synonyms: SynonymTable { analyzer.synonyms }

    /// The best entries for a question; `context` (earlier turns of a chat)
    /// adds its terms at half weight to rank the entries that match the question itself.
    func retrieve(_ question: String, context: String? = nil, limit: Int = 3) -> [FAQMatch] {
        let questionTerms = analyzer.terms(question)
        var query = index.queryTerms(questionTerms)
        if let context {
            let own = Set(query.map(\.term))
            query += index.queryTerms(analyzer.terms(context), weight: 0.5).filter { !own.contains($0.term) }
        }
        let unique = Set(questionTerms)
        var total = 0.0
        for term in unique { total += index.termIndex[term].map { index.idf[Int($0)] } ?? index.unseenIDF }
        let hits = index.search(query, limit: context == nil ? limit : limit * 8)
        let matches = hits.map { hit in
            var matched = 0.0
            for (term, weight) in query where weight == 1 && index.contains(term: term, document: hit.document) {
                matched += index.idf[Int(term)]
            }
            return FAQMatch(entry: hit.document, score: hit.score, coverage: total > 0 ? matched / total : 0)
        }
        return Array(matches.filter { $0.coverage > 0 }.prefix(limit))
    }
}

extension KnowledgeBase {
    /// The same knowledge base with another hand-off threshold (the index is rebuilt).
    func with(threshold: Double) -> KnowledgeBase {
        KnowledgeBase(entries: entries, synonyms: synonyms, parameters: parameters, threshold: threshold)
    }
}
