import ArgumentParser
import OpsKit

/// How `recommend evaluate` holds out test interactions.
enum SplitKind: String, CaseIterable, ExpressibleByArgument {
    /// Each user's whole last basket: the `--basket` of their latest row, else
    /// every row at their latest `--time`, else their last row in dataset order.
    case leaveLast = "leave-last"
    /// Every row at or after one global cut-off time (`--cutoff`, else the time
    /// that leaves the latest `--test-fraction` of rows).
    case time
    /// A seeded random `--test-fraction` of each user's interactions.
    case random
}

/// Row numbers of an interaction log, split into training and test rows.
struct Split {
    let train: [Int]
    let test: [Int]
    /// The global cut-off of a time split (rows at or after it are test rows).
    private(set) var cutoff: Double?

    /// `rows` restricts the split to those rows (a validation split inside training data).
    init(_ log: InteractionLog, kind: SplitKind, testFraction: Double, seed: UInt64, cutoff: Double? = nil, rows: [Int]? = nil)
        throws
    {
        let rows = rows ?? Array(0..<log.count)
        var isTest = [Bool](repeating: false, count: log.count)
        switch kind {
        case .leaveLast:
            var last = [Int](repeating: -1, count: log.users.count)
            for r in rows {
                let u = Int(log.user[r])
                if last[u] < 0 || (log.time.map { $0[r] >= $0[last[u]] } ?? true) { last[u] = r }
            }
            for r in rows {
                let l = last[Int(log.user[r])]
                if let basket = log.basket, basket[l] >= 0 {
                    isTest[r] = basket[r] == basket[l]
                } else if let time = log.time {
                    isTest[r] = time[r] == time[l]
                } else {
                    isTest[r] = r == l
                }
            }
        case .time:
            guard let time = log.time else { throw Strings.timeSplitNeedsTime }
            let cut: Double
            if let cutoff {
                cut = cutoff
            } else {
                let sorted = rows.map { time[$0] }.sorted()
                let trainCount = min(sorted.count - 1, Int((Double(sorted.count) * (1 - testFraction)).rounded()))
                cut = sorted[max(0, trainCount)]
            }
            self.cutoff = cut
            for r in rows where time[r] >= cut { isTest[r] = true }
        case .random:
            var rowsOfUser = [[Int]](repeating: [], count: log.users.count)
            for r in rows { rowsOfUser[Int(log.user[r])].append(r) }
            var random = SeededGenerator(seed: seed)
            for var userRows in rowsOfUser where userRows.count >= 2 {
                let n = max(1, Int((Double(userRows.count) * testFraction).rounded()))
                for i in 0..<n {
                    let j = i + random.nextIndex(userRows.count - i)
                    userRows.swapAt(i, j)
                    isTest[userRows[i]] = true
                }
            }
        }
        train = rows.filter { !isTest[$0] }
        test = rows.filter { isTest[$0] }
    }
}
