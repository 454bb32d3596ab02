import ArgumentParser

/// How the value of an argument completes in the REPL, as data (a command
/// descriptor carries it; external plugins send it in their signatures).
public enum CompletionHint: Codable, Hashable, Sendable {
    case none
    /// A dataset of the workspace.
    case dataset
    /// Columns (one, or a comma list) of a dataset: the one named by option
    /// `of` (`--catalog`), or with `of == nil` the command's first positional argument.
    case columns(of: String?)
    case file
    case values([String])

    private static let datasetToken = "<dataset>"
    private static let columnsToken = "<columns>"
    private static let columnsOfPrefix = "<columns-of:"

    /// The argument-parser completion kind that carries this hint through a declaration.
    public var completionKind: CompletionKind {
        switch self {
        case .none: return .default
        case .dataset: return .list([Self.datasetToken])
        case .columns(nil): return .list([Self.columnsToken])
        case .columns(let option?): return .list([Self.columnsOfPrefix + option + ">"])
        case .file: return .file()
        case .values(let values): return .list(values)
        }
    }

    /// Reads a hint back from the list values of a dumped completion kind.
    public init(listValues values: [String]) {
        if values == [Self.datasetToken] {
            self = .dataset
        } else if values == [Self.columnsToken] {
            self = .columns(of: nil)
        } else if values.count == 1, values[0].hasPrefix(Self.columnsOfPrefix), values[0].hasSuffix(">") {
            self = .columns(of: String(values[0].dropFirst(Self.columnsOfPrefix.count).dropLast()))
        } else {
            self = .values(values)
        }
    }
}

/// Completion hints to declare next to an option: `@Option(completion: .columns(of: "--catalog"))`.
extension CompletionKind {
    /// The value names a dataset in the workspace.
    public static var dataset: CompletionKind { CompletionHint.dataset.completionKind }
    /// Columns of the dataset given as the command's first argument.
    public static var columns: CompletionKind { CompletionHint.columns(of: nil).completionKind }
    /// Columns of the dataset named by another option of the same command (`--catalog`'s `--text`).
    public static func columns(of option: String) -> CompletionKind { CompletionHint.columns(of: option).completionKind }
}

/// The same hints under a namespace (`completion: Completion.dataset`).
public enum Completion {
    public static let dataset = CompletionKind.dataset
    public static let columns = CompletionKind.columns
    public static let file = CompletionKind.file()
    public static func columns(of option: String) -> CompletionKind { .columns(of: option) }
}
