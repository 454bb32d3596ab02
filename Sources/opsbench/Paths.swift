import Foundation

/// Where opsbench keeps its state: `$OPSBENCH_HOME` (default `~/.opsbench`)
/// holds the default workspace and the shell's history.
struct Paths {
    let home: URL

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let value = environment["OPSBENCH_HOME"], !value.isEmpty {
            home = URL(fileURLWithPath: (value as NSString).expandingTildeInPath, isDirectory: true)
        } else {
            home = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".opsbench", isDirectory: true)
        }
    }

    var defaultWorkspace: URL { home.appendingPathComponent("workspace", isDirectory: true) }
    var historyFile: URL { home.appendingPathComponent("history") }

    /// The workspace directory to use, created if missing.
    func workspace(_ option: String?) throws -> URL {
        let directory = option.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath, isDirectory: true) }
            ?? defaultWorkspace
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
