import ArgumentParser
import OpsKit

/// `restore NAME[@N]`: makes a kept version current again — the undo of a
/// replace or a drop. The restored data becomes a new version, so a restore
/// can itself be undone.
struct RestoreCommand: BuiltinCommand, ManagesCatalogue {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: StorageMessages.restoreAbstract.encoded,
        discussion: StorageMessages.restoreDiscussion.encoded)
    static let examples = ["restore rfm", "restore rfm@2", "datasets --versions rfm"]

    @Argument(help: ArgumentHelp(StorageMessages.restoreTargetHelp), completion: Completion.dataset)
    var target: String

    func run(in session: Session, context: CommandContext) throws {
        let (name, requested) = try Self.parse(target)
        let workspace = session.workspace
        let kept = try workspace.versions(of: name)
        guard !kept.isEmpty else { throw StorageMessages.noVersions(name, available: workspace.datasetNames) }
        let current = workspace.currentVersion(of: name)
        let version: Int
        if let requested {
            version = requested
        } else if let earlier = kept.last(where: { current == nil || $0.version < current! }) {
            version = earlier.version
        } else {
            throw StorageMessages.nothingEarlier(name, current: current ?? 0)
        }
        if version == current { throw StorageMessages.alreadyCurrent(name, version) }
        _ = try workspace.dataset(named: name, version: version)  // refuse a damaged version before switching to it
        try workspace.apply([.restore(name: name, version: version)])
        let now = workspace.currentVersion(of: name) ?? version
        context.print(StorageMessages.restored(name, version: version, as: now, previous: current))
    }

    /// `NAME` or `NAME@N` (N ≥ 1).
    static func parse(_ target: String) throws -> (name: String, version: Int?) {
        guard let at = target.lastIndex(of: "@") else { return (target, nil) }
        let name = String(target[..<at])
        guard let version = Int(target[target.index(after: at)...]), version >= 1 else {
            throw StorageMessages.badVersionReference(target)
        }
        return (name, version)
    }
}
