import Foundation

/// The language of everything a person reads: help, messages, table headers, generated labels.
///
/// Dataset names, column names that commands write and the command grammar never change
/// with it, so a runbook works in either language.
public enum Language: String, CaseIterable, Codable, Sendable {
    case en
    case zh

    /// The language in force: the one bound by ``with(_:_:)`` for the running command
    /// (each session binds its own), else the process default. Setting it sets the process default.
    public static var current: Language {
        get { bound ?? state.withLock { $0.language } }
        set { state.withLock { $0.language = newValue } }
    }

    /// Runs `body` with `language` in force for it (and for what it calls on this task),
    /// so sessions side by side (tests, several sessions in one process) never see each other's language.
    public static func with<T>(_ language: Language, _ body: () throws -> T) rethrows -> T {
        try $bound.withValue(language, operation: body)
    }

    @TaskLocal private static var bound: Language?

    /// Parses `zh`, `zh_CN.UTF-8`, `zh-Hans`, `chinese`, `中文`, `en_US`, `english` ...; nil for anything else.
    public init?(identifier: String) {
        let lowered = identifier.trimmingCharacters(in: .whitespaces).lowercased()
        if lowered.hasPrefix("zh") || lowered == "chinese" || lowered == "中文" {
            self = .zh
        } else if lowered.hasPrefix("en") || lowered == "english" || lowered == "c" || lowered == "posix" {
            self = .en
        } else {
            return nil
        }
    }

    /// The language an environment asks for, with the variable that decided it:
    /// `OPSBENCH_LANG`, else `LC_ALL`, else `LANG` (`zh_*` → Chinese), else English.
    public static func fromEnvironment(_ environment: [String: String]) -> (language: Language, source: String) {
        for key in ["OPSBENCH_LANG", "LC_ALL", "LANG"] {
            if let value = environment[key], !value.isEmpty, let language = Language(identifier: value) {
                return (language, key)
            }
        }
        return (.en, "default")
    }

    private static let state = LanguageState()
}

/// The lock-guarded process-wide language.
private final class LanguageState: @unchecked Sendable {
    struct Value { var language: Language = .en }
    private var value = Value()
    private let lock = NSLock()

    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
