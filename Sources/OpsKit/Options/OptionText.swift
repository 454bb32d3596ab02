/// The option vocabulary's messages, in both interface languages.
enum OptionText {
    static func outOfRange(_ option: String, _ range: String, got: String) -> String {
        L("\(option) must be \(range) (got \(got))", "\(option) 必须\(range)（实际为 \(got)）")
    }

    /// `--k expects auto or a whole number (got 'x')`; `special` are the words accepted besides (`auto`, `none`).
    static func notA(_ kind: ValueSpec.Kind, _ text: String, option: String, special: [String]) -> String {
        let words = special + [kindName(kind)]
        let expected =
            words.count == 1
            ? words[0]
            : words.dropLast().joined(separator: L(", ", "、")) + L(" or ", " 或") + words[words.count - 1]
        // Chinese sets Latin words apart from Han characters by a space: "需要 auto、none 或整数".
        let gap = expected.first.map { $0.isASCII } == true ? " " : ""
        return L("\(option) expects \(expected) (got '\(text)')", "\(option) 需要\(gap)\(expected)（实际为 '\(text)'）")
    }

    /// `LOW-HIGH` with an end outside the allowed numbers.
    static func endsOutOfRange(_ option: String, _ range: String, got: String) -> String {
        L("both ends of \(option) must be \(range) (got \(got))", "\(option) 的两端都必须\(range)（实际为 \(got)）")
    }

    /// `LOW-HIGH` written high to low.
    static func reversedRange(_ option: String, got: String) -> String {
        L("\(option) must go from low to high (got \(got))", "\(option) 必须从小到大书写（实际为 \(got)）")
    }

    /// ", each end between 2 and 100000": the bounds of both ends of a `LOW-HIGH` range.
    static func rangeEnds(_ range: String) -> String { L(", each end \(range)", "，两端均\(range)") }

    static func kindName(_ kind: ValueSpec.Kind) -> String {
        switch kind {
        case .integer: return L("a whole number", "整数")
        case .number: return L("a number", "数值")
        case .duration: return L("a duration such as 500ms, 5s or 2m", "时长，如 500ms、5s 或 2m")
        case .choice: return L("one of the listed values", "所列取值之一")
        case .text: return L("a text", "文本")
        case .integerRange: return L("a range LOW-HIGH such as 2-10", "形如 2-10 的范围（低-高）")
        case .date: return L("a date such as 2026-01-31", "日期，如 2026-01-31")
        }
    }

    static func unknownValue(_ text: String, option: String, suggestion: String?) -> String {
        let close = suggestion.map { L(" — did you mean '\($0)'?", "——是不是要输入 '\($0)'？") } ?? ""
        return L("unknown value '\(text)' for \(option)", "\(option) 不接受取值 '\(text)'") + close
    }

    static func valuesHint(_ values: [String]) -> String {
        L("values: ", "可选值：") + values.joined(separator: ", ")
    }

    /// What an option accepts, for hints: `accepted: auto | a whole number …`, `give a | b, separated by commas`,
    /// `accepted: auto | none, or values separated by commas, each a whole number …`; nil when anything goes.
    static func accepts(special: [String], values: String?, list: Bool) -> String? {
        guard let values, list else {
            let all = special + (values.map { [$0] } ?? [])
            return all.isEmpty ? nil : L("accepted: ", "可接受：") + all.joined(separator: " | ")
        }
        if special.isEmpty { return L("give \(values), separated by commas", "给出\(values)，以逗号分隔") }
        let words = special.joined(separator: " | ")
        return L("accepted: \(words), or values separated by commas, each \(values)", "可接受：\(words)，或以逗号分隔的若干个值（\(values)）")
    }

    static func notKeyed(_ text: String, option: String) -> String {
        L("\(option): '\(text)' is not NAME=VALUE", "\(option)：'\(text)' 不是 名称=值 的形式")
    }

    static func emptyList(_ option: String) -> String { L("\(option) is empty", "\(option) 为空") }

    static func missingValue(_ option: String) -> String { L("\(option) needs a value", "\(option) 需要一个值") }

    static func exclusive(_ names: [String]) -> String {
        L("\(names.joined(separator: ", ")) cannot be used together", "\(names.joined(separator: "、")) 不能同时使用")
    }

    static var exclusiveHint: String { L("keep one of them", "只保留其中一个") }

    static func together(_ names: [String], missing: String) -> String {
        L("\(names.joined(separator: " and ")) go together: \(missing) is missing", "\(names.joined(separator: " 与 ")) 需同时给出：缺少 \(missing)")
    }

    static func requires(_ option: String, _ other: String) -> String {
        L("\(option) needs \(other)", "\(option) 需要同时给出 \(other)")
    }

    static func requiresHint(_ other: String) -> String { L("add \(other) VALUE", "加上 \(other) 值") }

    static func oneOf(_ names: [String]) -> String {
        L("give one of \(names.joined(separator: ", "))", "请给出 \(names.joined(separator: "、")) 之一")
    }
}
