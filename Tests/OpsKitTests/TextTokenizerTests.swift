import Testing

@testable import OpsKit

@Suite struct TextTokenizerTests {
    @Test func splitsMixedChineseAndEnglish() {
        let tokens = TextTokenizer().tokens("智能手机,大屏幕 iPhone15 Pro；高性能")
        #expect(tokens == [
            "智", "能", "手", "机", "智能", "能手", "手机",
            "大", "屏", "幕", "大屏", "屏幕",
            "iphone15", "pro",
            "高", "性", "能", "高性", "性能",
        ])
    }

    @Test func punctuationAndEmojiSeparate() {
        #expect(TextTokenizer().tokens("退货、换货，😀 OK!") == ["退", "货", "退货", "换", "货", "换货", "ok"])
        #expect(TextTokenizer(cjkUnigrams: false).tokens("快递") == ["快递"])
        #expect(TextTokenizer(cjkUnigrams: false).tokens("快") == ["快"])
    }

    @Test func tfidfMatchesHandComputedValues() {
        // Two documents: "a b" and "a"; smooth idf: idf(a) = ln(3/3)+1 = 1, idf(b) = ln(3/2)+1.
        let model = TFIDFVectorizer(fitting: [["a", "b"], ["a"]])
        #expect(model.terms == ["a", "b"])
        let matrix = model.transform([["a", "b"], ["a"]])
        let idfB = log(1.5) + 1
        let norm = (1 + idfB * idfB).squareRoot()
        #expect(abs(matrix.value(row: 0, column: 0) - 1 / norm) < 1e-12)
        #expect(abs(matrix.value(row: 0, column: 1) - idfB / norm) < 1e-12)
        #expect(matrix.value(row: 1, column: 0) == 1)
        #expect(matrix.transposed().transposed() == matrix)
    }
}

import Foundation
