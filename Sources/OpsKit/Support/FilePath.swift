import Foundation

/// Paths as people type them.
public enum FilePath {
    /// `~` and `~/…` become the home folder (`$HOME`, else the account's), as a shell does;
    /// `~user/…` becomes that user's home. Other paths are returned unchanged.
    public static func expandingTilde(_ path: String) -> String {
        guard path.first == "~" else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let user = path[path.index(after: path.startIndex)..<slash]
        let home: String?
        if user.isEmpty {
            home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? getpwuid(getuid()).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }
        } else {
            home = getpwnam(String(user)).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }
        }
        guard let home else { return path }
        return home + path[slash...]
    }
}
