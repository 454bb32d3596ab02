import OpsKit
import Testing

/// The shared sparse top-k product against a brute-force dense computation.
@Suite struct SparseTopKTests {
    /// A random sparse matrix with about `density` of its entries set.
    func randomMatrix(rows: Int, columns: Int, density: Double, seed: UInt64) -> SparseMatrix {
        var random = SeededGenerator(seed: seed)
        var matrix = SparseMatrix(columnCount: columns)
        for _ in 0..<rows {
            var entries: [(column: Int32, value: Double)] = []
            for c in 0..<columns where random.nextUnit() < density {
                entries.append((Int32(c), Double(1 + random.nextIndex(4))))
            }
            matrix.appendRow(entries)
        }
        return matrix
    }

    /// Dense `a × b` entry (r, c).
    func dense(_ a: SparseMatrix, _ b: SparseMatrix, _ r: Int, _ c: Int) -> Double {
        a.range(ofRow: r).reduce(0.0) { $0 + a.values[$1] * b.value(row: Int(a.columns[$1]), column: Int32(c)) }
    }

    @Test func matchesBruteForceWithTiesBrokenByColumn() throws {
        let a = randomMatrix(rows: 300, columns: 40, density: 0.1, seed: 1)
        let b = a.transposed()
        let top = try SparseTopK.product(a, b, k: 7, exclude: .diagonal)
        for r in 0..<a.rowCount {
            var expected: [(Int32, Double)] = []
            for c in 0..<a.rowCount where c != r {
                let v = dense(a, b, r, c)
                if v > 0 { expected.append((Int32(c), v)) }
            }
            expected.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let got = top.row(r)
            #expect(got.count == min(7, expected.count))
            for (g, e) in zip(got, expected) {
                #expect(g.column == e.0)
                #expect(abs(g.score - e.1) < 1e-12)
            }
        }
    }

    @Test func cosineWithShrinkageAndSelectedRows() throws {
        // Items × users: item 0 = (1,1,0), item 1 = (1,1,1), item 2 = (0,0,1).
        let items = SparseMatrix(
            rowCount: 3, columnCount: 3, rowStart: [0, 2, 5, 6], columns: [0, 1, 0, 1, 2, 2], values: [1, 1, 1, 1, 1, 1])
        let norms = SparseTopK.rowNorms(items)
        let top = try SparseTopK.product(
            items, items.transposed(), k: 2, rows: [1, 0], exclude: .diagonal,
            cosine: .init(rowNorms: norms, columnNorms: norms, shrink: 1))
        // sim(1,0) = 2 / (√3·√2 + 1); sim(1,2) = 1 / (√3·1 + 1).
        #expect(top.row(0).map(\.column) == [0, 2])
        #expect(abs(top.row(0)[0].score - 2 / (3.0.squareRoot() * 2.0.squareRoot() + 1)) < 1e-12)
        #expect(abs(top.row(0)[1].score - 1 / (3.0.squareRoot() + 1)) < 1e-12)
        #expect(top.row(1).map(\.column) == [1])
        let neighbours = top.matrix()
        #expect(neighbours.columns == [0, 2, 1])
    }

    @Test func excludesTheLeftRowsColumns() throws {
        // User 0 has items 0 and 1; S: 0→{1: .9, 2: .5}, 1→{2: .4, 3: .3}.
        let user = SparseMatrix(rowCount: 1, columnCount: 4, rowStart: [0, 2], columns: [0, 1], values: [1, 2])
        let s = SparseMatrix(
            rowCount: 4, columnCount: 4, rowStart: [0, 2, 4, 4, 4], columns: [1, 2, 2, 3], values: [0.9, 0.5, 0.4, 0.3])
        let top = try SparseTopK.product(user, s, k: 5, exclude: .leftRowColumns)
        #expect(top.row(0).map(\.column) == [2, 3])
        #expect(abs(top.row(0)[0].score - 1.3) < 1e-12)
        #expect(abs(top.row(0)[1].score - 0.6) < 1e-12)
    }

    @Test func stopsWhenCancelled() {
        let a = randomMatrix(rows: 50, columns: 10, density: 0.3, seed: 2)
        #expect(throws: CommandCancelled.self) {
            try SparseTopK.product(a, a.transposed(), k: 3, isCancelled: { true })
        }
    }
}
