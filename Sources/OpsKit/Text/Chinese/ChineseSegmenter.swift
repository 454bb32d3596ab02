import Foundation

/// Chinese word segmentation as jieba's default mode (`jieba.cut(text, HMM=True)`):
/// a DAG of every dictionary word starting at each character, the route of
/// maximum total log-probability through it (dynamic programming from the
/// end), and the hidden Markov model for runs of characters the route leaves
/// as single characters that do not form a dictionary word.
///
/// The dictionary is jieba's (MIT), pruned to words of frequency ≥ 5; log
/// probabilities use the full dictionary's total, as jieba does.
public struct ChineseSegmenter: Sendable {
    /// The bundled dictionary and model, loaded once on first use.
    public static let shared = ChineseSegmenter(
        dictionary: ChineseResources.lines("zh_dict.txt"), model: ChineseResources.lines("zh_hmm.txt"))

    private let trie: PrefixTrie
    /// Log-probability of the word ending at each trie node; NaN for a node that only prefixes words.
    private let logProbability: [Float]
    private let hmm: HiddenMarkovSegmenter
    private var logTotal: Double = 0
    /// Number of dictionary words.
    public private(set) var wordCount = 0

    /// A segmenter from dictionary lines (`word frequency`, optional first
    /// line `#total T`) and `zh_hmm.txt` model lines.
    init(dictionary: [Substring], model: [Substring]) {
        hmm = HiddenMarkovSegmenter(lines: model)
        var words: [(Substring, Double)] = [], total = 0.0, declared: Double?
        words.reserveCapacity(dictionary.count)
        for line in dictionary {
            guard let (word, field) = Self.firstTwoFields(line), let frequency = Double(field) else { continue }
            if word == "#total" { declared = frequency; continue }
            words.append((word, frequency))
            total += frequency
        }
        logTotal = log(max(declared ?? total, 1))
        var trie = PrefixTrie(capacity: words.count * 3 / 2)  // jieba's words share prefixes: ~1.3 nodes a word
        var ends: [(node: Int32, value: Float)] = []
        ends.reserveCapacity(words.count)
        for (word, frequency) in words where frequency > 0 {
            ends.append((trie.insert(word.unicodeScalars), Float(log(frequency) - logTotal)))
        }
        var logProbability = [Float](repeating: .nan, count: trie.nodeCount)
        for (node, value) in ends { logProbability[Int(node)] = value }
        self.trie = trie
        self.logProbability = logProbability
        wordCount = words.count
    }

    /// The first two space-separated fields of a line (as `split(separator: " ")`
    /// gives them, looking at bytes rather than Characters), if it has two.
    static func firstTwoFields(_ line: Substring) -> (Substring, Substring)? {
        let bytes = line.utf8, space = UInt8(ascii: " ")
        var fields: [Substring] = []
        var i = bytes.startIndex
        while fields.count < 2 {
            while i < bytes.endIndex, bytes[i] == space { i = bytes.index(after: i) }
            guard i < bytes.endIndex else { return nil }
            let start = i
            while i < bytes.endIndex, bytes[i] != space { i = bytes.index(after: i) }
            fields.append(line[start..<i])
        }
        return (fields[0], fields[1])
    }

