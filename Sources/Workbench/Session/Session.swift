import ArgumentParser
import Foundation
import OpsKit

/// What one executed line produced.
public struct CommandResult: Sendable {
    /// Everything the command printed, as plain text.
    public var output: String
    public var succeeded: Bool
    /// Why it failed, as data (code, option, message, hint); nil when it succeeded.
    public var error: OpsError? = nil
    /// Lines the command read from its sub-prompt (e.g. `ask chat`), in order.
    public var subInputs: [String]
    /// Set when the output may differ on replay (a time-limited search): the figures a check compares instead.
    public var volatileFigures: [String: Double]? = nil
    /// For a command with a sub-prompt, the line that closes it (`/exit`).
    public var subPromptEnd: String? = nil
}

/// A workbench session: the workspace, the command registry, settings and
/// recording. Lines go in, text comes out; the REPL, `opsbench run` and the
/// tests all drive a session the same way.
public final class Session {
    public let workspace: Workspace
    public let registry: CommandRegistry
    /// Where output goes as it is produced (the terminal, or a buffer).
    public var output: OutputSink
    public var style: OutputStyle
    /// Draws progress lines; set by the REPL when stderr is a terminal.
    public var progressDisplay: ProgressDisplay?
    /// Reads sub-prompt lines (`ask chat`): the REPL's line editor or the running script.
    public var lineReader: ((String) -> String?)?
    public let cancellation: CancellationFlag

    /// Where commands may write files: anywhere at the REPL, confined for `opsbench run`
    /// (scripts it `source`s run in this session and inherit it).
    public var writePolicy: WritePolicy = .unrestricted
    /// `set seed N`: default for every `--seed`.
    public var seed: UInt64 = 42
    /// The interface language of this session's commands (`set lang`, `--lang`, `LANG`).
    public private(set) var language = Language.current
    /// What chose it (`--lang`, `set lang`, `LANG=zh_CN.UTF-8`, ...), for `set lang`.
    public private(set) var languageSource = "default"
    /// `${NAME}` values from `--set NAME=VALUE` and `set NAME VALUE`.
    public var variables: [String: String] = [:]
    /// Lines executed in this session, in order (phone numbers masked).
    public private(set) var history: [String] = []
    /// Set by `quit`.
    public private(set) var quitRequested = false
    var recorder: TranscriptRecorder?
    /// Runs external plugins' commands and keeps their processes.
    let externalHost = ExternalPluginHost()
    /// Where `plugin add` caches plugin signatures (`$OPSBENCH_HOME/plugins`); nil: external plugins are off.
    public private(set) var pluginStore: ExternalPluginStore?
    /// Scripts being run by `source`, to refuse a script that sources itself.
    var sourceStack: [String] = []
    /// The lesson file `lesson check` and `lesson hint` apply to (set by `lesson FILE`).
    var activeLesson: String?
    /// What the session's commands did, for `report`.
    public private(set) var log = SessionLog()
    /// Names the last command stored, for its log entry.
    private var lastStored: [String] = []
    /// The error of the line that failed last, for its ``CommandResult``.
    private var lastError: OpsError?
    /// Nesting of `execute` calls (`source` runs commands inside a command).
    private var depth = 0

    public convenience init(
        workspace: Workspace, plugins: [any Plugin.Type], output: OutputSink = TextBuffer(), style: OutputStyle = .plain,
        cancellation: CancellationFlag = .global
    ) {
        self.init(workspace: workspace, registry: CommandRegistry(plugins: plugins), output: output, style: style, cancellation: cancellation)
    }

    /// A session with the commands of `registry` (`report --transcript` replays in a second session).
    init(workspace: Workspace, registry: CommandRegistry, output: OutputSink, style: OutputStyle, cancellation: CancellationFlag) {
        self.workspace = workspace
        self.registry = registry
        self.output = output
        self.style = style
        self.cancellation = cancellation
    }

    /// A session on a new workspace in a temporary directory (tests, throwaway work).
    public static func temporary(plugins: [any Plugin.Type]) throws -> Session {
        Session(workspace: try Workspace.temporary(), plugins: plugins, cancellation: CancellationFlag())
    }

    /// Runs one line (a command, a comment or nothing) and returns what it printed.
    @discardableResult
    public func execute(_ line: String) -> CommandResult {
        let baseOutput = output
        let capture = CapturingSink(forwardingTo: baseOutput)
        let recorderBefore = recorder
        output = capture  // commands run by `source` print into this command's output
        depth += 1
        var subInputs: [String] = []
        var volatileFigures: [String: Double]?
        var subPromptEnd: String?
        let logMark = log.appended
        lastStored = []
        let succeeded = Language.with(language) {
            run(line, sink: capture, subInputs: &subInputs, subPromptEnd: &subPromptEnd, volatileFigures: &volatileFigures)
        }
        depth -= 1
        output = baseOutput
        let result = CommandResult(
            output: capture.text, succeeded: succeeded, error: succeeded ? nil : lastError, subInputs: subInputs,
            volatileFigures: volatileFigures, subPromptEnd: subPromptEnd)
        if depth == 0, let recorder, recorder === recorderBefore { recorder.record(line: line, result: result) }
        if log.appended == logMark { log.append(line: line, result: result, stored: lastStored) }
        return result
    }

