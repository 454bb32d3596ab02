import Foundation

/// The shared benchmark data, `../shared/data` beside the package root (or
/// `$OPSBENCH_SHARED/data`). It is never copied into the repository: tests
/// that need it are enabled only when it is there, and say what is missing.
///
/// ```swift
/// @Test(.enabled(if: SharedData.exists("vrp/A-n32-k5.vrp"), SharedData.missing("vrp")))
/// func solvesTheBenchmark() throws { let url = SharedData.url("vrp/A-n32-k5.vrp") ... }
/// ```
public enum SharedData {
    /// The package root: the nearest folder above this file holding `Package.swift`.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `$OPSBENCH_SHARED/data` when set, else `../shared/data` from the package root.
    public static let root: URL = {
        if let shared = ProcessInfo.processInfo.environment["OPSBENCH_SHARED"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("data").standardizedFileURL
        }
        return packageRoot.appendingPathComponent("../shared/data").standardizedFileURL
    }()

    /// A file or folder of the shared data (`forecast/m4-weekly-train.csv`).
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public static func path(_ relative: String) -> String { url(relative).path }

    public static func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// Why a test is skipped: what it needs and where it was looked for.
    public static func missing(_ relative: String) -> String {
        "needs the shared data ../shared/data/\(relative) (looked in \(root.path); set OPSBENCH_SHARED to its parent)"
    }

    /// A file of the repository itself (`examples/users.csv`).
    public static func repositoryFile(_ relative: String) -> URL { packageRoot.appendingPathComponent(relative) }
}
