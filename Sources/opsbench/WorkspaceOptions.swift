import ArgumentParser
import Foundation
import OpsKit
import PluginCatalog
import Workbench

/// `--workspace PATH`, shared by the shell and `run`.
struct WorkspaceOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.workspaceHelp, valueName: "path"), completion: .directory)
    var workspace: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp(Strings.langHelp, valueName: "zh|en"))
    var language: Language?

    /// The workspace directory as given, or the default one.
    var path: String { workspace ?? Paths().defaultWorkspace.path }

    /// A session with every bundled plugin on the chosen workspace (created if
    /// missing); reports the problem and exits 1 when it cannot be opened.
    /// The interface language is `--lang`, else (unless `followsEnvironment` is false, as for
    /// `run --check`, which replays in the transcript's own language) `OPSBENCH_LANG`/`LC_ALL`/`LANG`.
    func makeSession(
        output: OutputSink, style: OutputStyle, directory: URL? = nil, followsEnvironment: Bool = true
    ) throws -> Session {
        let location = directory?.path ?? path
        do {
            let url = try directory ?? Paths().workspace(workspace)
            let session = Session(workspace: try Workspace(directory: url), plugins: bundledPlugins, output: output, style: style)
            session.usePlugins(from: Paths().home)
            if let language {
                session.setLanguage(language, source: "--lang")
            } else if followsEnvironment {
                let environment = ProcessInfo.processInfo.environment
                let chosen = Language.fromEnvironment(environment)
                let source = environment[chosen.source].map { "\(chosen.source)=\($0)" } ?? chosen.source
                session.setLanguage(chosen.language, source: source)
            } else {
                session.setLanguage(.en, source: "default")
            }
            return session
        } catch {
            Terminal.writeError(Strings.cannotOpenWorkspace(location, error))
            throw ExitCode.failure
        }
    }
}