    /// The words of `text` in order: CJK runs segmented, every other run of
    /// non-space characters kept whole (spaces dropped).
    public func words(_ text: String) -> [String] {
        var scalars: [UInt32] = [], offsets: [Int] = []  // offsets[k]: where scalar k starts in the UTF-8 bytes
        scalars.reserveCapacity(text.utf8.count)
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar.value)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        let bytes = Array(text.utf8)
        var result: [String] = []
        func piece(_ range: Range<Int>) -> String { String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self) }
        var i = 0
        while i < scalars.count {
            let cjk = TextScript.isCJK(Unicode.Scalar(scalars[i])!)
            var j = i
            while j < scalars.count, TextScript.isCJK(Unicode.Scalar(scalars[j])!) == cjk { j += 1 }
            if cjk {
                var start = i
                for length in segment(scalars[i..<j]) { result.append(piece(start..<(start + length))); start += length }
            } else if j - i == 1 {
                // One scalar is one Character: kept unless it is a space.
                if !Unicode.Scalar(scalars[i])!.properties.isWhitespace { result.append(piece(i..<j)) }
            } else if scalars[i..<j].allSatisfy({ $0 < 0x80 }) {
                // ASCII: Characters are scalars (CR LF, one Character, is two spaces either way).
                var k = i
                while k < j {
                    while k < j, Self.isASCIISpace(scalars[k]) { k += 1 }
                    let begin = k
                    while k < j, !Self.isASCIISpace(scalars[k]) { k += 1 }
                    if k > begin { result.append(piece(begin..<k)) }
                }
            } else {
                result += piece(i..<j).split(whereSeparator: \.isWhitespace).map(String.init)
            }
            i = j
        }
        return result
    }

    /// The words of the CJK runs of `scalars`, as ranges of positions, in
    /// order (other scalars belong to no word); `runStart` says whether a word
    /// begins a run.
    public func wordRanges(_ scalars: [Unicode.Scalar]) -> [(range: Range<Int>, runStart: Bool)] {
        var ranges: [(range: Range<Int>, runStart: Bool)] = []
        var start = 0
        while start < scalars.count {
            guard TextScript.isCJK(scalars[start]) else { start += 1; continue }
            var end = start
            while end < scalars.count, TextScript.isCJK(scalars[end]) { end += 1 }
            var wordStart = start
            for length in segment(scalars[start..<end].map(\.value)[...]) {
                ranges.append((wordStart..<(wordStart + length), wordStart == start))
                wordStart += length
            }
            start = end
        }
        return ranges
    }

    /// The ASCII scalars `Character.isWhitespace` holds for: tab, line feed, vertical tab, form feed, carriage return, space.
    static func isASCIISpace(_ value: UInt32) -> Bool { (0x09...0x0D).contains(value) || value == 0x20 }

    /// Word lengths (in scalars) covering a run of scalar values, in order.
    public func segment(_ run: ArraySlice<UInt32>) -> [Int] {
        let n = run.count
        guard n > 1 else { return n == 1 ? [1] : [] }
        let base = run.startIndex
        let unknown = -logTotal  // log(1) − log(total): jieba's weight for a character not in the dictionary
        var routeScore = [Double](repeating: 0, count: n + 1)
        var routeEnd = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            // jieba's DAG: every dictionary word starting at i; ties go to the longer word.
            var best = -Double.infinity, end = -1
            var node = PrefixTrie.root, j = i
            while j < n, let next = trie.child(node, run[base + j]) {
                node = next
                let p = logProbability[Int(node)]
                if !p.isNaN {
                    let value = Double(p) + routeScore[j + 1]
                    if value >= best { best = value; end = j }
                }
                j += 1
            }
            if end < 0 { best = unknown + routeScore[i + 1]; end = i }
            routeScore[i] = best
            routeEnd[i] = end
        }
        var lengths: [Int] = []
        lengths.reserveCapacity(n)
        var x = 0, buffer = 0  // buffer: single characters waiting, ending at x
        func flush() {
            guard buffer > 0 else { return }
            let begin = x - buffer
            if buffer == 1 || isWord(run[(base + begin)..<(base + x)]) {
                for _ in 0..<buffer { lengths.append(1) }
            } else {
                lengths += hmm.segment(run[(base + begin)..<(base + x)])
            }
            buffer = 0
        }
        while x < n {
            let y = routeEnd[x] + 1
            if y - x == 1 {
                buffer += 1
                x = y
            } else {
                flush()
                lengths.append(y - x)
                x = y
            }
        }
        flush()
        return lengths
    }

    /// Whether the scalars form a dictionary word.
    public func isWord(_ scalars: ArraySlice<UInt32>) -> Bool {
        var node = PrefixTrie.root
        for value in scalars {
            guard let next = trie.child(node, value) else { return false }
            node = next
        }
        return !logProbability[Int(node)].isNaN
    }
}
