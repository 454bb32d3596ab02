import OpsKit

/// Text → TF-IDF features for the intent classifier: word unigrams and
/// bigrams (OpsKit's ``TextTokenizer``: Latin words, CJK characters) and
/// character 2–4-grams within words (scikit-learn's `char_wb`), each block
/// sublinear TF-IDF with unit length, concatenated and scaled by 1/√2.
struct IntentFeaturizer: Sendable {
    static let wordOptions = TFIDFVectorizer.Options(sublinearTF: true)
    static let charOptions = TFIDFVectorizer.Options(sublinearTF: true, minDocumentFrequency: 2)
    static let charRange = 2...4
    private static let tokenizer = TextTokenizer(cjkUnigrams: true, cjkBigrams: false)
    private static let blockScale = 1 / 2.0.squareRoot()

    let word: TFIDFVectorizer
    let char: TFIDFVectorizer

    init(word: TFIDFVectorizer, char: TFIDFVectorizer) {
        self.word = word
        self.char = char
    }

    init(fitting texts: [String]) {
        word = TFIDFVectorizer(fitting: texts.map(Self.wordTerms), options: Self.wordOptions)
        char = TFIDFVectorizer(fitting: texts.map(Self.charTerms), options: Self.charOptions)
    }

    var featureCount: Int { word.terms.count + char.terms.count }

    /// The feature vector of one text, columns ascending.
    func features(_ text: String) -> [(column: Int32, value: Double)] {
        let offset = Int32(word.terms.count)
        var entries = word.weights(Self.wordTerms(text))
        for (column, value) in char.weights(Self.charTerms(text)) { entries.append((column + offset, value)) }
        for i in entries.indices { entries[i].value *= Self.blockScale }
        return entries
    }

    /// The feature matrix of many texts (one row each).
    func matrix(_ texts: [String]) -> SparseMatrix {
        var matrix = SparseMatrix(columnCount: featureCount)
        for text in texts { matrix.appendRow(features(text)) }
        return matrix
    }

    /// The share of the text's word weight that the model has seen: the sum of
    /// the idf of its known words over the sum for all its words, a word never
    /// seen in training counting with the largest idf of the vocabulary (that
    /// of a word seen once). 0 for a text without words. Out-of-scope questions
    /// tend to be made of words the training utterances never used: with a
    /// model only, the hand-off confidence is the best probability times this
    /// share (on CLINC150 it separates out-of-scope questions better than the
    /// probability alone: AUROC 0.962 against 0.954 with scikit-learn's model).
    func knownShare(_ text: String) -> Double {
        let unseen = word.idf.max() ?? 1
        var known = 0.0, total = 0.0
        for token in Self.tokenizer.tokens(text) {
            if let column = word.termIndex[token] {
                known += word.idf[Int(column)]
                total += word.idf[Int(column)]
            } else {
                total += unseen
            }
        }
        return total > 0 ? known / total : 0
    }

    /// Word unigrams then bigrams (`card arrival`) in reading order.
    static func wordTerms(_ text: String) -> [String] {
        let tokens = tokenizer.tokens(text)
        guard tokens.count > 1 else { return tokens }
        var terms = tokens
        for i in 1..<tokens.count { terms.append(tokens[i - 1] + " " + tokens[i]) }
        return terms
    }

    /// Character n-grams of each whitespace-separated word padded with spaces,
    /// exactly as scikit-learn's `analyzer="char_wb"` (lower-cased text).
    static func charTerms(_ text: String) -> [String] {
        var terms: [String] = []
        for word in text.lowercased().split(whereSeparator: { $0.isWhitespace }) {
            var padded: [Unicode.Scalar] = [" "]
            padded.append(contentsOf: word.unicodeScalars)
            padded.append(" ")
            for n in charRange {
                var offset = 0
                terms.append(gram(padded, offset, n))
                while offset + n < padded.count {
                    offset += 1
                    terms.append(gram(padded, offset, n))
                }
                if offset == 0 { break }
            }
        }
        return terms
    }

    private static func gram(_ scalars: [Unicode.Scalar], _ offset: Int, _ n: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[offset..<min(offset + n, scalars.count)])
        return String(view)
    }
}
