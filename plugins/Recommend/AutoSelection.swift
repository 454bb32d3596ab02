import OpsKit

/// `--method auto`: holds out each user's last basket of the training rows,
/// fits every candidate on the rest and keeps the one with the best NDCG@k on
/// those baskets. Candidates: popularity, item-kNN, RP3beta and EASE (when the
/// catalogue fits its dense solve), each alone and blended with popularity,
/// plus content and hybrid when a catalogue is given.
struct AutoSelection {
    struct Candidate {
        let method: Method
        let popularityBlend: Double
        var metrics = RankingMetrics(lists: [], relevant: [], k: 1, catalogueSize: 0)
    }

    static let blends = [0.0, 0.3]
    /// EASE is tried automatically up to this many items (its solve grows with n³).
    static let easeAutoLimit = 8_000

    let chosen: Candidate
    let candidates: [Candidate]
    let validationUsers: Int

    init(
        log: InteractionLog, rows: [Int]?, damping: Damping, settings: ModelSettings, contentVectors: SparseMatrix?,
        k: Int, context: CommandContext
    ) throws {
        let split = try Split(log, kind: .leaveLast, testFraction: 0.2, seed: 0, rows: rows)
        let recommender = Recommender(
            log: log, rows: split.train, damping: damping, settings: settings, contentVectors: contentVectors)
        let heldOut = HeldOut(
            log: log, test: split.test, train: recommender.train, includeOwned: settings.includeOwned)
        guard !heldOut.users.isEmpty else { throw Strings.autoNeedsHistory }
        var methods: [Method] = [.itemknn, .rp3beta]
        if log.items.count <= Self.easeAutoLimit { methods.append(.ease) }
        if contentVectors != nil { methods += [.content, .hybrid] }
        var candidates = [Candidate(method: .popular, popularityBlend: 0)]
        for method in methods { for blend in Self.blends { candidates.append(Candidate(method: method, popularityBlend: blend)) } }
        for c in candidates.indices {
            try context.checkCancellation()
            recommender.settings.popularityBlend = candidates[c].popularityBlend
            candidates[c].metrics = try heldOut.score(candidates[c].method, recommender: recommender, k: k, context: context)
        }
        // Strictly better wins: ties keep the earlier, simpler candidate.
        var best = 0
        for c in candidates.indices where candidates[c].metrics.ndcg > candidates[best].metrics.ndcg { best = c }
        self.chosen = candidates[best]
        self.candidates = candidates
        self.validationUsers = heldOut.users.count
    }

    /// The settings with the chosen popularity blend.
    func settings(_ base: ModelSettings) -> ModelSettings {
        var out = base
        out.popularityBlend = chosen.popularityBlend
        return out
    }
}

extension AutoSelection {
    /// "auto chose rp3beta + 30% popularity: NDCG@10 0.0712 on … (itemknn 0.0650, …)".
    func summary(k: Int) -> String {
        let others = candidates.filter { $0.method != chosen.method || $0.popularityBlend != chosen.popularityBlend }
            .map { Strings.candidateName($0.method.rawValue, popularityBlend: $0.popularityBlend) + " "
                + ValueFormat.fixed($0.metrics.ndcg, digits: 4) }
            .joined(separator: ", ")
        return Strings.autoChoice(
            Strings.candidateName(chosen.method.rawValue, popularityBlend: chosen.popularityBlend),
            ndcg: chosen.metrics.ndcg, others: others, users: validationUsers, k: k)
    }
}
