import OpsKit

/// TF-IDF vectors of a catalogue's text column, one row per distinct item id.
///
/// Items whose text is empty or missing (no terms) keep an empty row and are
/// counted in ``skippedItems``; repeated ids keep their first row.
struct ContentIndex {
    let ids: IDTable
    /// Text per item row (empty when missing).
    let texts: [String]
    let vectorizer: TFIDFVectorizer
    /// Rows = items in ``ids`` order, l2-normalised TF-IDF.
    let vectors: SparseMatrix
    let skippedItems: Int
    let duplicateRows: Int

    static let tokenizer = TextTokenizer()

    /// `idOption` names the option that chose the id column, for errors (`--id`, `--catalog-id`).
    init(
        dataset: Dataset, idColumn: String, textColumn: String, options: TFIDFVectorizer.Options,
        idOption: String = "--id"
    ) throws {
        let idCol = try dataset.column(idColumn, option: idOption)
        let textCol = try dataset.column(textColumn, option: "--text")
        let (table, codes) = IDTable.encode(idCol)
        let rawTexts = textCol.stringValues()
        var texts = [String](repeating: "", count: table.count)
        var filled = [Bool](repeating: false, count: table.count)
        var duplicates = 0
        for row in 0..<dataset.rowCount where codes[row] >= 0 {
            let i = Int(codes[row])
            if filled[i] { duplicates += 1; continue }
            filled[i] = true
            texts[i] = rawTexts[row] ?? ""
        }
        let documents = texts.map { Self.tokenizer.tokens($0) }
        let vectorizer = TFIDFVectorizer(fitting: documents.filter { !$0.isEmpty }, options: options)
        self.ids = table
        self.texts = texts
        self.vectorizer = vectorizer
        self.vectors = vectorizer.transform(documents)
        self.skippedItems = documents.reduce(0) { $0 + ($1.isEmpty ? 1 : 0) }
        self.duplicateRows = duplicates
        guard skippedItems < table.count else { throw Strings.noText(column: textColumn) }
    }

    /// Whether item `i` has any terms.
    func hasText(_ i: Int) -> Bool { !vectors.range(ofRow: i).isEmpty }

    /// The normalised sum of the vectors of `items` (a basket), as a one-row matrix.
    func query(_ items: [Int]) -> SparseMatrix {
        var entries: [(column: Int32, value: Double)] = []
        for i in items { for p in vectors.range(ofRow: i) { entries.append((vectors.columns[p], vectors.values[p])) } }
        var matrix = SparseMatrix(columnCount: vectors.columnCount)
        matrix.appendRow(entries)
        matrix.normalizeRows()
        return matrix
    }

    /// The vectors re-indexed to another id space (e.g. the items of an
    /// interaction log): row `j` is the vector of `ids[j]`, empty when unknown.
    func vectors(for ids: [String]) -> SparseMatrix {
        var rowStart = [0], columns: [Int32] = [], values: [Double] = []
        for id in ids {
            if let i = self.ids.lookup(id) {
                for p in vectors.range(ofRow: Int(i)) {
                    columns.append(vectors.columns[p])
                    values.append(vectors.values[p])
                }
            }
            rowStart.append(columns.count)
        }
        return SparseMatrix(
            rowCount: ids.count, columnCount: vectors.columnCount, rowStart: rowStart, columns: columns, values: values)
    }
}
