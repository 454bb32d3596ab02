import Foundation
import OpsKit

/// `--method auto`: splits the training rows once more the way the evaluation
/// does (by default each user's last basket is held out), fits every candidate
/// on the rest and scores it by NDCG@k on the held-out rows.
///
/// Candidates: popularity; item-kNN, RP3beta and EASE (when the catalogue fits
/// its dense solve) and, with a catalogue, content and hybrid — each alone and
/// blended with 30 % popularity, each with every damping (binary, log, bm25;
/// only `--damping` when given).
///
/// The choice follows the one-standard-error rule: among the candidates whose
/// NDCG is within one standard error of the best one's (the standard error of
/// the paired per-user difference from the best), the least complex — each
/// departure from a plain model on the binary matrix, a popularity blend or a
/// damping that uses repeat counts, counts one — and among those the best
/// scoring. A difference the validation users cannot tell from noise is not
/// worth an extra ingredient. Methods themselves are not ranked by simplicity:
/// they are not nested in one another.
struct AutoSelection {
    struct Candidate {
        let method: Method
        let popularityBlend: Double
        let damping: Damping
        var metrics = RankingMetrics(lists: [], relevant: [], k: 1, catalogueSize: 0)

        /// Departures from a plain model on presence/absence: a popularity blend and a damping that uses counts.
        var complexity: Int { (popularityBlend > 0 ? 1 : 0) + (method != .popular && damping != .binary ? 1 : 0) }
    }

    static let blends = [0.0, 0.3]
    /// The dampings tried when `--damping` is not given, simplest first.
    static let dampings: [Damping] = [.binary, .log, .bm25]
    /// EASE is tried automatically up to this many items (its solve grows with n³).
    static let easeAutoLimit = 8_000

    let chosen: Candidate
    /// The candidate with the best validation NDCG (may differ from `chosen`).
    let best: Candidate
    /// Standard error of the paired NDCG difference between `best` and `chosen`.
    let standardError: Double
    let candidates: [Candidate]
    let validationUsers: Int
    /// Whether the candidates differ in damping (names then show it).
    let variesDamping: Bool
    /// How the validation rows were held out.
    let splitKind: SplitKind

    /// `dampings`: the matrix weightings to try; `split`, `testFraction` and
    /// `seed`: how the validation rows are held out of `rows` (all rows when nil).
    init(
        log: InteractionLog, rows: [Int]?, dampings: [Damping], settings: ModelSettings, contentVectors: SparseMatrix?,
        k: Int, split kind: SplitKind = .leaveLast, testFraction: Double = 0.2, seed: UInt64 = 0,
        context: CommandContext
    ) throws {
        let split = try Split(log, kind: kind, testFraction: testFraction, seed: seed, rows: rows)
        var methods: [Method] = [.itemknn, .rp3beta]
        if log.items.count <= Self.easeAutoLimit { methods.append(.ease) }
        if contentVectors != nil { methods += [.content, .hybrid] }
        var candidates = [Candidate(method: .popular, popularityBlend: 0, damping: dampings[0])]
        for method in methods {
            for blend in Self.blends {
                for damping in dampings { candidates.append(Candidate(method: method, popularityBlend: blend, damping: damping)) }
            }
        }
        var heldOut: HeldOut?
        for damping in dampings {
            let recommender = Recommender(
                log: log, rows: split.train, damping: damping, settings: settings, contentVectors: contentVectors)
            let validation = heldOut ?? HeldOut(
                log: log, test: split.test, train: recommender.train, includeOwned: settings.includeOwned)
            guard !validation.users.isEmpty else { throw Strings.autoNeedsHistory }
            heldOut = validation
            for c in candidates.indices where candidates[c].damping == damping {
                try context.checkCancellation()
                recommender.settings.popularityBlend = candidates[c].popularityBlend
                candidates[c].metrics = try validation.score(
                    candidates[c].method, recommender: recommender, k: k, context: context)
            }
        }
        var best = 0
        for c in candidates.indices where candidates[c].metrics.ndcg > candidates[best].metrics.ndcg { best = c }
        var chosen = best
        var error = 0.0
        for c in candidates.indices {
            let se = Self.pairedStandardError(candidates[best].metrics.ndcgPerUser, candidates[c].metrics.ndcgPerUser)
            guard candidates[best].metrics.ndcg - candidates[c].metrics.ndcg <= se else { continue }
            let (a, b) = (candidates[c], candidates[chosen])
            if a.complexity < b.complexity || (a.complexity == b.complexity && a.metrics.ndcg > b.metrics.ndcg) {
                chosen = c
                error = se
            }
        }
        self.chosen = candidates[chosen]
        self.best = candidates[best]
        self.standardError = error
        self.candidates = candidates
        self.validationUsers = heldOut?.users.count ?? 0
        self.variesDamping = dampings.count > 1
        self.splitKind = kind
    }

    /// Standard error of the mean of `a[u] − b[u]` (0 for fewer than two users).
    static func pairedStandardError(_ a: [Double], _ b: [Double]) -> Double {
        let n = min(a.count, b.count)
        guard n > 1 else { return 0 }
        let d = (0..<n).map { a[$0] - b[$0] }
        let mean = d.reduce(0, +) / Double(n)
        let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        return (variance / Double(n)).squareRoot()
    }

    /// The settings with the chosen popularity blend.
    func settings(_ base: ModelSettings) -> ModelSettings {
        var out = base
        out.popularityBlend = chosen.popularityBlend
        return out
    }

    /// The chosen candidate's name, e.g. "ease (binary) + 30% popularity".
    var chosenName: String { name(chosen) }

    func name(_ c: Candidate) -> String {
        Strings.candidateName(
            c.method.rawValue, popularityBlend: c.popularityBlend,
            damping: variesDamping && c.method != .popular ? c.damping.rawValue : nil)
    }
}

extension AutoSelection {
    /// "auto chose ease (binary): NDCG@10 0.1016 on …, within one standard error (0.0031) of the best, ease (bm25) 0.1027, so the simpler candidate is kept (others: …)".
    func summary(k: Int) -> String {
        let isSame = { (a: Candidate, b: Candidate) in
            a.method == b.method && a.popularityBlend == b.popularityBlend && a.damping == b.damping
        }
        let others = candidates.filter { !isSame($0, chosen) }
            .map { name($0) + " " + ValueFormat.fixed($0.metrics.ndcg, digits: 4) }
            .joined(separator: ", ")
        let why = isSame(chosen, best)
            ? Strings.autoBest
            : Strings.autoWithinNoise(best: name(best), ndcg: best.metrics.ndcg, standardError: standardError)
        return Strings.autoChoice(
            chosenName, ndcg: chosen.metrics.ndcg, why: why, others: others, users: validationUsers, split: splitKind, k: k)
    }
}
