import Foundation
import OpsKit

/// One FAQ entry: a question, its answer, its intent and optional extra text
/// that says the same thing (keywords, paraphrases of the question).
struct FAQEntry: Sendable, Equatable {
    let question: String
    let answer: String
    let intent: String?
    var keywords: String? = nil
    var paraphrases: String? = nil
}

/// A retrieved FAQ entry with its BM25F score, the share of the question's
/// topic (weighted idf) that the entry matched, and the probability that it
/// is the right answer (``RetrievalConfidence``).
struct FAQMatch: Sendable, Equatable {
    let entry: Int
    let score: Double
    let coverage: Double

    var confidence: Double { RetrievalConfidence.probability(coverage: coverage) }
}

/// The fields searched, their BM25F weights and how much a term matched only
/// there counts towards the confidence (an answer shares words with many
/// questions it does not answer, so it counts less).
enum FAQField: Int, CaseIterable {
    case question, answer, keywords, paraphrases

    var weight: Double {
        switch self {
        case .question: 1
        case .answer: 0.35
        case .keywords: 0.8
        case .paraphrases: 0.8
        }
    }

    var coverageShare: Double {
        switch self {
        case .question, .keywords, .paraphrases: 1
        case .answer: 0.5
        }
    }

    func text(of entry: FAQEntry) -> String {
        switch self {
        case .question: entry.question
        case .answer: entry.answer
        case .keywords: entry.keywords ?? ""
        case .paraphrases: entry.paraphrases ?? ""
        }
    }
}

/// FAQ entries, their settings and the BM25F index over all their fields.
struct KnowledgeBase: Sendable {
    /// Default hand-off threshold on the confidence when none was tuned: the
    /// one that maximised accuracy (out-of-scope questions handed off) over
    /// the eight bundled paraphrase sets.
    static let defaultThreshold = 0.35

    let entries: [FAQEntry]
    let parameters: BM25Parameters
    let threshold: Double
    /// Whether the built-in lexicon is in force (besides `userSynonyms`).
    let usesLexicon: Bool
    let userSynonyms: [[String]]
    let analyzer: TextAnalyzer
    let index: BM25Index
    /// Repairs pinyin-input slips towards the index's words and the lexicon's phrases.
    let corrector: TypoCorrector
    private let coverageShareByMask: [Double]
    /// Whether each entry's question is mostly Chinese.
    private let entryIsChinese: [Bool]
    /// Scale of the score of an entry in the other script than the question's.
    static let otherScriptFactor = 0.6
    /// A field's BM25F weight in the literal view (``TermViews``), as a share
    /// of its weight in the canonical one: the bonus for the entry's own spelling.
    static let literalWeight = 0.75

    init(entries: [FAQEntry], userSynonyms: [[String]] = [], usesLexicon: Bool = true, parameters: BM25Parameters, threshold: Double) {
        self.entries = entries
        self.parameters = parameters
        self.threshold = threshold
        self.usesLexicon = usesLexicon
        self.userSynonyms = userSynonyms
        let analyzer = TextAnalyzer(synonyms: Lexicon.table(builtIn: usesLexicon, user: userSynonyms))
        self.analyzer = analyzer
        entryIsChinese = entries.map { TextScript.isMostlyCJK($0.question) }
        let fields = FAQField.allCases
        let perField = fields.map { field in analyzer.views(of: entries.map { field.text(of: $0) }) }
        let documents = entries.indices.map { d in perField.map { $0[d].canonical } + perField.map { $0[d].literal } }
        let weights = fields.map(\.weight)
        index = BM25Index(
            fields: documents, weights: weights + weights.map { $0 * Self.literalWeight }, documentFrequencyWeights: weights + weights,
            parameters: parameters)
        // The index's words (not its character pairs, which would steer 买的 to a stray 卖的) and the lexicon's phrases.
        let words = index.termIndex.keys.filter { ChineseSegmenter.shared.isWord($0.unicodeScalars.map(\.value)[...]) }
        corrector = TypoCorrector(vocabulary: words + Array(analyzer.synonyms.phrases.keys))
        coverageShareByMask = BM25Index.largestPerMask((fields + fields).map(\.coverageShare))
    }

