/// jieba's `finalseg`: a four-state (Begin, Middle, End, Single) hidden Markov
/// model over characters, decoded with Viterbi, that groups runs of characters
/// the dictionary does not know into words (names, new words).
struct HiddenMarkovSegmenter: Sendable {
    /// Stands in for log(0), as jieba's MIN_FLOAT.
    static let impossible = -3.14e100
    private static let states = 4  // B M E S
    /// States each state may follow (jieba's PrevStatus): B ← E,S; M ← M,B; E ← B,M; S ← S,E.
    private static let previous: [[Int]] = [[2, 3], [1, 0], [0, 1], [3, 2]]

    private var start = [Double](repeating: impossible, count: 4)
    private var transition = [Double](repeating: impossible, count: 16)
    private var emissionRow: [UInt32: Int32] = [:]
    private var emission: [Double] = []

    /// Parses the `zh_hmm.txt` lines: `start B M E S`, `trans FROM B M E S`, then `char B M E S`.
    init(lines: [Substring]) {
        func values(_ fields: ArraySlice<Substring>) -> [Double] { fields.map { Double($0) ?? Self.impossible } }
        emission.reserveCapacity(lines.count * 4)
        emissionRow.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: " ")
            if fields.first == "start", fields.count == 5 {
                start = values(fields[1...])
            } else if fields.first == "trans", fields.count == 6, let from = "BMES".firstIndex(of: Character(String(fields[1]))) {
                let row = "BMES".distance(from: "BMES".startIndex, to: from)
                for (to, value) in values(fields[2...]).enumerated() { transition[row * 4 + to] = value }
            } else if fields.count == 5, let scalar = fields[0].unicodeScalars.first, fields[0].unicodeScalars.count == 1 {
                emissionRow[scalar.value] = Int32(emission.count / 4)
                emission += values(fields[1...])
            }
        }
    }

    /// Word lengths covering `scalars` in order.
    func segment(_ scalars: ArraySlice<UInt32>) -> [Int] {
        let n = scalars.count
        guard n > 1 else { return n == 1 ? [1] : [] }
        var score = [Double](repeating: Self.impossible, count: n * 4)
        var back = [UInt8](repeating: 0, count: n * 4)
        func emit(_ t: Int, _ state: Int) -> Double {
            guard let row = emissionRow[scalars[scalars.startIndex + t]] else { return Self.impossible }
            return emission[Int(row) * 4 + state]
        }
        for s in 0..<4 { score[s] = start[s] + emit(0, s) }
        for t in 1..<n {
            for s in 0..<4 {
                let e = emit(t, s)
                var best = -Double.infinity, from = 0
                for p in Self.previous[s] {
                    let value = score[(t - 1) * 4 + p] + transition[p * 4 + s] + e
                    // jieba takes max over (value, state name): ties go to the later letter.
                    if value > best || (value == best && p > from) { best = value; from = p }
                }
                score[t * 4 + s] = best
                back[t * 4 + s] = UInt8(from)
            }
        }
        // The last character ends a word (E) or stands alone (S).
        var state = score[(n - 1) * 4 + 3] >= score[(n - 1) * 4 + 2] ? 3 : 2
        var path = [Int](repeating: 0, count: n)
        for t in stride(from: n - 1, through: 0, by: -1) {
            path[t] = state
            state = Int(back[t * 4 + state])
        }
        var lengths: [Int] = [], begin = 0
        for t in 0..<n where path[t] == 2 || path[t] == 3 || t == n - 1 {
            lengths.append(t + 1 - begin)
            begin = t + 1
        }
        return lengths
    }
}
