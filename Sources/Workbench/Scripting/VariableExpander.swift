import OpsKit

/// Expands `${NAME}` in script lines from `--set NAME=VALUE` and `set NAME VALUE`.
/// `$${NAME}` stays literal as `${NAME}`.
public enum VariableExpander {
    public static func expand(_ line: String, variables: [String: String]) throws -> String {
        guard line.contains("${") else { return line }
        var result = ""
        var rest = Substring(line)
        while let start = rest.range(of: "${") {
            if start.lowerBound > rest.startIndex, rest[rest.index(before: start.lowerBound)] == "$" {
                result += rest[..<rest.index(before: start.lowerBound)] + "${"
                rest = rest[start.upperBound...]
                continue
            }
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw OpsError(Strings.unclosedVariable, hint: Strings.unclosedVariableHint)
            }
            let name = String(rest[start.upperBound..<end])
            guard let value = variables[name] else {
                throw OpsError.unknown(
                    kind: Strings.variableKind, name: name, available: variables.keys.sorted(), listLabel: Strings.variablesLabel)
            }
            result += value
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
