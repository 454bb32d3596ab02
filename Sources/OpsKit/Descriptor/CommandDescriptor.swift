/// A command described as a value: what the registry, help, completion, the
/// value checks and the dispatcher read, whether the command is Swift
/// in-process (derived from its argument-parser declaration) or lives in
/// another process (sent by the plugin in its signature).
public struct CommandDescriptor: Codable, Hashable, Sendable {
    /// The words that invoke it: `["load"]` or `["segment", "kmeans"]`.
    public var path: [String]
    public var abstract: Localized
    public var discussion: Localized?
    public var arguments: [ArgumentDescriptor]
    public var rules: [OptionRule]
    public var examples: [CommandExample]

    public init(
        path: [String], abstract: Localized, discussion: Localized? = nil, arguments: [ArgumentDescriptor],
        rules: [OptionRule] = [], examples: [CommandExample] = []
    ) {
        self.path = path
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.rules = rules
        self.examples = examples
    }

    private enum CodingKeys: String, CodingKey { case path, abstract, discussion, arguments, rules, examples }

    /// Reads a descriptor (from a plugin's signature); absent optional fields take their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            path: try c.decode([String].self, forKey: .path),
            abstract: try c.decodeIfPresent(Localized.self, forKey: .abstract) ?? Localized(en: "", zh: ""),
            discussion: try c.decodeIfPresent(Localized.self, forKey: .discussion),
            arguments: try c.decodeIfPresent([ArgumentDescriptor].self, forKey: .arguments) ?? [],
            rules: try c.decodeIfPresent([OptionRule].self, forKey: .rules) ?? [],
            examples: try c.decodeIfPresent([CommandExample].self, forKey: .examples) ?? [])
    }

    public var fullName: String { path.joined(separator: " ") }
    /// Every `--long` option name, in declaration order.
    public var optionNames: [String] { arguments.flatMap(\.names).filter { $0.hasPrefix("--") } }
    public var positionals: [ArgumentDescriptor] { arguments.filter { $0.kind == .positional } }
    public func argument(named name: String) -> ArgumentDescriptor? { arguments.first { $0.names.contains(name) } }
}

/// One positional argument, option or flag of a command.
public struct ArgumentDescriptor: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case positional, option, flag
    }

    public var kind: Kind
    /// `["--features"]`, `["-k", "--k"]`; empty for positionals.
    public var names: [String]
    /// What help shows for the value: `<features>`, `<dataset>`.
    public var valueName: String
    public var help: Localized
    public var discussion: Localized?
    /// What values are accepted; nil for flags.
    public var value: ValueSpec?
    /// The default as typed (`auto`, `10`); nil when there is none.
    public var defaultValue: String?
    public var isRequired: Bool
    /// May be given several times (or, for a positional, take several values).
    public var isRepeating: Bool
    /// `--item a b c`: the option takes every value up to the next option.
    public var takesValuesUpToNextOption: Bool
    public var completion: CompletionHint
    /// Left out of help (still accepted).
    public var isHidden: Bool

    public init(
        kind: Kind, names: [String], valueName: String, help: Localized, discussion: Localized? = nil, value: ValueSpec?,
        defaultValue: String? = nil, isRequired: Bool, isRepeating: Bool = false, takesValuesUpToNextOption: Bool = false,
        completion: CompletionHint = .none,
        isHidden: Bool = false
    ) {
        self.kind = kind
        self.names = names
        self.valueName = valueName
        self.help = help
        self.discussion = discussion
        self.value = value
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.isRepeating = isRepeating
        self.takesValuesUpToNextOption = takesValuesUpToNextOption
        self.completion = completion
        self.isHidden = isHidden
    }

    private enum CodingKeys: String, CodingKey {
        case kind, names, valueName, help, discussion, value, defaultValue, isRequired, isRepeating,
            takesValuesUpToNextOption, completion, isHidden
    }

    /// Reads an argument; absent fields take their defaults (an option's value is text, a positional's too).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(Kind.self, forKey: .kind)
        let names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
        self.init(
            kind: kind, names: names,
            valueName: try c.decodeIfPresent(String.self, forKey: .valueName)
                ?? names.first.map { String($0.drop { $0 == "-" }) } ?? "value",
            help: try c.decodeIfPresent(Localized.self, forKey: .help) ?? Localized(en: "", zh: ""),
            discussion: try c.decodeIfPresent(Localized.self, forKey: .discussion),
            value: try c.decodeIfPresent(ValueSpec.self, forKey: .value) ?? (kind == .flag ? nil : .text),
            defaultValue: try c.decodeIfPresent(String.self, forKey: .defaultValue),
            isRequired: try c.decodeIfPresent(Bool.self, forKey: .isRequired) ?? false,
            isRepeating: try c.decodeIfPresent(Bool.self, forKey: .isRepeating) ?? false,
            takesValuesUpToNextOption: try c.decodeIfPresent(Bool.self, forKey: .takesValuesUpToNextOption) ?? false,
            completion: try c.decodeIfPresent(CompletionHint.self, forKey: .completion) ?? .none,
            isHidden: try c.decodeIfPresent(Bool.self, forKey: .isHidden) ?? false)
    }

    public var takesValue: Bool { kind != .flag }
    /// The value is a list completed item by item (`--features a,b,…`): a comma list, or columns.
    public var completesList: Bool {
        if value?.isList == true { return true }
        if case .columns = completion { return true }
        return false
    }
    /// `--features`, or the value name of a positional (`dataset`).
    public var displayName: String { names.first { $0.hasPrefix("--") } ?? names.first ?? valueName }
}

/// An example line of a command, with an optional comment shown beside it in help.
public struct CommandExample: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var line: String
    public var comment: Localized?

    public init(_ line: String, comment: Localized? = nil) {
        self.line = line
        self.comment = comment
    }

    public init(stringLiteral line: String) { self.init(line) }
}
