import Dispatch

/// A fixed split of `n` rows into blocks processed in parallel.
///
/// The split depends on `n` only (never on the number of cores), and per-block
/// partial results are merged in block order, so results are identical on
/// every machine.
struct RowBlocks {
    let rows: Int
    let count: Int

    init(rows: Int, minimumBlock: Int = 4096, maximumBlocks: Int = 64) {
        self.rows = rows
        count = max(1, min(maximumBlocks, rows / max(1, minimumBlock)))
    }

    func range(_ block: Int) -> Range<Int> { (block * rows / count)..<((block + 1) * rows / count) }

    /// Runs `body(block)` for every block, over all cores.
    func forEach(_ body: (Int) -> Void) {
        if count == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}
