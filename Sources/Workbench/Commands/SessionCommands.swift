import ArgumentParser
import OpsKit

struct HelpCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "help", abstract: BuiltinText.helpAbstract.encoded)
    static let examples = ["help", "help segment", "help segment kmeans"]

    @Argument(help: ArgumentHelp(BuiltinText.helpWordsHelp)) var words: [String] = []

    func run(in session: Session, context: CommandContext) throws {
        let formatter = HelpFormatter(registry: session.registry, width: context.style.width)
        guard let first = words.first else { return context.write(formatter.overview()) }
        if let entry = session.registry.builtin(named: first) { return context.write(formatter.commandHelp(entry)) }
        switch try session.registry.resolve(words) {
        case .pluginHelp(let plugin):
            context.write(formatter.pluginHelp(plugin))
        case .command(let entry, _):
            if words.count == 2, entry.path.last != words[1], let plugin = session.registry.plugin(named: first) {
                throw plugin.unknownCommandError(words[1])
            }
            context.write(formatter.commandHelp(entry))
        case .empty:
            context.write(formatter.overview())
        }
    }
}

struct PluginsCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "plugins", abstract: BuiltinText.pluginsAbstract.encoded)
    static let examples = ["plugins"]

    func run(in session: Session, context: CommandContext) throws {
        let rows = session.registry.plugins.map { plugin in
            [plugin.name, plugin.version, String(plugin.apiVersion), plugin.commands.compactMap { $0.path.last }.joined(separator: ", ")]
        }
        context.table(headers: BuiltinText.pluginsHeaders, rows: rows)
        for (name, reason) in session.registry.rejected { context.warn(BuiltinText.pluginNotLoaded(name, reason)) }
    }
}

struct SetCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: Strings.setAbstract.encoded)
    static let examples = ["set seed 7", "set lang zh", "set lang", "set month 2026-11"]

    @Argument(help: ArgumentHelp(Strings.setNameHelp)) var name: String
    @Argument(help: ArgumentHelp(Strings.setValueHelp)) var value: String?

    func run(in session: Session, context: CommandContext) throws {
        if name == "lang" { return try setLanguage(session: session, context: context) }
        guard let value else { throw OpsError(Strings.setNeedsValue(name), hint: Strings.setNeedsValueHint(name)) }
        if name == "seed" {
            guard let seed = UInt64(value) else {
                throw OpsError.invalidOption("set seed", Strings.badSeed(value), hint: Strings.badSeedHint)
            }
            session.seed = seed
            return context.print(Strings.seedSet(seed))
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !name.isEmpty else {
            throw OpsError.invalidOption("set", Strings.badVariableName(name), hint: Strings.badVariableNameHint)
        }
        session.variables[name] = value
        context.print(Strings.variableSet(name, value))
    }

    /// `set lang zh|en` switches the interface language; `set lang` says which is in force and why.
    private func setLanguage(session: Session, context: CommandContext) throws {
        if let value {
            guard let language = Language(identifier: value) else {
                throw OpsError.invalidOption("set lang", Strings.unknownLanguage(value), hint: Strings.languageHint)
            }
            session.setLanguage(language, source: "set lang")
        }
        Language.with(session.language) {
            context.print(Strings.languageInForce(session.language, source: session.languageSource))
        }
    }
}

struct HistoryCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: BuiltinText.historyAbstract.encoded)
    static let examples = ["history", "history --last 5"]

    @Option(help: ArgumentHelp(BuiltinText.historyLastHelp)) var last: NonNegativeInt?

    func validate() throws {
        if let last, last < 0 { throw ValidationError(SafetyMessages.atLeast("--last", 0)) }
    }

    func run(in session: Session, context: CommandContext) throws {
        let lines = Array(session.history.dropLast())  // the `history` line itself is last
        let start = max(0, lines.count - (last?.value ?? lines.count))
        for i in start..<lines.count { context.print(DisplayWidth.pad(String(i + 1), to: 5, rightAligned: true) + "  " + lines[i]) }
    }
}

struct QuitCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "quit", abstract: BuiltinText.quitAbstract.encoded)
    static let examples = ["quit"]

    func run(in session: Session, context: CommandContext) throws { session.requestQuit() }
}

struct SourceCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "source", abstract: BuiltinText.sourceAbstract.encoded)
    static let examples = ["source examples/tour.opsb"]

    @Argument(help: ArgumentHelp(BuiltinText.sourcePathHelp), completion: .file()) var path: String

    func run(in session: Session, context: CommandContext) throws {
        let outcome = try ScriptRunner(session: session).run(path: path, keepGoing: false)
        guard let failure = outcome.failures.first else { return }
        if session.cancellation.isSet { throw ScriptCancelled(location: failure.location) }
        throw OpsError(Strings.sourceFailed(failure.location))
    }
}

struct RecordCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: Strings.recordAbstract.encoded, discussion: Strings.recordDiscussion.encoded)
    static let examples = ["record session.opsb", "record handout.opsb --embed", "record stop"]

    @Argument(help: ArgumentHelp(Strings.recordTargetHelp), completion: .file()) var target: String
    @Flag(help: ArgumentHelp(Strings.recordEmbedHelp)) var embed = false

    func run(in session: Session, context: CommandContext) throws {
        if target == "stop" {
            guard let recorder = session.recorder else { throw OpsError(Strings.notRecording) }
            session.recorder = nil
            try recorder.close(workspace: session.workspace)
            return context.print(Strings.recordingStopped(recorder.path, commands: recorder.commandCount))
        }
        if session.recorder != nil { throw OpsError(Strings.alreadyRecording, hint: Strings.recordStopFirst) }
        session.recorder = try TranscriptRecorder(
            path: target, destination: try context.writablePath(target), language: session.language,
            preexisting: Set(session.workspace.datasetNames), embed: embed)
        context.print(Strings.recording(target))
    }
}

/// Ctrl-C stopped a script run by `source`.
struct ScriptCancelled: Error {
    let location: String
}

/// Every built-in command, in the order `help` lists them.
enum BuiltinCatalog {
    static let all: [any BuiltinCommand.Type] = [
        HelpCommand.self, PluginsCommand.self, PluginManageCommand.self, LoadCommand.self, DatasetsCommand.self, ShowCommand.self,
        DescribeCommand.self, SchemaCommand.self, SQLCommand.self, ExportCommand.self, ChartCommand.self, ReportCommand.self, LessonCommand.self,
        DropCommand.self,
        RenameCommand.self, RestoreCommand.self, SourceCommand.self, RecordCommand.self, SetCommand.self, HistoryCommand.self,
        QuitCommand.self,
    ]
}
