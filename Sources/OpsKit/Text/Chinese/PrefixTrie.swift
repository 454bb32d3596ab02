/// A trie over Unicode scalars with a log-probability on nodes that end a
/// word: the prefix dictionary jieba walks to build its DAG. Children live in
/// one hash table keyed by (node, scalar), which keeps loading and lookups fast.
struct PrefixTrie: Sendable {
    private var children: [UInt64: Int32] = [:]
    /// Log-probability of the word ending at each node; `nil` for pure prefixes.
    private(set) var logProbability: [Float?] = [nil]

    static let root: Int32 = 0

    init() {}

    mutating func reserve(_ count: Int) {
        children.reserveCapacity(count)
        logProbability.reserveCapacity(count + 1)
    }

    /// Adds a word (its scalars) with its log-probability.
    mutating func insert<S: Sequence>(_ scalars: S, logProbability value: Float) where S.Element == Unicode.Scalar {
        var node = Self.root
        for scalar in scalars {
            let key = Self.key(node, scalar.value)
            if let next = children[key] {
                node = next
            } else {
                let next = Int32(logProbability.count)
                logProbability.append(nil)
                children[key] = next
                node = next
            }
        }
        logProbability[Int(node)] = value
    }

    /// The child of `node` along `scalar`, if any.
    @inline(__always) func child(_ node: Int32, _ scalar: UInt32) -> Int32? { children[Self.key(node, scalar)] }

    @inline(__always) private static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)
    }
}
