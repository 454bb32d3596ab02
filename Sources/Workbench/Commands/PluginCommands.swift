import ArgumentParser
import Foundation
import OpsKit

/// `plugin add PATH | list | remove NAME`: plugins in other processes, in any language.
struct PluginManageCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: Localized(en: "Add, list or remove external plugins (any language).", zh: "添加、列出或移除外部插件（任何语言）。").encoded,
        discussion: Localized(
            en: "plugin add runs the program once and caches its commands in $OPSBENCH_HOME/plugins, so help and completion work without starting it; it starts on first use. See docs/plugin-protocol.md.",
            zh: "plugin add 运行该程序一次并把它的命令缓存到 $OPSBENCH_HOME/plugins，因此帮助和补全无需启动它；首次使用时才启动。见 docs/plugin-protocol.md。").encoded)
    static let examples = ["plugin add plugins/external/stats.py", "plugin list", "plugin remove stats"]

    enum Action: String, ChoiceOption {
        case add, list, remove
        var help: Localized {
            switch self {
            case .add: return .init(en: "start PATH once and cache its commands", zh: "启动 PATH 一次并缓存其命令")
            case .list: return .init(en: "the external plugins added", zh: "已添加的外部插件")
            case .remove: return .init(en: "forget plugin NAME", zh: "移除插件 NAME")
            }
        }
    }

    @Argument(help: ArgumentHelp(Localized(en: "What to do.", zh: "操作。"))) var action: Action
    @Argument(help: ArgumentHelp(Localized(en: "The plugin program (add) or name (remove).", zh: "插件程序（add）或名称（remove）。")), completion: .file())
    var target: String?

    func validate() throws {
        if action != .list, target == nil { throw OpsError(ExternalText.needsTarget(action.rawValue), code: .missingArgument) }
    }

    func run(in session: Session, context: CommandContext) throws {
        let store = session.pluginStore ?? ExternalPluginStore(home: FileManager.default.temporaryDirectory)
        let externals = session.registry.plugins.compactMap(\.external)
        switch action {
        case .add:
            let record = try ExternalPluginStore.inspect(path: target ?? "")
            try session.registry.addExternal(record)
            if session.pluginStore != nil { try store.save(record) }
            context.print(ExternalText.added(record.name, record.version, commands: record.commands.compactMap(\.path.last)))
        case .list:
            guard !externals.isEmpty else { return context.print(ExternalText.noExternal) }
            context.table(
                headers: [L("plugin", "插件"), L("version", "版本"), L("protocol", "协议"), L("commands", "命令"), L("program", "程序")],
                rows: externals.map {
                    [$0.name, $0.version, $0.protocolVersion.description, $0.commands.compactMap(\.path.last).joined(separator: ", "),
                     $0.executable.last ?? ""]
                })
        case .remove:
            let name = target ?? ""
            guard externals.contains(where: { $0.name == name }) else { throw ExternalText.notAdded(name, externals.map(\.name)) }
            session.registry.removeExternal(named: name)
            session.externalHost.stop(name)
            if session.pluginStore != nil { try store.remove(name) }
            context.print(ExternalText.removed(name))
        }
    }
}
