import ArgumentParser
import Foundation
import OpsKit

/// What a command accepts, read from its swift-argument-parser declaration
/// (the `--experimental-dump-help` description): used by completion,
/// "did you mean" for options, and help.
public struct CommandSignature: Sendable {
    public struct Argument: Sendable {
        public var names: [String]  // "--features", "-k"
        public var isPositional: Bool
        public var takesValue: Bool
        public var completion: ValueCompletion
        public var allValues: [String]
    }

    /// How the value of an argument completes.
    public enum ValueCompletion: Sendable, Equatable {
        case none, dataset, columns, file, values([String])
    }

    public var arguments: [Argument]

    public var optionNames: [String] { arguments.flatMap(\.names).filter { $0.hasPrefix("--") } }
    public var positionals: [Argument] { arguments.filter(\.isPositional) }

    public func argument(named name: String) -> Argument? { arguments.first { $0.names.contains(name) } }

    /// Reads the signature of a command type.
    public static func of(_ command: any ParsableCommand.Type) -> CommandSignature {
        let json: String
        do {
            _ = try command.parse(["--experimental-dump-help"])
            return CommandSignature(arguments: [])
        } catch {
            json = command.message(for: error)
        }
        guard let data = json.data(using: .utf8), let dump = try? JSONDecoder().decode(Dump.self, from: data) else {
            return CommandSignature(arguments: [])
        }
        let arguments = (dump.command.arguments ?? []).filter { $0.shouldDisplay ?? true }.compactMap { info -> Argument? in
            let names = (info.names ?? []).map { $0.kind == "short" ? "-" + $0.name : "--" + $0.name }
            if names.contains("--help") || names.contains("--experimental-dump-help") { return nil }
            return Argument(
                names: names, isPositional: info.kind == "positional", takesValue: info.kind != "flag",
                completion: ValueCompletion(info.completionKind, values: info.allValues), allValues: info.allValues ?? [])
        }
        return CommandSignature(arguments: arguments)
    }

    fileprivate struct Dump: Decodable {
        struct Command: Decodable { var arguments: [ArgumentInfo]? }
        struct ArgumentInfo: Decodable {
            struct Name: Decodable { var kind: String; var name: String }
            var kind: String
            var shouldDisplay: Bool?
            var names: [Name]?
            var allValues: [String]?
            var completionKind: CompletionInfo?
        }
        struct CompletionInfo: Decodable {
            struct List: Decodable { var values: [String] }
            struct Empty: Decodable {}
            var list: List?
            var file: Empty?
            var directory: Empty?
        }
        var command: Command
    }
}

extension CommandSignature.ValueCompletion {
    fileprivate init(_ info: CommandSignature.Dump.CompletionInfo?, values: [String]?) {
        if let list = info?.list?.values {
            switch list {
            case ["<dataset>"]: self = .dataset
            case ["<columns>"]: self = .columns
            default: self = .values(list)
            }
        } else if info?.file != nil || info?.directory != nil {
            self = .file
        } else if let values, !values.isEmpty {
            self = .values(values)
        } else {
            self = .none
        }
    }
}
