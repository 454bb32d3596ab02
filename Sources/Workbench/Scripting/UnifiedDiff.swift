/// A line-based unified diff (longest common subsequence), for transcript mismatches.
enum UnifiedDiff {
    static func make(old: String, new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // lcs[i][j]: length of the LCS of a[i...] and b[j...]
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Op { case same(String), removed(String), added(String) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                ops.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                ops.append(.removed(a[i])); i += 1
            } else {
                ops.append(.added(b[j])); j += 1
            }
        }
        var text = "--- \(oldLabel)\n+++ \(newLabel)\n"
        let changed = ops.indices.filter { if case .same = ops[$0] { return false } else { return true } }
        guard let first = changed.first, let last = changed.last else { return text }
        let start = max(0, first - context), end = min(ops.count - 1, last + context)
        text += "@@\n"
        for op in ops[start...end] {
            switch op {
            case .same(let line): text += " " + line + "\n"
            case .removed(let line): text += "-" + line + "\n"
            case .added(let line): text += "+" + line + "\n"
            }
        }
        return text
    }
}
