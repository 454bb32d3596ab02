import OpsKit

/// A core command whose datasets are remote, and the engine plugin that runs it on them.
///
/// A command names its datasets through its descriptor (arguments completed as
/// `dataset`; `sql` and `export` say it themselves, ``NamesDatasets``). When one of
/// them is remote, the engine holding it must have declared the command in its
/// handshake (``EngineCapabilities``); the line is then bound against the command's
/// descriptor extended with the options the engine adds there (`--pull`, `--engine`),
/// and the bound, checked arguments go to the engine. Otherwise the command fails,
/// saying how to bring the data home.
struct RemotePlan {
    let engine: ExternalPluginRecord
    /// The command's descriptor with the engine's options.
    let descriptor: CommandDescriptor
    /// The arguments as bound to it, defaults filled in (the engine does not know the core's defaults).
    let bound: BoundArguments
    /// Every dataset the command names, local and remote.
    let datasets: [String]
    /// Options only the engine knows, left out when the command finishes locally.
    let engineOnly: [ArgumentDescriptor]

    /// The plan for running `entry` with `tokens`, or nil when it names no remote dataset (it then runs as usual).
    static func make(for entry: CommandEntry, tokens: [String], workspace: Workspace, registry: CommandRegistry) throws -> RemotePlan? {
        guard case .swift(let type) = entry.implementation, !(type is ManagesCatalogue.Type), !workspace.remoteNames.isEmpty
        else { return nil }
        let engines = registry.plugins.compactMap(\.external).filter { $0.engine != nil }
        let everyExtra = engines.flatMap { $0.engine?.command(entry.path)?.arguments ?? [] }
        // Bound leniently first, only to learn the datasets; a line that does not bind runs as usual and fails there.
        guard let lenient = try? ArgumentBinder(extended(entry.descriptor, with: everyExtra, strict: false)).bind(tokens) else {
            return nil
        }
        let names = datasets(of: type, descriptor: entry.descriptor, bound: lenient, among: workspace.allNames)
        let remote = names.compactMap { workspace.remote(named: $0) }
        guard let first = remote.first else { return nil }
        if let other = remote.first(where: { $0.engine != first.engine }) { throw RemoteText.twoEngines(first.name, other.name) }
        guard let engine = engines.first(where: { $0.name == first.engine }) else {
            throw RemoteText.engineMissing(first.name, engine: first.engine)
        }
        guard let command = engine.engine?.command(entry.path) else {
            throw RemoteText.cannotRun(entry.fullName, first.name, engine: first.engine)
        }
        if type is SQLCommand.Type, let local = names.first(where: { workspace.remote(named: $0) == nil }) {
            throw RemoteText.sqlMixed(local: local, remote: first.name, engine: first.engine)
        }
        let extras = command.arguments ?? []
        let descriptor = extended(entry.descriptor, with: extras, strict: true)
        let bound = withDefaults(try ArgumentBinder(descriptor).bind(tokens), descriptor)
        let known = Set(entry.descriptor.optionNames)
        return RemotePlan(
            engine: engine, descriptor: descriptor, bound: bound, datasets: names,
            engineOnly: extras.filter { argument in !argument.names.contains(where: known.contains) })
    }

    /// The descriptor with the engine's arguments: added, or in place of a core option of the same name.
    /// Not `strict`: values of either are accepted (to learn the datasets of any line).
    private static func extended(_ descriptor: CommandDescriptor, with extras: [ArgumentDescriptor], strict: Bool) -> CommandDescriptor {
        var result = descriptor
        for extra in extras {
            if let index = result.arguments.firstIndex(where: { !Set($0.names).isDisjoint(with: extra.names) }) {
                if strict { result.arguments[index] = extra } else { result.arguments[index].value = .text }
            } else if !result.arguments.contains(where: { !Set($0.names).isDisjoint(with: extra.names) }) {
                var added = extra
                if !strict, added.kind == .option { added.value = .text }
                result.arguments.append(added)
            }
        }
        if !strict { result.rules = [] }
        return result
    }

    private static func withDefaults(_ bound: BoundArguments, _ descriptor: CommandDescriptor) -> BoundArguments {
        var bound = bound
        for argument in descriptor.arguments where argument.kind == .option && bound.options[argument.displayName] == nil {
            if let value = argument.defaultValue { bound.options[argument.displayName] = [value] }
        }
        return bound
    }

    /// The datasets a command names: its own account (``NamesDatasets``), else its dataset arguments.
    private static func datasets(
        of type: any Any.Type, descriptor: CommandDescriptor, bound: BoundArguments, among names: [String]
    ) -> [String] {
        if let namer = type as? any NamesDatasets.Type { return namer.datasets(named: bound, among: names) }
        return ExternalPluginHost.datasetNames(command: descriptor, bound: bound)
    }

    /// The tokens without the engine-only options (for finishing the command locally).
    func localTokens(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            guard let argument = engineOnly.first(where: { $0.names.contains(name) }) else {
                result.append(token)
                continue
            }
            if argument.kind != .flag, !token.contains("="), index < tokens.count { index += 1 }
        }
        return result
    }
}

/// A command that works on the catalogue, not on rows (`drop`, `rename`): it runs here for remote datasets too.
protocol ManagesCatalogue {}

/// A command whose datasets are not (only) its dataset arguments: `sql` reads the tables its query names,
/// `export` takes a path after them.
protocol NamesDatasets {
    static func datasets(named bound: BoundArguments, among names: [String]) -> [String]
}

/// The workspace, with datasets an engine prepared for a command in place of remote ones.
final class OverlaySource: DatasetSource {
    let base: Workspace
    var overlay: [String: Dataset] = [:]

    init(_ base: Workspace) { self.base = base }

    func dataset(named name: String) throws -> Dataset {
        if let prepared = overlay[name] { return prepared }
        return try base.dataset(named: name)
    }

    var datasetNames: [String] { Set(base.datasetNames).union(overlay.keys).sorted() }

    /// Passes a command's release of its input on to the workspace (a prepared remote dataset stays).
    func release(named name: String) {
        if overlay[name] == nil { base.release(named: name) }
    }
}
