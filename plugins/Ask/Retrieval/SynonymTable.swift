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
    /// The phrases' scalars, walked once from each position of a text.
    private let trie: PrefixTrie
    /// Per trie node: the replacement of the phrase ending there, if one does.
    private let replacement: [String?]
    /// Whether every phrase is made of ``isPlain(_:)`` scalars (the trie then gives exactly what `canonical` would).
    private let plainPhrases: Bool
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
        var trie = PrefixTrie()
        var ends: [(node: Int32, head: String)] = []
        let normalizer = TextNormalizer.shared
        for group in groups {
            guard let head = group.first.map({ normalizer.normalize($0).lowercased() }) else { continue }
            for phrase in group {
                let key = normalizer.normalize(phrase).lowercased()
                guard let scalar = key.unicodeScalars.first else { continue }
                canonical[key] = head
                lengths.insert(key.unicodeScalars.count)
                first.insert(scalar)
                ends.append((trie.insert(key.unicodeScalars), head))
            }
        }
        var replacement = [String?](repeating: nil, count: trie.nodeCount)
        for (node, head) in ends { replacement[Int(node)] = head }
        self.canonical = canonical
        self.trie = trie
        self.replacement = replacement
        plainPhrases = canonical.keys.allSatisfy { $0.unicodeScalars.allSatisfy(Self.isPlain) }
        self.lengths = lengths.sorted(by: >)
        self.firstScalars = first
    }

    static func == (a: SynonymTable, b: SynonymTable) -> Bool { a.groups == b.groups }

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
        let byTrie = plainPhrases && scalars.allSatisfy(Self.isPlain)
        return rewrite(scalars, byTrie: byTrie) ?? lowered
    }

    /// The scalars with every phrase replaced, or `nil` when none is.
    ///
    /// Phrases are found as the dictionary `canonical` finds them, by canonical
    /// equivalence (``String``'s `==`): `café` matches `cafe` + U+0301. For
    /// scalars that have no canonical decomposition nor combining class
    /// (``isPlain(_:)``) equivalence is identity, and `byTrie` walks the phrase
    /// trie once from each position instead of building a candidate per phrase
    /// length: the same matches (``SynonymTests`` compares both ways).
    func rewrite(_ scalars: [Unicode.Scalar], byTrie: Bool) -> String? {
        var out = UTF8Builder()
        var path: [Int32] = []
        var cuts = WordCuts(scalars)
        var i = 0, changed = false
        while i < scalars.count {
            let found = byTrie ? matchByTrie(scalars, at: i, path: &path, cuts: &cuts) : matchByLookup(scalars, at: i, cuts: &cuts)
            if let (length, replacement) = found {
                if !changed {
                    out = UTF8Builder(capacity: scalars.count * 3)
                    out.append(contentsOf: scalars[0..<i])
                    changed = true
                }
                out.append(contentsOf: replacement.unicodeScalars)
                i += length
            } else {
                if changed { out.append(scalars[i]) }
                i += 1
            }
        }
        return changed ? out.string : nil
    }

    /// The longest phrase starting at `start` that respects word boundaries,
    /// candidates from the trie (`path`: scratch for the nodes walked).
    private func matchByTrie(_ scalars: [Unicode.Scalar], at start: Int, path: inout [Int32], cuts: inout WordCuts) -> (Int, String)? {
        guard var node = trie.child(PrefixTrie.root, scalars[start].value), startsWord(scalars, at: start) else { return nil }
        path.removeAll(keepingCapacity: true)
        path.append(node)
        var j = start + 1
        while j < scalars.count, let next = trie.child(node, scalars[j].value) {
            node = next
            path.append(node)
            j += 1
        }
        for length in stride(from: path.count, through: 1, by: -1) {
            guard let replacement = replacement[Int(path[length - 1])] else { continue }
            if respectsBoundaries(scalars, start: start, end: start + length, cuts: &cuts) { return (length, replacement) }
        }
        return nil
    }

    /// The longest phrase starting at `start` that respects word boundaries,
    /// candidates looked up in `canonical` one phrase length at a time.
    private func matchByLookup(_ scalars: [Unicode.Scalar], at start: Int, cuts: inout WordCuts) -> (Int, String)? {
        guard firstScalars.contains(scalars[start]), startsWord(scalars, at: start) else { return nil }
        for length in lengths where start + length <= scalars.count {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<(start + length)])
            guard let replacement = canonical[String(view)] else { continue }
            if respectsBoundaries(scalars, start: start, end: start + length, cuts: &cuts) { return (length, replacement) }
        }
        return nil
    }

    /// Inside a Latin word no phrase may start, whatever its length.
    private func startsWord(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        !(start > 0 && isWordEdge(scalars[start]) && isWordEdge(scalars[start - 1]))
    }

    /// Whether a phrase at `start..<end` ends a Latin word where it ends, and
    /// cuts no dictionary word of the text's segmentation in half at either
    /// end (物流 is not found in 物流业; 多少钱 is found in 邮费/多少/钱 though 费多 is a word).
    private func respectsBoundaries(_ scalars: [Unicode.Scalar], start: Int, end: Int, cuts: inout WordCuts) -> Bool {
        if isWordEdge(scalars[end - 1]), end < scalars.count, isWordEdge(scalars[end]) { return false }
        return !cuts.isInsideWord(start) && !cuts.isInsideWord(end)
    }

    /// Scalars that are canonically equivalent to no other sequence (no
    /// canonical decomposition, combining class 0; ``SynonymTests`` checks
    /// every one against Foundation): ASCII, CJK ideographs and punctuation,
    /// full-width forms, emoji.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x7F, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xFF01...0xFF5E, 0x1F300...0x1FAFF:
            return true
        default:
            return false
        }
    }

    private func isWordEdge(_ scalar: Unicode.Scalar) -> Bool {
        !TextScript.isCJK(scalar) && TextScript.isWordScalar(scalar)
    }
}

/// Which positions of a text fall strictly inside a dictionary word of its
/// segmentation (``ChineseSegmenter``; words the hidden Markov model makes of
/// unknown characters are not protected), worked out on first use.
private struct WordCuts {
    let scalars: [Unicode.Scalar]
    private var inside: [Bool]?

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func isInsideWord(_ position: Int) -> Bool {
        guard position > 0, position < scalars.count else { return false }
        guard TextScript.isCJK(scalars[position - 1]), TextScript.isCJK(scalars[position]) else { return false }
        if inside == nil { inside = Self.insideWords(scalars) }
        return inside![position]
    }

    private static func insideWords(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var inside = [Bool](repeating: false, count: scalars.count + 1)
        let segmenter = ChineseSegmenter.shared
        for (range, _) in segmenter.wordRanges(scalars) where range.count > 1 && segmenter.isWord(scalars[range].map(\.value)[...]) {
            for p in (range.lowerBound + 1)..<range.upperBound { inside[p] = true }
        }
        return inside
    }
}
