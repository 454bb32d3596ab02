import OpsKit

/// Reasons for user recommendations: "because you bought X" for the models
/// (with the shared phrases for content), "you bought it N times" for repeat
/// purchases, popularity otherwise.
struct RecommendationExplainer {
    let recommender: Recommender
    let method: Method
    let log: InteractionLog
    let content: ContentIndex?
    let labels: ReasonLabels

    func reasons(_ recs: [Recommendation], context: CommandContext) throws -> [String] {
        let model = try recommender.model(method, context: context)
        let train = recommender.train
        return try recs.map { rec in
            try context.checkCancellation()
            let buyers = recommender.popularity.buyers[Int(rec.item)]
            switch rec.origin {
            case .coldStart: return labels.coldStart(buyers)
            case .popular: return labels.popular(buyers)
            case .repeatPurchase:
                return labels.boughtAgain(Int(recommender.purchases.value(row: Int(rec.user), column: rec.item)))
            case .model:
                guard let model, let source = model.strongestSource(user: Int(rec.user), item: rec.item, train: train)
                else { return labels.popular(buyers) }
                return labels.boughtBecause(log.items.ids[Int(source)], shared: sharedPhrases(source, rec.item))
            }
        }
    }

    /// Shared phrases of two items' texts, for the content method.
    private func sharedPhrases(_ a: Int32, _ b: Int32) -> [String] {
        guard method == .content, let content,
            let i = content.ids.lookup(log.items.ids[Int(a)]), let j = content.ids.lookup(log.items.ids[Int(b)])
        else { return [] }
        let runs = PhraseRuns(content.texts[Int(j)], vectorizer: content.vectorizer)
        return SharedTerms.phrases(runs, item: Int(j), of: content.vectors, query: content.vectors, queryRow: Int(i), limit: 2)
    }
}
