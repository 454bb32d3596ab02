import Foundation
import OpsKit

/// Writes a file a command produces (a chart, a report) the way `export` does: through the
/// session's write policy and atomically, never through a link; says when it replaced a file.
enum OutputFile {
    /// Writes `text` to `path` (as the user gave it) and returns the line to print.
    static func write(_ text: String, to path: String, context: CommandContext) throws -> String {
        let target = try context.writablePath(FilePath.expandingTilde(path))
        let existed = FileManager.default.fileExists(atPath: target)
        let output = try AtomicFileWriter(destination: target)
        try output.append(contentsOf: text.utf8)
        try output.commit()
        return existed ? WorkshopMessages.replacedFile(path, bytes: text.utf8.count) : WorkshopMessages.wroteFile(path, bytes: text.utf8.count)
    }
}