    /// Sets the interface language of this session's commands and remembers what chose it.
    public func setLanguage(_ language: Language, source: String) {
        self.language = language
        languageSource = source
    }

    /// Reads the external plugins cached under `home` (`$OPSBENCH_HOME`) and lets `plugin add` cache more there.
    public func usePlugins(from home: URL) {
        let store = ExternalPluginStore(home: home)
        pluginStore = store
        for record in store.load() { try? registry.addExternal(record) }
    }

    /// Runs a line with its output discarded and kept out of the log (rebuilding a transcript's inputs before a check).
    func executeQuietly(_ line: String) {
        let shown = output
        output = TextBuffer()
        let logged = log
        defer {
            output = shown
            log = logged
        }
        execute(line)
    }

    /// Marks the session as finished (`quit`).
    func requestQuit() { quitRequested = true }

    private func run(
        _ rawLine: String, sink: CapturingSink, subInputs: inout [String], subPromptEnd: inout String?,
        volatileFigures: inout [String: Double]?
    ) -> Bool {
        let trimmed = rawLine.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return true }
        history.append(PhoneMasker.masked(trimmed))
        if depth == 1 { cancellation.reset() }  // a Ctrl-C during `source` also stops the script's later commands
        var reads: [String] = []
        defer { subInputs = reads }
        do {
            let line = try VariableExpander.expand(trimmed, variables: variables)
            let tokens = try LineTokenizer.tokenize(line)
            switch try registry.resolve(tokens) {
            case .empty:
                return true
            case .pluginHelp(let plugin):
                sink.write(HelpFormatter(registry: registry, width: style.width).pluginHelp(plugin))
                return true
            case .command(let entry, let arguments):
                subPromptEnd = (entry.type as? any SubPromptCommand.Type)?.endOfInput
                let source = OverlaySource(workspace)
                let context = CommandContext(
                    commandLine: line, style: style, defaultSeed: seed, source: source, sink: sink,
                    progressDisplay: progressDisplay, cancellation: cancellation,
                    lineReader: { [weak self] prompt in
                        let next = self?.lineReader?(prompt)
                        if let next { reads.append(next) }
                        return next
                    }, writePolicy: writePolicy)
                if ArgumentBinder.asksForHelp(arguments) {
                    sink.write(HelpFormatter(registry: registry, width: style.width).commandHelp(entry))
                    return true
                }
                defer { volatileFigures = context.volatileFigures }
                var outcome = PluginOutcome()
                var inputs: [String] = []
                let remote = { [workspace] (name: String) in workspace.remote(named: name) }
                switch entry.implementation {
                case .swift(let type):
                    if let plan = try RemotePlan.make(for: entry, tokens: arguments, workspace: workspace, registry: registry) {
                        inputs = plan.datasets
                        outcome = try externalHost.run(
                            plan.engine, command: plan.descriptor, bound: plan.bound, context: context, remote: remote,
                            core: (entry.path, plan.datasets))
                        if !outcome.local.isEmpty {  // the engine did its part; the command finishes here
                            source.overlay = outcome.local
                            try invoke(try entry.descriptor.parse(type, plan.localTokens(arguments)), context: context)
                        }
                    } else {
                        try invoke(try entry.descriptor.parse(type, arguments), context: context)
                    }
                case .external(let record):
                    let bound = try ArgumentBinder(entry.descriptor).bind(arguments)
                    inputs = ExternalPluginHost.datasetNames(command: entry.descriptor, bound: bound)
                    outcome = try externalHost.run(record, command: entry.descriptor, bound: bound, context: context, remote: remote)
                }
                let provenance = Provenance(command: PhoneMasker.masked(line), inputs: inputs, seed: nil)
                let remoteResults = outcome.handles.sorted { $0.key < $1.key }.map { name, handle in
                    WorkspaceChange.putRemote(RemoteDataset(name: name, handle: handle, provenance: provenance))
                }
                let replaced = try workspace.apply(context.staged.map { .put($0) } + remoteResults)
                lastStored = context.staged.map(\.name) + outcome.handles.keys.sorted()
                for line in context.confirmations { sink.write(line + "\n") }
                for replacement in replaced { sink.write(StorageMessages.replaced(replacement) + "\n") }
                for name in outcome.handles.keys.sorted() { context.note(RemoteText.stored(name, engine: outcome.handles[name]!.plugin)) }
                return true
            }
        } catch {
            sink.write(Strings.describe(error))
            lastError = OpsError(describing: error)
            return false
        }
    }

    private func invoke(_ command: ParsableCommand, context: CommandContext) throws {
        if var builtin = command as? any BuiltinCommand {
            try builtin.run(in: self, context: context)
        } else if var pluginCommand = command as? any PluginCommand {
            try pluginCommand.run(in: context)
        } else {
            throw OpsError(Strings.notRunnable(context.commandLine))
        }
    }
}

/// Forwards output and keeps a copy for the command's result. Control
/// characters from data are made visible on the way (``VisibleText``), so no
/// command can send an escape sequence to the terminal.
final class CapturingSink: OutputSink {
    private let next: OutputSink
    private(set) var text = ""

    init(forwardingTo next: OutputSink) { self.next = next }

    func write(_ text: String) {
        let visible = VisibleText.escaped(Localized.resolving(text), keepingNewlines: true, keepingTabs: true)
        self.text += visible
        next.write(visible)
    }
}
