import OpsKit

/// Phone numbers and order ids found in a question.
///
/// Phone numbers: a mainland mobile number (11 digits starting with 1, with
/// or without +86 and separators), a number written with `+`, or a dashed
/// number of 10–12 digits. Other runs of 4–10 digits are order-id candidates.
struct Entities: Sendable, Equatable {
    var phones: [String] = []
    var numbers: [Int64] = []

    init(in question: String) {
        var text = question
        for range in PhoneMasker.maskedNumbers(in: question).reversed() {  // masked earlier: a replayed transcript
            phones.insert(String(question[range]), at: 0)
            text.replaceSubrange(range, with: " ")
        }
        for run in Self.digitRuns(text) {
            if run.isPhone {
                phones.append(run.text)
            } else {
                numbers += run.groups.filter { (4...10).contains($0.count) }.compactMap { Int64($0) }
            }
        }
    }

    /// The text with every phone number masked (`138****5678`), for logs and datasets: OpsKit's ``PhoneMasker``.
    static func masked(_ text: String) -> String { PhoneMasker.masked(text) }

    /// Keeps the first three and last four digits (two when shorter than 11).
    static func mask(_ digits: String) -> String { PhoneMasker.maskDigits(digits) }

    private struct DigitRun {
        let range: Range<String.Index>
        let text: String
        /// Digit groups between separators.
        let groups: [String]
        let dashed: Bool
        let plus: Bool

        /// A mobile number (11 digits from 1, optionally after 86), or a number
        /// written with `+` (8+ digits) or dashes (10–12 digits, e.g. 021-12345678).
        var isPhone: Bool {
            let digits = groups.joined()
            let national = digits.hasPrefix("86") && digits.count == 13 ? String(digits.dropFirst(2)) : digits
            if national.count == 11, national.first == "1" { return true }
            return (plus && digits.count >= 8) || (dashed && (10...12).contains(digits.count))
        }
    }

    /// Runs of ASCII digits, with an optional leading `+`; a group of 2–4 digits
    /// followed by a space or dash continues the run (`138 1234 5678`).
    private static func digitRuns(_ text: String) -> [DigitRun] {
        var runs: [DigitRun] = []
        var i = text.startIndex
        while i < text.endIndex {
            let startsPlus = text[i] == "+" && text.index(after: i) < text.endIndex && text[text.index(after: i)].isASCIIDigit
            guard text[i].isASCIIDigit || startsPlus else { i = text.index(after: i); continue }
            if i > text.startIndex, text[text.index(before: i)].isLetter, !TextScript.isMostlyCJK(String(text[text.index(before: i)])) {
                // a digit glued to a Latin word (A320, mp3) is not a number entity
                while i < text.endIndex, text[i].isASCIIDigit || text[i].isLetter { i = text.index(after: i) }
                continue
            }
            let start = i
            if startsPlus { i = text.index(after: i) }
            var groups = [""], dashed = false, end = i
            while i < text.endIndex {
                if text[i].isASCIIDigit {
                    groups[groups.count - 1].append(text[i]); i = text.index(after: i); end = i
                } else if text[i] == " " || text[i] == "-", text.index(after: i) < text.endIndex,
                    text[text.index(after: i)].isASCIIDigit, (2...4).contains(groups[groups.count - 1].count)
                {
                    if text[i] == "-" { dashed = true }
                    groups.append(""); i = text.index(after: i)
                } else {
                    break
                }
            }
            runs.append(DigitRun(range: start..<end, text: String(text[start..<end]), groups: groups, dashed: dashed, plus: startsPlus))
            i = end
        }
        return runs
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
