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
