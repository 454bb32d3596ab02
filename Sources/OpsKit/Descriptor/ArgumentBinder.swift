/// The arguments of one command line, bound to a descriptor: the values of
/// each option, the flags given, and the positionals in order.
public struct BoundArguments: Codable, Hashable, Sendable {
    /// Option values by the option's display name (`--features`), in the order given.
    public var options: [String: [String]] = [:]
    /// Flags given, by display name.
    public var flags: [String] = []
    /// Positional values by the argument's value name, in order.
    public var positionals: [String: [String]] = [:]

    public init() {}

    /// The last value given for an option or positional, else its default.
    public func value(_ name: String, in descriptor: CommandDescriptor) -> String? {
        options[name]?.last ?? positionals[name]?.last ?? descriptor.argument(named: name)?.defaultValue
    }
}

/// Checks a command's tokens against its descriptor before anything parses
/// them: unknown options (with "did you mean"), missing values and arguments,
/// each value against its ``ValueSpec`` (type, range, choices), and the option
/// rules. Every problem is an ``OpsError`` with a code and the option concerned,
/// in the same format for Swift and external commands.
public struct ArgumentBinder {
    public let descriptor: CommandDescriptor

    public init(_ descriptor: CommandDescriptor) { self.descriptor = descriptor }

    /// Whether the tokens ask for help (`--help`, `-h`) rather than a run.
    public static func asksForHelp(_ tokens: [String]) -> Bool {
        let beforeTerminator = tokens.prefix { $0 != "--" }
        return beforeTerminator.contains("--help") || beforeTerminator.contains("-h")
    }

    public func bind(_ tokens: [String]) throws -> BoundArguments {
        var bound = BoundArguments()
        var given = Set<String>()
        var positionalValues: [String] = []
        var index = 0
        var afterTerminator = false
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if afterTerminator || !looksLikeOption(token) {
                positionalValues.append(token)
                continue
            }
            if token == "--" { afterTerminator = true; continue }
            let (name, inlineValue) = split(token)
            guard let argument = descriptor.argument(named: name), argument.kind != .positional else { throw unknownOption(name) }
            let display = argument.displayName
            given.formUnion(argument.names)
            if argument.kind == .flag {
                if inlineValue != nil { throw OpsError(BinderText.flagTakesNoValue(display), code: .invalidValue, option: display) }
                if !bound.flags.contains(display) { bound.flags.append(display) }
                continue
            }
            var values: [String] = []
            if let inlineValue {
                values.append(inlineValue)
            } else {
                // `-1` after an option is its value (which its range check may then refuse), not an option.
                while index < tokens.count, !looksLikeOption(tokens[index]) || NegativeValues.looksNegative(tokens[index]) {
                    values.append(tokens[index])
                    index += 1
                    if !argument.takesValuesUpToNextOption { break }
                }
            }
            guard !values.isEmpty else {
                throw OpsError(OptionText.missingValue(display), hint: argument.value?.hint, code: .missingValue, option: display)
            }
            for value in values { try argument.value?.check(value, option: display) }
            bound.options[display, default: []] += values
        }
        try bindPositionals(positionalValues, into: &bound)
        for argument in descriptor.arguments where argument.kind == .option && argument.isRequired {
            if bound.options[argument.displayName] == nil {
                throw OpsError(
                    BinderText.missingOption(argument.displayName), hint: argument.value?.hint ?? helpHint, code: .missingArgument,
                    option: argument.displayName)
            }
        }
        for rule in descriptor.rules { try rule.check(given: given) }
        return bound
    }

    private func bindPositionals(_ values: [String], into bound: inout BoundArguments) throws {
        var rest = values[...]
        for argument in descriptor.positionals {
            if argument.isRepeating {
                for value in rest { try argument.value?.check(value, option: argument.valueName) }
                if !rest.isEmpty { bound.positionals[argument.valueName] = Array(rest) }
                rest = []
            } else if let value = rest.first {
                try argument.value?.check(value, option: argument.valueName)
                bound.positionals[argument.valueName] = [value]
                rest = rest.dropFirst()
            } else if argument.isRequired {
                throw OpsError(
                    BinderText.missingPositional(argument.valueName), hint: helpHint, code: .missingArgument, option: argument.valueName)
            }
        }
        if let extra = rest.first {
            throw OpsError(BinderText.unexpected(extra), hint: helpHint, code: .unexpectedArgument)
        }
    }

    private func looksLikeOption(_ token: String) -> Bool { token.hasPrefix("-") && token.count > 1 }

    private func split(_ token: String) -> (String, String?) {
        guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }

    private func unknownOption(_ name: String) -> OpsError {
        let close = Suggest.closest(to: name, in: descriptor.optionNames).first
        return OpsError(BinderText.unknownOption(name, suggestion: close), hint: helpHint, code: .unknownOption, option: name)
    }

    private var helpHint: String { BinderText.seeHelp(descriptor.fullName) }
}

/// The binder's messages, in both interface languages.
enum BinderText {
    static func unknownOption(_ name: String, suggestion: String?) -> String {
        L("unknown option '\(name)'", "未知选项 '\(name)'") + (suggestion.map { L(" — did you mean '\($0)'?", "——是不是要输入 '\($0)'？") } ?? "")
    }
    static func flagTakesNoValue(_ name: String) -> String { L("\(name) takes no value", "\(name) 不带值") }
    static func missingOption(_ name: String) -> String { L("missing \(name)", "缺少 \(name)") }
    static func missingPositional(_ name: String) -> String { L("missing <\(name)>", "缺少 <\(name)>") }
    static func unexpected(_ token: String) -> String { L("unexpected argument '\(token)'", "多余的参数 '\(token)'") }
    static func seeHelp(_ command: String) -> String { L("see 'help \(command)'", "参见 'help \(command)'") }
    static func invalidValue(_ value: String, for name: String) -> String {
        L("\(name): '\(value)' is not a valid value", "\(name)：'\(value)' 不是有效的取值")
    }
    static func expectedForm(_ name: String, _ help: String) -> String { L("\(name): \(help)", "\(name)：\(help)") }
}
