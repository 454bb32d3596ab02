import ArgumentParser
import Foundation
import Workbench

/// `opsbench [--workspace PATH]`: the interactive shell. With a terminal on
/// stdin and stdout it edits lines with libedit; otherwise it reads plain
/// lines (`opsbench < script`) and exits 1 if any command failed.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: Strings.replAbstract)

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let interactive = Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal
        let progress = TerminalProgress.forStandardError()
        let session = try options.makeSession(output: StandardOutput(progress: progress), style: Terminal.outputStyle())
        if interactive, let editor = LineEditor(session: session, historyPath: historyPath()) {
            defer { editor.close() }
            Signals.install()
            session.progressDisplay = progress
            session.output.write(Strings.welcome(workspace: options.path))
            _ = Shell(session: session, source: EditorLineSource(editor: editor), followsTerminal: true).run()
            return
        }
        let succeeded = Shell(session: session, source: PlainLineSource(), followsTerminal: false).run()
        if !succeeded { throw ExitCode.failure }
    }

    /// `$OPSBENCH_HOME/history` (the directory is created if needed; without it history is not kept).
    private func historyPath() -> String {
        let paths = Paths()
        try? FileManager.default.createDirectory(at: paths.home, withIntermediateDirectories: true)
        return paths.historyFile.path
    }
}
