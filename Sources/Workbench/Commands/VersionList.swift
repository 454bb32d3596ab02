import Foundation
import OpsKit

/// `datasets --versions NAME`: the kept versions of a dataset, oldest first.
enum VersionList {
    static func show(_ name: String, of workspace: Workspace, in context: CommandContext) throws {
        let versions = try workspace.versions(of: name)
        guard !versions.isEmpty else { throw StorageMessages.noVersions(name, available: workspace.datasetNames) }
        let rows = versions.map { kept in
            [
                kept.isCurrent ? StorageMessages.currentMark(kept.version) : "v\(kept.version)",
                timestamp(kept.storedAt), String(kept.entry.rowCount), String(kept.entry.schema.count),
                kept.entry.provenance?.command ?? "",
            ]
        }
        context.table(headers: StorageMessages.versionHeaders, rows: rows, alignments: [.left, .left, .right, .right, .left])
    }

    /// Local time to the second, `2026-12-01 23:40:05`.
    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
