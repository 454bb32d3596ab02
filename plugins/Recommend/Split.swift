import ArgumentParser
import OpsKit

/// How `recommend evaluate` holds out test interactions.
enum SplitKind: String, CaseIterable, ExpressibleByArgument {
    /// Each user's last interaction (by `--time`, ties and no time: the later row).
    case leaveLast = "leave-last"
    /// The latest `--test-fraction` of all interactions by time.
    case time
    /// A seeded random `--test-fraction` of each user's interactions.
    case random
}

/// Row numbers of an interaction log, split into training and test rows.
struct Split {
    let train: [Int]
    let test: [Int]

    init(_ log: InteractionLog, kind: SplitKind, testFraction: Double, seed: UInt64) throws {
        var isTest = [Bool](repeating: false, count: log.count)
        switch kind {
        case .leaveLast:
            var last = [Int](repeating: -1, count: log.users.count)
            for r in 0..<log.count {
                let u = Int(log.user[r])
                if last[u] < 0 || (log.time.map { $0[r] >= $0[last[u]] } ?? true) { last[u] = r }
            }
            for r in last where r >= 0 { isTest[r] = true }
        case .time:
            guard let time = log.time else { throw Strings.timeSplitNeedsTime }
            let order = (0..<log.count).sorted { time[$0] != time[$1] ? time[$0] < time[$1] : $0 < $1 }
            let trainCount = Int((Double(log.count) * (1 - testFraction)).rounded())
            for r in order[trainCount...] { isTest[r] = true }
        case .random:
            var rowsOfUser = [[Int]](repeating: [], count: log.users.count)
            for r in 0..<log.count { rowsOfUser[Int(log.user[r])].append(r) }
            var random = SeededGenerator(seed: seed)
            for var rows in rowsOfUser where rows.count >= 2 {
                let n = max(1, Int((Double(rows.count) * testFraction).rounded()))
                for i in 0..<n {
                    let j = i + random.nextIndex(rows.count - i)
                    rows.swapAt(i, j)
                    isTest[rows[i]] = true
                }
            }
        }
        train = (0..<log.count).filter { !isTest[$0] }
        test = (0..<log.count).filter { isTest[$0] }
    }
}
