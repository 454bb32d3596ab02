import Foundation

/// Dense symmetric positive-definite matrices: Cholesky factorisation and inverse,
/// row-major on contiguous buffers, blocked, SIMD and run on all cores.
public enum SymmetricInverse {
    /// Thrown when the matrix is not positive definite (a pivot ≤ 0 at `row`).
    public struct NotPositiveDefinite: Error, Sendable { public let row: Int }

    /// Rows per register block of the dot-product kernel.
    static let tile = 4
    /// Columns per panel of the blocked Cholesky factorisation.
    static let panel = 128

    /// Replaces `a` (n × n, row-major, symmetric positive definite) by its inverse.
    ///
    /// Three steps, each made of dot products of contiguous rows (``dots4x4``):
    /// `A = L·Lᵀ` by a right-looking blocked Cholesky (the trailing update in
    /// parallel over row tiles); `U = L⁻ᵀ` row by row, `U[j][i] = (δᵢⱼ − Σ_{k<i}
    /// L[i][k]·U[j][k]) / L[i][i]`, blocks of four rows in parallel; then
    /// `A⁻¹[i][j] = Σ_{k ≥ max(i,j)} U[i][k]·U[j][k]`. About n³ multiply-adds
    /// (n³/3 each); memory 2 · 8n² bytes. `isCancelled` is polled between blocks.
    public static func invert(_ a: inout [Double], n: Int, isCancelled: () -> Bool = { false }) throws {
        precondition(a.count == n * n)
        try cholesky(&a, n: n, isCancelled: isCancelled)
        if isCancelled() { throw CancellationError() }
        var u = [Double](repeating: 0, count: n * n)
        let blocks = (n + tile - 1) / tile
        try a.withUnsafeMutableBufferPointer { ab in
            try u.withUnsafeMutableBufferPointer { ub in
                let l = UnsafePointer(ab.baseAddress!), up = ub.baseAddress!
                // Row block j costs ~(n − j)²: the first blocks go first, so the cores finish together.
                try parallelBlocks(blocks, isCancelled: isCancelled) { slot in
                    invertTransposedBlock(l, n: n, rows: slot * tile, into: up)
                }
                let out = ab.baseAddress!, uc = UnsafePointer(up)
                try parallelBlocks(blocks, isCancelled: isCancelled) { slot in
                    gramBlockRow(uc, n: n, rows: slot * tile, into: out)
                }
            }
        }
    }

