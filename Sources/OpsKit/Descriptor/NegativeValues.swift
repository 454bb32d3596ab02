/// Joins an option and a negative number that follows it (`--rows -1` →
/// `--rows=-1`), so the option's range check reports the value instead of
/// argument-parser calling it a missing value (it reads `-1` as an option).
enum NegativeValues {
    static func attached(_ arguments: [String], descriptor: CommandDescriptor) -> [String] {
        guard arguments.contains(where: looksNegative) else { return arguments }
        // every name of a value option, mapped to its long name (`-k` → `--k`): only `--name=value` takes `=`
        var longName: [String: String] = [:]
        for argument in descriptor.arguments where argument.kind == .option {
            guard let long = argument.names.first(where: { $0.hasPrefix("--") }) else { continue }
            for name in argument.names { longName[name] = long }
        }
        var result: [String] = []
        var i = 0
        while i < arguments.count {
            let token = arguments[i]
            if token == "--" { return result + arguments[i...] }
            if let long = longName[token], i + 1 < arguments.count, looksNegative(arguments[i + 1]) {
                result.append(long + "=" + arguments[i + 1])
                i += 2
            } else {
                result.append(token)
                i += 1
            }
        }
        return result
    }

    /// `-1`, `-0.5`, `-.5`, `-1e9`, `-inf`, `-nan`: a number, not an option name.
    static func looksNegative(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1, !token.hasPrefix("--") else { return false }
        let rest = token.dropFirst()
        if let first = rest.first, first.isASCII, first.isNumber || first == "." { return true }
        return ["inf", "infinity", "nan"].contains(rest.lowercased())
    }
}
