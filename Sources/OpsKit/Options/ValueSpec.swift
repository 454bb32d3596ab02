/// What values an option accepts, as data: its kind, range, choices, whether it
/// is a comma list and whether it also takes `auto` or `none`.
///
/// Every type of the option vocabulary (``Bounded``, ``ChoiceOption``,
/// ``CommaList``, ``AutoOr``, ``NoneOr``, ``DurationValue``, ``IntegerRange``) publishes one, so the command
/// descriptor, help, completion, "did you mean" for values and the error
/// messages all come from the declaration. External plugins send the same
/// structure in their signatures, and the workbench checks their values with it.
public struct ValueSpec: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Any text (a name, a column, a path).
        case text
        /// A whole number.
        case integer
        /// A decimal number.
        case number
        /// A span of time: `500ms`, `5s`, `2m`, `1h` or plain seconds.
        case duration
        /// One of ``ValueSpec/choices``.
        case choice
        /// A calendar day, `2026-01-31` (also `2026/1/31`, `2026年1月31日`).
        case date
        /// Two whole numbers `LOW-HIGH` (`2-10`; also `2~10`), the first not above the second,
        /// both within ``ValueSpec/range``.
        case integerRange
    }

    /// One value of a choice, with its help and the other spellings it accepts.
    public struct Choice: Codable, Hashable, Sendable {
        public var value: String
        public var help: Localized?
        public var aliases: [String]

        public init(_ value: String, help: Localized? = nil, aliases: [String] = []) {
            self.value = value
            self.help = help
            self.aliases = aliases
        }

        private enum CodingKeys: String, CodingKey { case value, help, aliases }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                try c.decode(String.self, forKey: .value), help: try c.decodeIfPresent(Localized.self, forKey: .help),
                aliases: try c.decodeIfPresent([String].self, forKey: .aliases) ?? [])
        }
    }

    public var kind: Kind
    /// Allowed numbers (durations in seconds); nil: any.
    public var range: NumericRange?
    public var choices: [Choice]
    /// The value is a comma list (`a,b,c`; the full-width `，` separates too).
    public var isList: Bool
    /// `auto` is accepted besides the values of ``kind`` (for a list: as the whole value).
    public var acceptsAuto: Bool
    /// `none` is accepted besides the values of ``kind`` (for a list: as the whole value).
    public var acceptsNone: Bool
    /// Each value is `NAME=VALUE` (`--types 日期=date`); ``kind`` applies to the part after `=`.
    public var isKeyed: Bool

    public init(
        kind: Kind, range: NumericRange? = nil, choices: [Choice] = [], isList: Bool = false, acceptsAuto: Bool = false,
        acceptsNone: Bool = false, isKeyed: Bool = false
    ) {
        self.kind = kind
        self.range = range
        self.choices = choices
        self.isList = isList
        self.acceptsAuto = acceptsAuto
        self.acceptsNone = acceptsNone
        self.isKeyed = isKeyed
    }

    private enum CodingKeys: String, CodingKey { case kind, range, choices, isList, acceptsAuto, acceptsNone, isKeyed }

    /// Reads a spec, taking absent fields as their defaults (plugins send only what applies).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .text,
            range: try c.decodeIfPresent(NumericRange.self, forKey: .range),
            choices: try c.decodeIfPresent([Choice].self, forKey: .choices) ?? [],
            isList: try c.decodeIfPresent(Bool.self, forKey: .isList) ?? false,
            acceptsAuto: try c.decodeIfPresent(Bool.self, forKey: .acceptsAuto) ?? false,
            acceptsNone: try c.decodeIfPresent(Bool.self, forKey: .acceptsNone) ?? false,
            isKeyed: try c.decodeIfPresent(Bool.self, forKey: .isKeyed) ?? false)
    }

    public static let text = ValueSpec(kind: .text)
    public static let integer = ValueSpec(kind: .integer)
    public static let number = ValueSpec(kind: .number)

    /// The words accepted besides the values of ``kind``: `auto`, `none`.
    public var specialValues: [String] { (acceptsAuto ? ["auto"] : []) + (acceptsNone ? ["none"] : []) }

    /// Every spelling a user may type, for completion: choices (and `auto`, `none`).
    public var completionValues: [String] { specialValues + choices.map(\.value) }

    // MARK: Checking a value

    /// Checks `text` as the value of `option`; throws an ``OpsError`` naming the
    /// option, what was wrong and what would be accepted.
    public func check(_ text: String, option: String) throws {
        let lowered = text.trimmingWhitespace().lowercased()
        if specialValues.contains(lowered) { return }
        if isList {
            let parts = CommaListSyntax.split(text)
            guard !parts.isEmpty else {
                throw OpsError(OptionText.emptyList(option), hint: hint, code: .missingValue, option: option)
            }
            for part in parts { try checkOne(part, option: option) }
        } else {
            try checkOne(text.trimmingWhitespace(), option: option)
        }
    }

    private func checkOne(_ text: String, option: String) throws {
        if isKeyed {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw OpsError(OptionText.notKeyed(text, option: option), hint: hint, code: .invalidValue, option: option)
            }
            var value = self
            value.isKeyed = false
            return try value.checkOne(parts[1], option: option)
        }
        if !isList, specialValues.contains(text.lowercased()) { return }
        switch kind {
        case .text:
            return
        case .choice:
            if choice(matching: text) != nil { return }
            let values = completionValues
            let close = Suggest.closest(to: text, in: values + choices.flatMap(\.aliases), limit: 1).first
            throw OpsError(
                OptionText.unknownValue(text, option: option, suggestion: close), hint: OptionText.valuesHint(values),
                code: .invalidValue, option: option)
        case .integer, .number, .duration:
            guard let value = Self.number(text, kind: kind) else {
                throw OpsError(OptionText.notA(kind, text, option: option, special: specialValues), hint: hint, code: .invalidValue, option: option)
            }
            if let range, !range.contains(value) {
                throw OpsError(
                    OptionText.outOfRange(option, range.text(kind), got: text), hint: hint, code: .outOfRange, option: option)
            }
        case .date:
            guard CivilDate.parseDate(Substring(text)) != nil else {
                throw OpsError(OptionText.notA(kind, text, option: option, special: specialValues), hint: hint, code: .invalidValue, option: option)
            }
        case .integerRange:
            guard let (low, high) = Self.integerRange(text) else {
                throw OpsError(OptionText.notA(kind, text, option: option, special: specialValues), hint: hint, code: .invalidValue, option: option)
            }
            if let range, !range.contains(Double(low)) || !range.contains(Double(high)) {
                throw OpsError(
                    OptionText.endsOutOfRange(option, range.text(.integer), got: text), hint: hint, code: .outOfRange, option: option)
            }
            if low > high { throw OpsError(OptionText.reversedRange(option, got: text), hint: hint, code: .outOfRange, option: option) }
        }
    }

    /// The separators of `LOW-HIGH` (`~` and the full-width `～` as Chinese texts write ranges).
    static let rangeSeparators: Set<Character> = ["-", "~", "～"]

    /// The two ends of `LOW-HIGH`, when both are whole numbers (order and bounds unchecked).
    public static func integerRange(_ text: String) -> (low: Int, high: Int)? {
        let ends = text.split(separator: " ", omittingEmptySubsequences: true).joined()
            .split(omittingEmptySubsequences: false, whereSeparator: { rangeSeparators.contains($0) })
        guard ends.count == 2, let low = Int(ends[0]), let high = Int(ends[1]) else { return nil }
        return (low, high)
    }

    /// The choice `text` names (case-insensitive, aliases included).
    public func choice(matching text: String) -> Choice? {
        let lowered = text.lowercased()
        return choices.first { $0.value.lowercased() == lowered || $0.aliases.contains { $0.lowercased() == lowered } }
    }

    /// The number a text stands for under `kind` (durations in seconds).
    public static func number(_ text: String, kind: Kind) -> Double? {
        switch kind {
        case .integer: return Int(text).map(Double.init)
        case .number: return Double(text).flatMap { $0.isFinite ? $0 : nil }
        case .duration: return DurationValue(argument: text)?.seconds
        case .text, .choice, .date, .integerRange: return nil
        }
    }

    /// A short reminder of what is accepted, for hints.
    public var hint: String? {
        let values = valuesText.map { isKeyed ? L("NAME=", "名称=") + "(\($0))" : $0 }
        return OptionText.accepts(special: specialValues, values: values, list: isList)
    }

    /// The values of ``kind`` in words, with the range: `a whole number between 1 and 10000`,
    /// `a | b | c` for choices; nil for text.
    public var valuesText: String? {
        switch kind {
        case .choice: return choices.map(\.value).joined(separator: " | ")
        case .integer, .number, .duration: return OptionText.kindName(kind) + (range.map { L(" ", "，") + $0.text(kind) } ?? "")
        case .integerRange: return OptionText.kindName(kind) + (range.map { OptionText.rangeEnds($0.text(.integer)) } ?? "")
        case .date: return OptionText.kindName(kind)
        case .text: return nil
        }
    }
}