    /// In-place lower Cholesky factor (the upper triangle is zeroed).
    public static func cholesky(_ a: inout [Double], n: Int, isCancelled: () -> Bool = { false }) throws {
        try a.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!
            var k0 = 0
            while k0 < n {
                if isCancelled() { throw CancellationError() }
                let k1 = min(n, k0 + panel)
                try factorDiagonalBlock(p, n: n, k0: k0, k1: k1)
                // Panel below the block: rows k1..<n, columns k0..<k1, four rows at a time.
                let tiles = (n - k1 + tile - 1) / tile
                DispatchQueue.concurrentPerform(iterations: tiles) { t in
                    solvePanelRows(p, n: n, k0: k0, k1: k1, rows: k1 + t * tile)
                }
                // Trailing update A[i][j] −= Σ_{k0 ≤ k < k1} L[i][k]·L[j][k] for k1 ≤ j ≤ i.
                DispatchQueue.concurrentPerform(iterations: tiles) { t in
                    let i0 = k1 + (tiles - 1 - t) * tile  // longest rows first
                    var j0 = k1
                    while j0 <= i0 {
                        var s = Dots()
                        dots4x4(p + i0 * n + k0, p + j0 * n + k0, stride: n, count: k1 - k0, rowsA: min(tile, n - i0),
                                rowsB: min(tile, n - j0), into: &s)
                        for r in 0..<min(tile, n - i0) {
                            for c in 0..<min(tile, n - j0) where j0 + c <= i0 + r { p[(i0 + r) * n + j0 + c] -= s[r, c] }
                        }
                        j0 += tile
                    }
                }
                k0 = k1
            }
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { p[i * n + j] = 0 } }
        }
    }

    /// Unblocked Cholesky of the diagonal block `k0..<k1` (its trailing updates are done).
    private static func factorDiagonalBlock(_ p: UnsafeMutablePointer<Double>, n: Int, k0: Int, k1: Int) throws {
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
    }

    /// `L[i][j] = (A[i][j] − Σ_{k0 ≤ k < j} L[i][k]·L[j][k]) / L[j][j]` for up to four rows from `rows`.
    private static func solvePanelRows(_ p: UnsafeMutablePointer<Double>, n: Int, k0: Int, k1: Int, rows: Int) {
        let count = min(tile, n - rows)
        for j in k0..<k1 {
            let lj = p + j * n + k0
            let d = p[j * n + j]
            for r in 0..<count {
                let li = p + (rows + r) * n
                li[j] = (li[j] - dot(li + k0, lj, count: j - k0)) / d
            }
        }
    }

    /// Rows `rows..<rows+4` of `U = L⁻ᵀ` (upper triangular), written into `u`.
    private static func invertTransposedBlock(_ l: UnsafePointer<Double>, n: Int, rows j0: Int, into u: UnsafeMutablePointer<Double>) {
        let height = min(tile, n - j0)
        var i0 = j0
        while i0 < n {
            let width = min(tile, n - i0)
            var s = Dots()
            // Σ over k < i0 (the finished part of the U rows), U[j][k] = 0 for k < j.
            dots4x4(l + i0 * n + j0, u + j0 * n + j0, stride: n, count: i0 - j0, rowsA: width, rowsB: height, into: &s)
            for r in 0..<width {
                let i = i0 + r
                let li = l + i * n
                for c in 0..<height {
                    let uj = u + (j0 + c) * n
                    var sum = s[r, c]
                    for k in i0..<i { sum += li[k] * uj[k] }
                    uj[i] = ((i == j0 + c ? 1 : 0) - sum) / li[i]
                }
            }
            i0 += tile
        }
    }

    /// Rows `rows..<rows+4` of `U·Uᵀ` on and left of the diagonal, mirrored above it.
    private static func gramBlockRow(_ u: UnsafePointer<Double>, n: Int, rows i0: Int, into out: UnsafeMutablePointer<Double>) {
        let height = min(tile, n - i0)
        var j0 = 0
        while j0 <= i0 {
            var s = Dots()
            // Σ_{k ≥ i0}: U[i][k] = 0 for k < i, so starting at the block's first row is exact.
            dots4x4(u + i0 * n + i0, u + j0 * n + i0, stride: n, count: n - i0, rowsA: height, rowsB: min(tile, n - j0), into: &s)
            for r in 0..<height {
                for c in 0..<min(tile, n - j0) {
                    out[(i0 + r) * n + j0 + c] = s[r, c]
                    out[(j0 + c) * n + i0 + r] = s[r, c]
                }
            }
            j0 += tile
        }
    }

    /// Runs `body(slot)` for `count` slots on all cores, polling `isCancelled` before each.
    private static func parallelBlocks(_ count: Int, isCancelled: () -> Bool, _ body: (Int) -> Void) throws {
        let lock = NSLock()
        var cancelled = false
        DispatchQueue.concurrentPerform(iterations: count) { slot in
            lock.lock()
            let stop = cancelled || isCancelled()
            if stop { cancelled = true }
            lock.unlock()
            if !stop { body(slot) }
        }
        if cancelled { throw CancellationError() }
    }

    /// 4 × 4 dot products, row-major.
    struct Dots {
        var v = SIMD16<Double>.zero
        subscript(r: Int, c: Int) -> Double { v[r * 4 + c] }
    }

    /// `s[r, c] = Σ_{k < count} a[r·stride + k] · b[c·stride + k]` for r < rowsA, c < rowsB
    /// (rows of `a` and `b` `stride` apart); two lanes per row pair, sixteen accumulators.
    @inline(__always)
    static func dots4x4(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, stride: Int, count: Int, rowsA: Int, rowsB: Int,
        into s: inout Dots
    ) {
        guard count > 0 else { return }
        if rowsA < tile || rowsB < tile {
            for r in 0..<rowsA { for c in 0..<rowsB { s.v[r * 4 + c] = dot(a + r * stride, b + c * stride, count: count) } }
            return
        }
        let a0 = a, a1 = a + stride, a2 = a + 2 * stride, a3 = a + 3 * stride
        let b0 = b, b1 = b + stride, b2 = b + 2 * stride, b3 = b + 3 * stride
        var c00 = SIMD2<Double>.zero, c01 = SIMD2<Double>.zero, c02 = SIMD2<Double>.zero, c03 = SIMD2<Double>.zero
        var c10 = SIMD2<Double>.zero, c11 = SIMD2<Double>.zero, c12 = SIMD2<Double>.zero, c13 = SIMD2<Double>.zero
        var c20 = SIMD2<Double>.zero, c21 = SIMD2<Double>.zero, c22 = SIMD2<Double>.zero, c23 = SIMD2<Double>.zero
        var c30 = SIMD2<Double>.zero, c31 = SIMD2<Double>.zero, c32 = SIMD2<Double>.zero, c33 = SIMD2<Double>.zero
        var k = 0
        while k + 2 <= count {
            let x0 = load2(a0 + k), x1 = load2(a1 + k), x2 = load2(a2 + k), x3 = load2(a3 + k)
            let y0 = load2(b0 + k), y1 = load2(b1 + k), y2 = load2(b2 + k), y3 = load2(b3 + k)
            c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3
            c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3
            c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3
            c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3
            k += 2
        }
        var t = SIMD16(
            c00.sum(), c01.sum(), c02.sum(), c03.sum(), c10.sum(), c11.sum(), c12.sum(), c13.sum(),
            c20.sum(), c21.sum(), c22.sum(), c23.sum(), c30.sum(), c31.sum(), c32.sum(), c33.sum())
        if k < count {
            let y = SIMD4(b0[k], b1[k], b2[k], b3[k])
            t.lowHalf.lowHalf += a0[k] * y
            t.lowHalf.highHalf += a1[k] * y
            t.highHalf.lowHalf += a2[k] * y
            t.highHalf.highHalf += a3[k] * y
        }
        s.v = t
    }

    @inline(__always)
    private static func load2(_ p: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// `Σ_{k < count} a[k]·b[k]` with four independent lanes.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var acc0 = SIMD2<Double>.zero, acc1 = SIMD2<Double>.zero
        var k = 0
        while k + 4 <= count {
            acc0 += load2(a + k) * load2(b + k)
            acc1 += load2(a + k + 2) * load2(b + k + 2)
            k += 4
        }
        var s = (acc0 + acc1).sum()
        while k < count { s += a[k] * b[k]; k += 1 }
        return s
    }
}
