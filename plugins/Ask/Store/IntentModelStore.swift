import OpsKit

/// An intent model as a workspace dataset of weights.
///
/// Columns `kind, term, value`, then one weight column per intent (named by
/// the intent). Rows of kind `setting` hold `temperature`, `threshold` and `c`
/// in `value`; the row of kind `bias` holds the intercepts; rows of kind
/// `word` and `char` hold one feature each: its term, its idf in `value` and
/// its weight for every intent.
enum IntentModelStore {
    static let fixedColumns = ["kind", "term", "value"]

    static func dataset(_ model: IntentClassifier) throws -> Dataset {
        if let clash = model.labels.first(where: fixedColumns.contains) {
            throw OpsError(AskText.intentNameClash(clash), hint: AskText.intentNameClashHint)
        }
        let k = model.labels.count
        let word = model.featurizer.word, char = model.featurizer.char
        let settings: [(String, Double)] = [("temperature", model.temperature), ("threshold", model.threshold), ("c", model.c)]
        let rows = settings.count + 1 + word.terms.count + char.terms.count
        var kind: [String] = [], term: [String] = [], value: [Double] = []
        kind.reserveCapacity(rows); term.reserveCapacity(rows); value.reserveCapacity(rows)
        for (name, v) in settings { kind.append(Kind.setting); term.append(name); value.append(v) }
        kind.append(Kind.bias); term.append(""); value.append(0)
        for (t, idf) in zip(word.terms, word.idf) { kind.append(Kind.word); term.append(t); value.append(idf) }
        for (t, idf) in zip(char.terms, char.idf) { kind.append(Kind.char); term.append(t); value.append(idf) }
        let firstFeatureRow = settings.count + 1
        var columns = [Column(name: "kind", strings: kind), Column(name: "term", strings: term), Column(name: "value", doubles: value)]
        for j in 0..<k {
            var weights = [Double](repeating: 0, count: rows)
            weights[settings.count] = model.bias[j]
            for f in 0..<(word.terms.count + char.terms.count) { weights[firstFeatureRow + f] = model.weights[f * k + j] }
            columns.append(Column(name: model.labels[j], doubles: weights))
        }
        return try Dataset(columns: columns)
    }

    /// The model stored as `name` (cached while the dataset is unchanged).
    static func load(_ name: String, from context: CommandContext) throws -> IntentClassifier {
        let dataset = try context.dataset(name)
        return try cache.value(for: name, dataset: dataset) { try model(from: dataset, name: name) }
    }

    static func model(from dataset: Dataset, name: String) throws -> IntentClassifier {
        let invalid = OpsError(AskText.notAModel(name), hint: AskText.modelHint)
        guard dataset.columns.count > 3, Array(dataset.columnNames.prefix(3)) == fixedColumns,
            case .strings(let kind) = dataset.columns[0].values, case .strings(let term) = dataset.columns[1].values,
            case .doubles(let value) = dataset.columns[2].values
        else { throw invalid }
        let labelColumns = Array(dataset.columns.dropFirst(3))
        var weightColumns: [[Double]] = []
        for column in labelColumns {
            guard case .doubles(let w) = column.values else { throw invalid }
            weightColumns.append(w)
        }
        var settings: [String: Double] = [:]
        var biasRow: Int?
        var wordRows: [Int] = [], charRows: [Int] = []
        for row in 0..<dataset.rowCount {
            switch kind[row] {
            case Kind.setting: settings[term[row]] = value[row]
            case Kind.bias: biasRow = row
            case Kind.word: wordRows.append(row)
            case Kind.char: charRows.append(row)
            default: throw invalid
            }
        }
        guard let biasRow, let temperature = settings["temperature"], temperature > 0,
            let word = TFIDFVectorizer(terms: wordRows.map { term[$0] }, idf: wordRows.map { value[$0] }, options: IntentFeaturizer.wordOptions),
            let char = TFIDFVectorizer(terms: charRows.map { term[$0] }, idf: charRows.map { value[$0] }, options: IntentFeaturizer.charOptions)
        else { throw invalid }
        let k = labelColumns.count
        let featureRows = wordRows + charRows
        var weights = [Double](repeating: 0, count: featureRows.count * k)
        for (j, column) in weightColumns.enumerated() {
            for (f, row) in featureRows.enumerated() { weights[f * k + j] = column[row] }
        }
        return IntentClassifier(
            labels: labelColumns.map(\.name), featurizer: IntentFeaturizer(word: word, char: char), weights: weights,
            bias: weightColumns.map { $0[biasRow] }, temperature: temperature,
            threshold: settings["threshold"] ?? IntentClassifier.defaultThreshold, c: settings["c"] ?? .nan)
    }

    enum Kind {
        static let setting = "setting", bias = "bias", word = "word", char = "char"
    }

    private static let cache = DatasetCache<IntentClassifier>()
}
