import Foundation
import OpsKit

/// Replays a transcript in a session of its own, on a fresh workspace in a scratch folder,
/// so that `report --transcript` can show what it computes without touching the user's
/// workspace. Inputs are rebuilt as `run --check` does; files it writes land in the scratch folder.
final class TranscriptReplay {
    let session: Session
    private let scratch: URL

    init(like parent: Session) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-report-\(UUID().uuidString)")
        let files = scratch.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let workspace = try Workspace(directory: scratch.appendingPathComponent("workspace"))
        session = Session(
            workspace: workspace, registry: parent.registry, output: TextBuffer(), style: .plain, cancellation: parent.cancellation)
        session.writePolicy = .sandbox(roots: [files.path], relativeBase: files.path)
        session.seed = parent.seed
        session.setLanguage(parent.language, source: parent.languageSource)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Rebuilds the transcript's inputs, then runs every command (a failure does not stop it).
    func run(path: String, checkCancellation: () throws -> Void) throws {
        let text = try ScriptSource.text(at: path)
        try TranscriptInputs.restore(TranscriptInputs.parse(text), in: session, scratch: scratch)
        for entry in TranscriptFormat.parse(text) {
            try checkCancellation()
            var inputs = entry.inputs[...]
            session.lineReader = { _ in inputs.popFirst() }
            session.execute(entry.line)
        }
        session.lineReader = nil
    }
}
