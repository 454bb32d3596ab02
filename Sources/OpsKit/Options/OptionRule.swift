/// A rule about which options may be given together, declared beside a
/// command's options (`static let rules: [OptionRule] = [.exclusive("--geo", "--round")]`).
///
/// Rules are data: the workbench checks them on the typed line before the
/// command is parsed, help lists them, and external plugins declare them in
/// their signatures. Rules about the *values* (e.g. a low bound below a high
/// one) go in the command's `validate()`.
public enum OptionRule: Codable, Hashable, Sendable {
    /// At most one of these options or flags.
    case exclusive([String])
    /// All of these, or none.
    case together([String])
    /// The first option needs the second (`--stock` needs `--on-hand`).
    case requires(String, String)
    /// Exactly one of these.
    case oneOf([String])

    public static func exclusive(_ names: String...) -> OptionRule { .exclusive(names) }
    public static func together(_ names: String...) -> OptionRule { .together(names) }
    public static func oneOf(_ names: String...) -> OptionRule { .oneOf(names) }

    /// Throws a ``OpsError/Code/conflict`` error when the options `given` break the rule.
    public func check(given: Set<String>) throws {
        switch self {
        case .exclusive(let names):
            let present = names.filter(given.contains)
            if present.count > 1 {
                throw OpsError(OptionText.exclusive(present), hint: OptionText.exclusiveHint, code: .conflict, option: present[1])
            }
        case .together(let names):
            let present = names.filter(given.contains)
            if !present.isEmpty, let missing = names.first(where: { !given.contains($0) }) {
                throw OpsError(
                    OptionText.together(names, missing: missing), hint: OptionText.requiresHint(missing), code: .conflict,
                    option: missing)
            }
        case .requires(let option, let other):
            if given.contains(option), !given.contains(other) {
                throw OpsError(OptionText.requires(option, other), hint: OptionText.requiresHint(other), code: .conflict, option: option)
            }
        case .oneOf(let names):
            let present = names.filter(given.contains)
            if present.count > 1 {
                throw OpsError(OptionText.exclusive(present), hint: OptionText.exclusiveHint, code: .conflict, option: present[1])
            }
            if present.isEmpty {
                throw OpsError(OptionText.oneOf(names), code: .missingArgument, option: names.first)
            }
        }
    }

    /// The options the rule is about.
    public var names: [String] {
        switch self {
        case .exclusive(let names), .together(let names), .oneOf(let names): return names
        case .requires(let a, let b): return [a, b]
        }
    }

    /// The rule in words, for help.
    public var text: String {
        switch self {
        case .exclusive(let names): return OptionText.exclusive(names)
        case .together(let names): return L("\(names.joined(separator: " and ")) go together", "\(names.joined(separator: " 与 ")) 需同时给出")
        case .requires(let a, let b): return OptionText.requires(a, b)
        case .oneOf(let names): return OptionText.oneOf(names)
        }
    }
}

/// A type that declares option rules (a command, or an option group it includes).
public protocol DeclaresOptionRules {
    static var rules: [OptionRule] { get }
}
