import OpsKit

/// Groups of interchangeable phrases (`快递 = 物流 = 配送`), one group per line.
///
/// Text is rewritten before tokenising: every phrase of a group becomes the
/// group's first phrase, so the knowledge base and the questions meet on one
/// spelling. Chinese phrases match anywhere; Latin phrases only as whole words.
struct SynonymTable: Sendable, Equatable {
    /// The groups as written, first phrase = canonical spelling.
    let groups: [[String]]
    private let canonical: [String: String]
    private let lengths: [Int]
    private let firstScalars: Set<Unicode.Scalar>

    static let empty = SynonymTable(groups: [])

    /// Groups in order; a phrase in several groups belongs to the last one.
    /// Phrases are folded as questions are (``TextNormalizer``, lower case),
    /// and a group's first phrase maps to itself so no shorter phrase cuts into it.
    init(groups: [[String]]) {
        self.groups = groups
        var canonical: [String: String] = [:]
        var lengths = Set<Int>()
        var first = Set<Unicode.Scalar>()
        let normalizer = TextNormalizer.shared
        for group in groups {
            guard let head = group.first.map({ normalizer.normalize($0).lowercased() }) else { continue }
            for phrase in group {
                let key = normalizer.normalize(phrase).lowercased()
                guard let scalar = key.unicodeScalars.first else { continue }
                canonical[key] = head
                lengths.insert(key.unicodeScalars.count)
                first.insert(scalar)
            }
        }
        self.canonical = canonical
        self.lengths = lengths.sorted(by: >)
        self.firstScalars = first
    }

    /// Parses `a = b = c` lines; blank lines and `#` comments are skipped.
    init(parsing text: String, source: String) throws {
        var groups: [[String]] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let phrases = line.split(whereSeparator: { $0 == "=" || $0 == "＝" }).map { $0.trimmingWhitespace() }
            guard phrases.count >= 2, phrases.allSatisfy({ !$0.isEmpty }) else {
                throw OpsError(AskText.badSynonymLine(source: source, line: number + 1, text: line),
                               hint: AskText.synonymHint)
            }
            groups.append(phrases)
        }
        self.init(groups: groups)
    }

    var isEmpty: Bool { canonical.isEmpty }

    /// Every phrase (folded) with the group spelling it is rewritten to.
    var phrases: [String: String] { canonical }

    /// The text lower-cased, with every synonym replaced by its group's first phrase.
    func normalize(_ text: String) -> String {
        let lowered = text.lowercased()
        guard !canonical.isEmpty else { return lowered }
        let scalars = Array(lowered.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if firstScalars.contains(scalars[i]), let (length, replacement) = match(scalars, at: i) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += length
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The longest phrase starting at `start` that respects word boundaries.
    private func match(_ scalars: [Unicode.Scalar], at start: Int) -> (Int, String)? {
        // Inside a Latin word no phrase may start, whatever its length: skip before building any candidate.
        if isWordEdge(scalars[start]), start > 0, isWordEdge(scalars[start - 1]) { return nil }
        for length in lengths where start + length <= scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<(start + length)])
            guard let replacement = canonical[String(view)] else { continue }
            let end = start + length
            if isWordEdge(scalars[end - 1]), end < scalars.count, isWordEdge(scalars[end]) { continue }
            // A Chinese phrase may not cut a two-character word in half at either end (多久能到 in 多久能到账).
            if start > 0, splitsWord(scalars[start - 1], scalars[start]) { continue }
            if end < scalars.count, splitsWord(scalars[end - 1], scalars[end]) { continue }
            return (length, replacement)
        }
        return nil
    }

    private func splitsWord(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        TextScript.isCJK(a) && TextScript.isCJK(b) && ChineseSegmenter.shared.isWord([a.value, b.value][...])
    }

    private func isWordEdge(_ scalar: Unicode.Scalar) -> Bool {
        !TextScript.isCJK(scalar) && TextScript.isWordScalar(scalar)
    }
}
