import ArgumentParser
import Foundation
import OpsKit
import PluginCatalog
import Workbench

/// `--workspace PATH`, shared by the shell and `run`.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.workspaceHelp, valueName: "path"), completion: .directory)
    var workspace: String?

    /// The workspace directory as given, or the default one.
    var path: String { workspace ?? Paths().defaultWorkspace.path }

    /// A session with every bundled plugin on the chosen workspace (created if
    /// missing); reports the problem and exits 1 when it cannot be opened.
    func makeSession(output: OutputSink, style: OutputStyle, directory: URL? = nil) throws -> Session {
        let location = directory?.path ?? path
        do {
            let url = try directory ?? Paths().workspace(workspace)
            return Session(workspace: try Workspace(directory: url), plugins: bundledPlugins, output: output, style: style)
        } catch {
            Terminal.writeError(Strings.cannotOpenWorkspace(location, error))
            throw ExitCode.failure
        }
    }
}
