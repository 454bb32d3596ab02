import Foundation

/// Dense symmetric positive-definite matrices: Cholesky factorisation and inverse,
/// row-major on one contiguous buffer, blocked and run on all cores.
public enum SymmetricInverse {
    /// Thrown when the matrix is not positive definite (a pivot ≤ 0 at `row`).
    public struct NotPositiveDefinite: Error, Sendable { public let row: Int }

    /// Replaces `a` (n × n, row-major, symmetric positive definite) by its inverse.
    ///
    /// `A = L·Lᵀ` by a right-looking blocked Cholesky (panel solves and the
    /// trailing update in parallel over row tiles), then `A⁻¹ = L⁻ᵀ·L⁻¹`
    /// column block by column block (forward and back substitution on blocks of
    /// right-hand sides, in parallel). About n³ multiply-adds; memory 2 · 8n² bytes.
    /// `isCancelled` is polled between blocks.
    public static func invert(_ a: inout [Double], n: Int, isCancelled: () -> Bool = { false }) throws {
        precondition(a.count == n * n)
        try cholesky(&a, n: n, isCancelled: isCancelled)
        var inverse = [Double](repeating: 0, count: n * n)
        let block = 32
        let blocks = (n + block - 1) / block
        try a.withUnsafeBufferPointer { l in
            try inverse.withUnsafeMutableBufferPointer { out in
                let lp = l.baseAddress!, op = out.baseAddress!
                let lock = NSLock()
                var cancelled = false
                DispatchQueue.concurrentPerform(iterations: blocks) { b in
                    lock.lock()
                    let stop = cancelled || isCancelled()
                    if stop { cancelled = true }
                    lock.unlock()
                    if stop { return }
                    solveIdentityBlock(lp, n: n, first: b * block, width: min(block, n - b * block), into: op)
                }
                if cancelled { throw CancellationError() }
            }
        }
        a = inverse
    }

    /// In-place lower Cholesky factor (the upper triangle is zeroed).
    public static func cholesky(_ a: inout [Double], n: Int, isCancelled: () -> Bool = { false }) throws {
        let nb = 64
        try a.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!
            var k0 = 0
            while k0 < n {
                if isCancelled() { throw CancellationError() }
                let k1 = min(n, k0 + nb)
                // Diagonal block, unblocked.
                for j in k0..<k1 {
                    var d = p[j * n + j]
                    for k in k0..<j { d -= p[j * n + k] * p[j * n + k] }
                    guard d > 0, d.isFinite else { throw NotPositiveDefinite(row: j) }
                    let root = d.squareRoot()
                    p[j * n + j] = root
                    for i in (j + 1)..<k1 {
                        var s = p[i * n + j]
                        for k in k0..<j { s -= p[i * n + k] * p[j * n + k] }
                        p[i * n + j] = s / root
                    }
                }
                // Panel below the block: rows k1..<n, columns k0..<k1.
                let rows = n - k1
                let tile = 32
                let tiles = (rows + tile - 1) / tile
                DispatchQueue.concurrentPerform(iterations: tiles) { t in
                    for i in (k1 + t * tile)..<min(n, k1 + (t + 1) * tile) {
                        for j in k0..<k1 {
                            var s = p[i * n + j]
                            for k in k0..<j { s -= p[i * n + k] * p[j * n + k] }
                            p[i * n + j] = s / p[j * n + j]
                        }
                    }
                }
                // Trailing update A[i][j] -= Σ_k L[i][k]·L[j][k] for k1 ≤ j ≤ i, tile rows in parallel.
                let width = k1 - k0
                DispatchQueue.concurrentPerform(iterations: tiles) { t in
                    let iStart = k1 + t * tile, iEnd = min(n, iStart + tile)
                    var j0 = k1
                    while j0 < iEnd {
                        let j1 = min(iEnd, j0 + tile)
                        for i in iStart..<iEnd {
                            let li = p + i * n + k0
                            for j in j0..<min(j1, i + 1) {
                                let lj = p + j * n + k0
                                var s = 0.0
                                for k in 0..<width { s += li[k] * lj[k] }
                                p[i * n + j] -= s
                            }
                        }
                        j0 = j1
                    }
                }
                k0 = k1
            }
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { p[i * n + j] = 0 } }
        }
    }

    /// Columns `first..<first+width` of `(L·Lᵀ)⁻¹` written into `out` (row-major n × n).
    private static func solveIdentityBlock(
        _ l: UnsafePointer<Double>, n: Int, first: Int, width: Int, into out: UnsafeMutablePointer<Double>
    ) {
        // y (n × width, row-major): L·Y = E (rows above `first` stay zero).
        var y = [Double](repeating: 0, count: n * width)
        y.withUnsafeMutableBufferPointer { yb in
            let y = yb.baseAddress!
            for i in first..<n {
                let row = y + i * width
                if i < first + width { row[i - first] = 1 }
                let li = l + i * n
                for k in first..<i {
                    let c = li[k]
                    if c == 0 { continue }
                    let yk = y + k * width
                    for c2 in 0..<width { row[c2] -= c * yk[c2] }
                }
                let d = li[i]
                for c2 in 0..<width { row[c2] /= d }
            }
            // Back substitution Lᵀ·X = Y, column-oriented on rows of L.
            for i in stride(from: n - 1, through: 0, by: -1) {
                let row = y + i * width
                let li = l + i * n
                let d = li[i]
                for c2 in 0..<width { row[c2] /= d }
                for k in 0..<i {
                    let c = li[k]
                    if c == 0 { continue }
                    let yk = y + k * width
                    for c2 in 0..<width { yk[c2] -= c * row[c2] }
                }
            }
            for i in 0..<n {
                for c2 in 0..<width { out[i * n + first + c2] = y[i * width + c2] }
            }
        }
    }
}