    var synonyms: SynonymTable { analyzer.synonyms }

    /// The best entries for a question; `context` (earlier turns of a chat)
    /// adds its terms at half weight to rank the entries that match the question itself.
    ///
    /// Both views of the question are searched (each term once): a term of
    /// the canonical view matches the entries' canonical fields, and also
    /// their literal ones where the entry wrote that very spelling; a term
    /// only in the literal view (a phrase the lexicon rewrites) matches the
    /// entries that wrote it. The coverage is the better of the two views'.
    func retrieve(_ question: String, context: String? = nil, limit: Int = 3) -> [FAQMatch] {
        let views = analyzer.queryViews(question, corrector: corrector)
        let canonical = WeightedTerms(views.canonical, straddling: views.canonicalStraddling, in: index)
        let literal = views.literal == views.canonical ? canonical : WeightedTerms(views.literal, straddling: views.literalStraddling, in: index)
        // both views' terms, each once with its larger weight
        let own = index.queryTerms(canonical.tokens + literal.tokens, weights: canonical.weights + literal.weights)
        var query = own
        if let context {
            let ownIds = Set(own.map(\.term))
            let contextViews = analyzer.views(context)
            let contextTokens = contextViews.canonical + contextViews.literal
            query += index.queryTerms(contextTokens, weights: TermWeighting.weights(contextTokens)).map { ($0.term, $0.weight / 2) }
                .filter { !ownIds.contains($0.0) }
        }
        // Entries in the question's script first: a Chinese question is best answered by a Chinese entry.
        let chinese = TextScript.isMostlyCJK(question)
        let hits = index.search(query, limit: (context == nil ? limit : limit * 8) + 4).map { hit in
            entryIsChinese[hit.document] == chinese ? hit : ScoredDocument(document: hit.document, score: hit.score * Self.otherScriptFactor)
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        let matches = hits.map { hit in
            let coverage = max(coverage(of: canonical, document: hit.document), coverage(of: literal, document: hit.document))
            return FAQMatch(entry: hit.document, score: hit.score, coverage: coverage)
        }
        return Array(matches.filter { $0.coverage > 0 }.prefix(limit))
    }

    /// The share of a view's weighted idf (templates not at all, unseen terms
    /// with the idf of an unseen term) that `document` matches, each term
    /// counted as its strongest field counts (``FAQField/coverageShare``).
    private func coverage(of view: WeightedTerms, document: Int) -> Double {
        guard view.total > 0 else { return 0 }
        var matched = 0.0
        for (term, weight) in view.terms {
            let mask = index.fields(term: term, document: document)
            if mask != 0 { matched += TermWeighting.coverageWeight(ofWeight: weight) * index.idf[Int(term)] * coverageShareByMask[Int(mask)] }
        }
        return matched / view.total
    }
}

/// A question's terms (one view), their ``TermWeighting`` weights, the
/// ones the index knows, and the confidence's denominator: every distinct term's idf
/// (unseen terms included) weighted as the confidence weighs it.
private struct WeightedTerms {
    let tokens: [String]
    let weights: [Double]
    let terms: [(term: Int32, weight: Double)]
    let total: Double

    init(_ tokens: [String], straddling: Set<String>, in index: BM25Index) {
        let weights = tokens.map { TermWeighting.weight($0, straddling: straddling.contains($0)) }
        self.tokens = tokens
        self.weights = weights
        terms = index.queryTerms(tokens, weights: weights)
        var total = 0.0, seen = Set<String>()
        for (token, weight) in zip(tokens, weights) where seen.insert(token).inserted {
            total += TermWeighting.coverageWeight(ofWeight: weight) * (index.termIndex[token].map { index.idf[Int($0)] } ?? index.unseenIDF)
        }
        self.total = total
    }
}

extension KnowledgeBase {
    /// The same knowledge base with another hand-off threshold (the index is rebuilt).
    func with(threshold: Double) -> KnowledgeBase {
        KnowledgeBase(entries: entries, userSynonyms: userSynonyms, usesLexicon: usesLexicon, parameters: parameters, threshold: threshold)
    }
}
