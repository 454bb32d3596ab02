import ArgumentParser
import OpsKit

/// A recommendation method of `recommend for` and `recommend evaluate`.
enum Method: String, CaseIterable, ExpressibleByArgument {
    case itemknn, rp3beta, ease, content, popular, hybrid
    /// Chosen by a validation split inside the training data (``AutoSelection``).
    case auto

    var needsCatalog: Bool { self == .content || self == .hybrid }
}

/// How a recommended item was chosen (drives its reason).
enum Origin: Equatable {
    /// Scored by the model.
    case model
    /// Popularity (the method, the blend, or filler after the model ran out of scored items).
    case popular
    /// The user has no history: popularity only.
    case coldStart
    /// An item the user already bought, recommended again (`--include-owned`).
    case repeatPurchase
}

/// One recommended item for one user.
struct Recommendation {
    let user: Int32
    let item: Int32
    let rank: Int
    let score: Double
    let origin: Origin
}

/// Model hyper-parameters shared by `for` and `evaluate`.
struct ModelSettings: Equatable {
    var neighbours: Int
    var shrink: Double
    var blend: Double
    var beta: Double
    var lambda: Double
    var popularityBlend: Double
    var includeOwned: Bool
}

/// The recommenders fitted on one training log (users × items). Models are
/// built on first use and kept.
final class Recommender {
    /// Damped user × item values, what the models see.
    let train: SparseMatrix
    /// Purchase rows per user and item (repeat-purchase scores and reasons).
    let purchases: SparseMatrix
    let popularity: Popularity
    var settings: ModelSettings
    /// TF-IDF vectors aligned with the items (for content and hybrid).
    let contentVectors: SparseMatrix?
    private var models: [Method: any ItemScorer] = [:]

    init(
        log: InteractionLog, rows: [Int]? = nil, damping: Damping, settings: ModelSettings, contentVectors: SparseMatrix?
    ) {
        self.train = log.matrix(rows: rows, damping: damping)
        self.purchases = log.matrix(rows: rows, countingRows: true)
        self.popularity = Popularity(train: train, itemIDs: log.items.ids)
        self.settings = settings
        self.contentVectors = contentVectors
    }

    /// The model behind `method` (nil for `popular`).
    func model(_ method: Method, context: CommandContext) throws -> (any ItemScorer)? {
        if let model = models[method] { return model }
        let model: any ItemScorer
        switch method {
        case .popular: return nil
        case .auto: throw Strings.autoNotResolved
        case .itemknn:
            model = try NeighbourModel.itemKNN(
                train: train, k: settings.neighbours, shrink: settings.shrink, context: context)
        case .rp3beta:
            model = try NeighbourModel.rp3beta(train: train, k: settings.neighbours, beta: settings.beta, context: context)
        case .ease:
            model = try EASEModel(train: train, lambda: settings.lambda, context: context)
        case .content:
            guard let contentVectors else { throw Strings.catalogRequired(method.rawValue) }
            model = try NeighbourModel.content(vectors: contentVectors, k: settings.neighbours, context: context)
        case .hybrid:
            let knn = try self.model(.itemknn, context: context) as! NeighbourModel
            let content = try self.model(.content, context: context) as! NeighbourModel
            model = NeighbourModel.blend(knn, content, weight: settings.blend)
        }
        models[method] = model
        return model
    }

    /// The top `k` items for each of `users`, best first: the model's scored
    /// items, then popular items when it has fewer than `k`; users without
    /// history get popular items only. Owned items come back only with `--include-owned`.
    func recommend(_ method: Method, users: [Int], k: Int, context: CommandContext) throws -> [Recommendation] {
        let model = try self.model(method, context: context)
        let lists: [[(item: Int32, score: Double, origin: Origin)]]
        if model == nil && !settings.includeOwned {
            lists = Array(repeating: [], count: users.count)  // popular: the filler below is the ranking
        } else if let neighbours = model as? NeighbourModel, settings.popularityBlend == 0, !settings.includeOwned {
            // Fast path: the sparse product keeps only each user's top k.
            let scored = try neighbours.recommend(train: train, users: users, k: k, context: context)
            lists = users.indices.map { slot in scored.row(slot).map { (item: $0.column, score: $0.score, origin: Origin.model) } }
        } else {
            let ranker = DenseRanker(
                scorer: model, popularity: popularity, popularityBlend: settings.popularityBlend,
                purchases: settings.includeOwned ? purchases : nil)
            lists = try ranker.rank(train: train, users: users, k: k, context: context)
        }
        let userCount = Double(max(1, train.rowCount))
        var out: [Recommendation] = []
        out.reserveCapacity(users.count * k)
        for (slot, user) in users.enumerated() {
            try context.checkCancellation()
            let history = train.range(ofRow: user)
            var chosen = Set<Int32>()
            var rank = 0
            for (item, score, origin) in lists[slot] {
                rank += 1
                chosen.insert(item)
                out.append(Recommendation(user: Int32(user), item: item, rank: rank, score: score, origin: origin))
            }
            guard rank < k else { continue }
            let origin: Origin = history.isEmpty ? .coldStart : .popular
            let excluded = chosen.union(settings.includeOwned ? [] : history.map { train.columns[$0] })
            for item in popularity.top(k - rank, excluding: excluded) {
                rank += 1
                let score = model == nil || history.isEmpty ? Double(popularity.buyers[Int(item)]) / userCount : 0
                out.append(Recommendation(user: Int32(user), item: item, rank: rank, score: score, origin: origin))
            }
        }
        return out
    }
}
