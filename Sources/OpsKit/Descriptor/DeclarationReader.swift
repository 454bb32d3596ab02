import ArgumentParser
import Foundation

extension CommandDescriptor {
    /// The descriptor of a Swift command, read from its argument-parser declaration
    /// through the public `--experimental-dump-help` description; value specs come
    /// from the option vocabulary's types (``ValueSpecChannel``).
    public static func of(
        _ command: any ParsableCommand.Type, path: [String], rules: [OptionRule] = [], examples: [CommandExample] = []
    ) -> CommandDescriptor {
        let dump = Dump.read(command)
        let configuration = command.configuration
        let arguments = (dump?.command.arguments ?? []).compactMap(ArgumentDescriptor.init(dumped:))
        let discussion = configuration.discussion.isEmpty ? nil : Localized(decoding: configuration.discussion)
        return CommandDescriptor(
            path: path, abstract: Localized(decoding: configuration.abstract), discussion: discussion, arguments: arguments,
            rules: rules, examples: examples)
    }

    /// The word a Swift command is invoked by: its configured name, else argument-parser's
    /// default (the type name in kebab case), as the dump reports it.
    public static func commandName(of command: any ParsableCommand.Type) -> String {
        if let name = command.configuration.commandName { return name }
        return Dump.read(command)?.command.commandName ?? String(describing: command).lowercased()
    }
}

extension ArgumentDescriptor {
    fileprivate init?(dumped info: Dump.ArgumentInfo) {
        let names = (info.names ?? []).map { $0.kind == "short" ? "-" + $0.name : "--" + $0.name }
        if names.contains("--help") || names.contains("--experimental-dump-help") || names.contains("--version") { return nil }
        let kind: Kind = info.kind == "positional" ? .positional : info.kind == "flag" ? .flag : .option
        var spec: ValueSpec? = nil
        if kind != .flag {
            spec = ValueSpecChannel.spec(from: info.allValueDescriptions) ?? .text
            if spec?.kind == .text, let values = info.allValues, !values.isEmpty {
                let helps = info.allValueDescriptions ?? [:]
                spec = ValueSpec(kind: .choice, choices: values.map { ValueSpec.Choice($0, help: helps[$0].map(Localized.init(decoding:))) })
            }
        }
        self.init(
            kind: kind, names: names, valueName: info.valueName ?? names.first.map { String($0.drop { $0 == "-" }) } ?? "value",
            help: Localized(decoding: info.abstract ?? ""),
            discussion: info.discussion.flatMap { $0.isEmpty ? nil : Localized(decoding: $0) }, value: spec,
            defaultValue: info.defaultValue, isRequired: kind != .flag && !(info.isOptional ?? false),
            isRepeating: info.isRepeating ?? false, takesValuesUpToNextOption: info.parsingStrategy == "upToNextOption",
            completion: CompletionHint(dumped: info.completionKind, spec: spec), isHidden: !(info.shouldDisplay ?? true))
    }
}

extension CompletionHint {
    fileprivate init(dumped info: Dump.CompletionInfo?, spec: ValueSpec?) {
        if let values = info?.list?.values, !values.isEmpty {
            self.init(listValues: values)
        } else if info?.file != nil || info?.directory != nil {
            self = .file
        } else if let spec, !spec.completionValues.isEmpty {
            self = .values(spec.completionValues)
        } else {
            self = .none
        }
    }
}

/// The parts of argument-parser's `--experimental-dump-help` JSON that descriptors use.
private struct Dump: Decodable {
    struct Command: Decodable {
        var commandName: String?
        var arguments: [ArgumentInfo]?
    }
    struct ArgumentInfo: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var shouldDisplay: Bool?
        var isOptional: Bool?
        var isRepeating: Bool?
        var parsingStrategy: String?
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var allValueDescriptions: [String: String]?
        var completionKind: CompletionInfo?
        var abstract: String?
        var discussion: String?
    }
    struct CompletionInfo: Decodable {
        struct List: Decodable { var values: [String] }
        struct Empty: Decodable {}
        var list: List?
        var file: Empty?
        var directory: Empty?
    }
    var command: Command

    static func read(_ command: any ParsableCommand.Type) -> Dump? {
        let json: String
        do {
            _ = try command.parse(["--experimental-dump-help"])
            return nil
        } catch {
            json = command.message(for: error)
        }
        guard let data = json.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(Dump.self, from: data)
    }
}