/// Allowed numbers: a lower and an upper bound, each inclusive or not, either absent.
public struct NumericRange: Codable, Hashable, Sendable {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool

    public init(lower: Double?, lowerInclusive: Bool = true, upper: Double?, upperInclusive: Bool = true) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    private enum CodingKeys: String, CodingKey { case lower, lowerInclusive, upper, upperInclusive }

    /// Reads a range; bounds are inclusive unless said otherwise.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            lower: try c.decodeIfPresent(Double.self, forKey: .lower),
            lowerInclusive: try c.decodeIfPresent(Bool.self, forKey: .lowerInclusive) ?? true,
            upper: try c.decodeIfPresent(Double.self, forKey: .upper),
            upperInclusive: try c.decodeIfPresent(Bool.self, forKey: .upperInclusive) ?? true)
    }

    public func contains(_ value: Double) -> Bool {
        if let lower, lowerInclusive ? value < lower : value <= lower { return false }
        if let upper, upperInclusive ? value > upper : value >= upper { return false }
        return !value.isNaN
    }

    /// "between 1 and 10000", "at least 0", "greater than 0", in the interface language.
    public func text(_ kind: ValueSpec.Kind) -> String {
        let low = lower.map { Self.format($0, kind) }, high = upper.map { Self.format($0, kind) }
        switch (low, high) {
        case let (low?, high?) where lowerInclusive && upperInclusive: return L("between \(low) and \(high)", "在 \(low) 到 \(high) 之间")
        case let (low?, high?): return lowerText(low) + L(" and ", " 且") + upperText(high)
        case let (low?, nil): return lowerText(low)
        case let (nil, high?): return upperText(high)
        case (nil, nil): return L("any number", "任意数")
        }
    }

    private func lowerText(_ low: String) -> String {
        lowerInclusive ? L("at least \(low)", "不小于 \(low)") : L("greater than \(low)", "大于 \(low)")
    }

    private func upperText(_ high: String) -> String {
        upperInclusive ? L("at most \(high)", "不大于 \(high)") : L("less than \(high)", "小于 \(high)")
    }

    static func format(_ value: Double, _ kind: ValueSpec.Kind) -> String {
        if kind == .duration { return DurationValue(seconds: value).description }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
