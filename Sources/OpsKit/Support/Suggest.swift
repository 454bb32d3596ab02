/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// Candidates within a small edit distance of `word`, closest first.
    public static func closest(to word: String, in candidates: [String], limit: Int = 1) -> [String] {
        let target = Array(word.lowercased())
        let threshold = target.count <= 3 ? 1 : max(2, target.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let d = lowered.hasPrefix(word.lowercased()) && !word.isEmpty ? 0 : distance(target, Array(lowered))
            if d <= threshold, d < target.count { scored.append((d, candidate)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
        return scored.prefix(limit).map(\.candidate)
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, previous2[j - 2] + 1) }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
