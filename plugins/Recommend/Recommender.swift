import ArgumentParser
import OpsKit

/// A recommendation method of `recommend for` and `recommend evaluate`.
enum Method: String, CaseIterable, ExpressibleByArgument {
    case itemknn, content, popular, hybrid

    var needsCatalog: Bool { self == .content || self == .hybrid }
}

/// How a recommended item was chosen (drives its reason).
enum Origin: Equatable {
    /// Scored by the neighbour model.
    case model
    /// Popularity filler after the model ran out of scored items.
    case popular
    /// The user has no history: popularity only.
    case coldStart
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
struct ModelSettings {
    var neighbours: Int
    var shrink: Double
    var blend: Double
}

/// The recommenders fitted on one training matrix (users × items). Neighbour
/// models are built on first use and kept.
final class Recommender {
    let train: SparseMatrix
    let popularity: Popularity
    let settings: ModelSettings
    /// TF-IDF vectors aligned with the items (for content and hybrid).
    let contentVectors: SparseMatrix?
    private var models: [Method: NeighbourModel] = [:]

    init(train: SparseMatrix, itemIDs: [String], settings: ModelSettings, contentVectors: SparseMatrix?) {
        self.train = train
        self.popularity = Popularity(train: train, itemIDs: itemIDs)
        self.settings = settings
        self.contentVectors = contentVectors
    }

    /// The neighbour model behind `method` (nil for `popular`).
    func model(_ method: Method, context: CommandContext) throws -> NeighbourModel? {
        if let model = models[method] { return model }
        let model: NeighbourModel
        switch method {
        case .popular: return nil
        case .itemknn:
            model = try .itemKNN(train: train, k: settings.neighbours, shrink: settings.shrink, context: context)
        case .content:
            guard let contentVectors else { throw Strings.catalogRequired(method.rawValue) }
            model = try .content(vectors: contentVectors, k: settings.neighbours, context: context)
        case .hybrid:
            let knn = try self.model(.itemknn, context: context)!
            let content = try self.model(.content, context: context)!
            model = .blend(knn, content, weight: settings.blend)
        }
        models[method] = model
        return model
    }

    /// The top `k` items for each of `users`, best first: the model's scored
    /// items, then popular items when it has fewer than `k`; users without
    /// history get popular items only. Items the user has are never returned.
    func recommend(_ method: Method, users: [Int], k: Int, context: CommandContext) throws -> [Recommendation] {
        let model = try self.model(method, context: context)
        let scored = try model?.recommend(train: train, users: users, k: k, context: context)
        let userCount = Double(max(1, train.rowCount))
        var out: [Recommendation] = []
        out.reserveCapacity(users.count * k)
        for (slot, user) in users.enumerated() {
            try context.checkCancellation()
            let history = train.range(ofRow: user)
            var chosen = Set<Int32>()
            var rank = 0
            if let scored {
                for (item, score) in scored.row(slot) {
                    rank += 1
                    chosen.insert(item)
                    out.append(Recommendation(user: Int32(user), item: item, rank: rank, score: score, origin: .model))
                }
            }
            guard rank < k else { continue }
            let origin: Origin = history.isEmpty ? .coldStart : (model == nil ? .model : .popular)
            let excluded = chosen.union(history.map { train.columns[$0] })
            for item in popularity.top(k - rank, excluding: excluded) {
                rank += 1
                let score = model == nil || history.isEmpty ? Double(popularity.buyers[Int(item)]) / userCount : 0
                out.append(Recommendation(user: Int32(user), item: item, rank: rank, score: score, origin: origin))
            }
        }
        return out
    }
}
