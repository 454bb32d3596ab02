/// A trie over Unicode scalar values: the prefix dictionary jieba walks to
/// build its DAG, and the phrase table `ask` rewrites synonyms with.
///
/// Nodes are numbered in insertion order from ``root`` (0), so a caller keeps
/// what a node means (a word's log-probability, a phrase's replacement) in its
/// own array indexed by node. Children live in one open-addressing hash table
/// keyed by (node, scalar) in two contiguous arrays, probed linearly after a
/// multiplicative hash: a step costs one integer hash and usually one probe.
public struct PrefixTrie: Sendable {
    public static let root: Int32 = 0

    /// Number of nodes, the root included; node ids run from 0 to `nodeCount - 1`.
    public private(set) var nodeCount = 1
    /// `(node + 1) << 21 | scalar` per slot, 0 for an empty slot (a scalar needs 21 bits).
    @usableFromInline var keys: [UInt64]
    /// The child node of each occupied slot.
    @usableFromInline var children: [Int32]
    /// `64 − log2(slot count)`: the hash keeps the top bits of the product.
    @usableFromInline var shift: UInt64

    /// An empty trie with room for about `capacity` nodes before it grows.
    public init(capacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) < 2 * max(capacity, 1) { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        children = [Int32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Adds the path of `scalars` and returns the node it ends at (the root for none).
    @discardableResult
    public mutating func insert<S: Sequence>(_ scalars: S) -> Int32 where S.Element == Unicode.Scalar {
        var node = Self.root
        for scalar in scalars {
            if let next = child(node, scalar.value) {
                node = next
                continue
            }
            if 2 * nodeCount >= keys.count { grow() }
            let next = Int32(nodeCount)
            nodeCount += 1
            store(Self.key(node, scalar.value), next)
            node = next
        }
        return node
    }

    /// The child of `node` along `scalar`, if any.
    @inlinable @inline(__always)
    public func child(_ node: Int32, _ scalar: UInt32) -> Int32? {
        let key = Self.key(node, scalar)
        let mask = keys.count - 1
        var slot = Self.slot(key, shift)
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let found = keys[slot]
                if found == key { return children[slot] }
                if found == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    @inlinable @inline(__always)
    static func key(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        UInt64(UInt32(bitPattern: node) &+ 1) << 21 | UInt64(scalar)
    }

    @inlinable @inline(__always)
    static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func store(_ key: UInt64, _ child: Int32) {
        let mask = keys.count - 1
        var slot = Self.slot(key, shift)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        children[slot] = child
    }

    /// Doubles the table (the load stays at most one half) and re-inserts every child.
    private mutating func grow() {
        let oldKeys = keys, oldChildren = children
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        children = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        for (key, child) in zip(oldKeys, oldChildren) where key != 0 { store(key, child) }
    }
}
