import Foundation

/// Where the commands of a session may create or replace files (`export`,
/// `record`, report files). The session holds one policy: the REPL is the
/// user typing and writes anywhere; `opsbench run FILE` confines a script —
/// and every script it `source`s — to the current directory and the
/// workspace, plus each `--allow-write PATH`; `run --check` to a scratch folder.
///
/// Paths are resolved before they are checked: `..`, `.` and every symbolic
/// link in the part of the path that exists, so neither `out/../../x` nor a
/// link inside an allowed folder leads out of it.
public struct WritePolicy: Sendable, Equatable {
    /// Resolved folders writes must stay in; nil means anywhere.
    public let roots: [String]?
    /// The folder relative paths are taken from (nil: the current directory).
    public let relativeBase: String?

    /// Writes go anywhere (the interactive shell).
    public static let unrestricted = WritePolicy(roots: nil, relativeBase: nil)

    /// Writes only inside `roots`; relative paths start at `relativeBase` (default: the current directory).
    public static func sandbox(roots: [String], relativeBase: String? = nil) -> WritePolicy {
        WritePolicy(roots: roots.map { resolve(absolute($0, base: nil)) }, relativeBase: relativeBase.map { resolve(absolute($0, base: nil)) })
    }

    public var isRestricted: Bool { roots != nil }

    /// The absolute path to write for `path`: its folder resolved, its last component as
    /// given (so a writer still sees, and refuses, a symbolic link there). Throws an
    /// ``OpsError`` naming the path and the `--allow-write` that would permit it when
    /// the fully resolved path lies outside the policy's roots.
    public func authorize(_ path: String) throws -> String {
        let absolute = Self.absolute(path, base: relativeBase)
        let name = (absolute as NSString).lastPathComponent
        let parent = Self.resolve((absolute as NSString).deletingLastPathComponent)
        let target = name == "/" ? "/" : (parent == "/" ? "/" : parent + "/") + name
        guard let roots else { return target }
        let resolved = Self.resolve(absolute)
        if roots.contains(where: { resolved == $0 || resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }) { return target }
        let folder = (resolved as NSString).deletingLastPathComponent
        throw OpsError(SafetyText.writeRefused(path, resolved: resolved, roots: roots), hint: SafetyText.allowWriteHint(folder.isEmpty ? "/" : folder))
    }

    /// `path` made absolute against `base` or the current directory.
    static func absolute(_ path: String, base: String?) -> String {
        if path.hasPrefix("/") { return path }
        let folder = base ?? FileManager.default.currentDirectoryPath
        return path.isEmpty ? folder : folder + "/" + path
    }

    /// The real path: the longest existing prefix through `realpath` (links, `..`),
    /// the rest normalised by its components.
    static func resolve(_ absolute: String) -> String {
        var prefix = absolute
        var rest: [String] = []
        while true {
            if let real = realPath(prefix) {
                var parts = real.split(separator: "/").map(String.init)
                for component in rest {
                    switch component {
                    case "", ".": continue
                    case "..": if !parts.isEmpty { parts.removeLast() }
                    default: parts.append(component)
                    }
                }
                return "/" + parts.joined(separator: "/")
            }
            let name = (prefix as NSString).lastPathComponent
            let parent = (prefix as NSString).deletingLastPathComponent
            if parent == prefix || parent.isEmpty { return absolute }
            rest.insert(name, at: 0)
            prefix = parent
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
