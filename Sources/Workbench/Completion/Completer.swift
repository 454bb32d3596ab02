import Foundation
import OpsKit

/// Tab completion for the REPL: command names, subcommands, option names of
/// the command being typed, dataset names, column names of the dataset named
/// on the line, fixed option values and file paths.
public struct Completer {
    /// Candidates for the word ending at the cursor, and where that word starts.
    public struct Result: Equatable {
        /// Characters before the cursor that the chosen candidate replaces.
        public var replacing: Int
        public var candidates: [String]
    }

    let session: Session

    public init(session: Session) { self.session = session }

    /// Completes the text before the cursor.
    public func complete(_ textBeforeCursor: String) -> Result {
        let (previous, word) = split(textBeforeCursor)
        let registry = session.registry
        let candidates: [String]
        if previous.isEmpty {
            candidates = registry.topLevelNames
        } else if previous[0] == "help" {
            if previous.count == 1 {
                candidates = registry.topLevelNames
            } else if previous.count == 2, let plugin = registry.plugin(named: previous[1]) {
                candidates = plugin.commands.compactMap { $0.path.last }
            } else {
                candidates = []
            }
        } else if let plugin = registry.plugin(named: previous[0]), previous.count == 1 {
            candidates = plugin.commands.compactMap { $0.path.last }
        } else if let (entry, arguments) = resolve(previous) {
            candidates = completeArgument(entry: entry, arguments: arguments, word: word)
        } else {
            candidates = []
        }
        let lastSegment = word.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? word
        let prefix = isListValue(previous) ? lastSegment : word
        let matching = candidates.filter { $0.hasPrefix(prefix) }
        return Result(replacing: prefix.count, candidates: Array(Set(matching)).sorted())
    }

    private func resolve(_ tokens: [String]) -> (CommandEntry, [String])? {
        guard case .command(let entry, let arguments)? = try? session.registry.resolve(tokens) else { return nil }
        return (entry, arguments)
    }

    private func completeArgument(entry: CommandEntry, arguments: [String], word: String) -> [String] {
        let signature = entry.descriptor
        if word.hasPrefix("-") {
            let used = Set(arguments.filter { $0.hasPrefix("--") })
            return signature.optionNames.filter { !used.contains($0) }
        }
        if let last = arguments.last, last.hasPrefix("-"), let option = signature.argument(named: last), option.takesValue {
            return values(for: option.completion, arguments: arguments, signature: signature, word: word)
        }
        let positionalIndex = positionalCount(arguments, signature: signature)
        let positionals = signature.positionals
        guard !positionals.isEmpty else { return signature.optionNames }
        let argument = positionals[min(positionalIndex, positionals.count - 1)]
        if positionalIndex >= positionals.count, !argument.names.isEmpty { return signature.optionNames }
        return values(for: argument.completion, arguments: arguments, signature: signature, word: word)
    }

    /// Positional arguments already given (tokens that are neither options nor option values).
    private func positionalCount(_ arguments: [String], signature: CommandDescriptor) -> Int {
        var count = 0
        var skipNext = false
        for token in arguments {
            if skipNext { skipNext = false; continue }
            if token.hasPrefix("-") {
                skipNext = signature.argument(named: token)?.takesValue ?? false
            } else {
                count += 1
            }
        }
        return count
    }

    private func values(
        for completion: CompletionHint, arguments: [String], signature: CommandDescriptor, word: String
    ) -> [String] {
        switch completion {
        case .none: return []
        case .dataset: return session.workspace.datasetNames
        case .values(let list): return list
        case .file: return files(matching: word)
        case .columns(let owner):
            guard let name = dataset(named: owner, in: arguments), let entry = session.workspace.entry(named: name) else { return [] }
            return entry.schema.map(\.name)
        }
    }

    /// The dataset whose columns complete: the value of option `owner` (`--catalog`)
    /// on the line, or without an owner the first positional argument.
    private func dataset(named owner: String?, in arguments: [String]) -> String? {
        guard let owner else { return arguments.first { !$0.hasPrefix("-") } }
        guard let index = arguments.lastIndex(of: owner), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    private func files(matching word: String) -> [String] {
        let expanded = (word as NSString).expandingTildeInPath
        let directory: String, prefix: String
        if word.hasSuffix("/") {
            directory = expanded
            prefix = word
        } else {
            let parent = (expanded as NSString).deletingLastPathComponent
            directory = parent.isEmpty ? "." : parent
            let wordParent = (word as NSString).deletingLastPathComponent
            prefix = wordParent.isEmpty ? "" : (wordParent == "/" ? "/" : wordParent + "/")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { !$0.hasPrefix(".") || word.hasPrefix(".") || (word as NSString).lastPathComponent.hasPrefix(".") }
            .map { name in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
                return prefix + name + (isDirectory.boolValue ? "/" : "")
            }
    }

    private func isListValue(_ previous: [String]) -> Bool {
        guard let (entry, arguments) = resolve(previous), let last = arguments.last, last.hasPrefix("-") else { return false }
        return entry.descriptor.argument(named: last)?.completesList ?? false
    }

    /// The complete tokens before the word being typed, and that word.
    private func split(_ text: String) -> ([String], String) {
        let endsWithSpace = text.last.map { $0 == " " || $0 == "\t" } ?? true
        var tokens = (try? LineTokenizer.tokenize(text)) ?? text.split(separator: " ").map(String.init)
        if endsWithSpace || tokens.isEmpty { return (tokens, "") }
        let word = tokens.removeLast()
        return (tokens, word)
    }
}
