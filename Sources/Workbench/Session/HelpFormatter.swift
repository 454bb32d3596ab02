import ArgumentParser
import OpsKit

/// Help text generated from the registry and the commands' declarations.
struct HelpFormatter {
    let registry: CommandRegistry
    let width: Int

    /// `help`: every command, built-ins then plugins.
    func overview() -> String {
        var text = Strings.builtinCommandsHeading + "\n"
        text += rows(registry.builtins.map { ($0.fullName, $0.abstract) })
        for plugin in registry.plugins {
            text += "\n\(plugin.name) — \(Localized.resolving(plugin.summary))\n"
            text += rows(plugin.commands.map { ($0.fullName, $0.abstract) })
        }
        text += "\n" + Strings.helpFooter + "\n"
        return text
    }

    /// `help PLUGIN`.
    func pluginHelp(_ plugin: PluginEntry) -> String {
        var text = "\(plugin.name) \(plugin.version) — \(Localized.resolving(plugin.summary))\n\n" + Strings.commandsHeading + "\n"
        text += rows(plugin.commands.map { ($0.fullName, $0.abstract) })
        if let fallback = plugin.defaultCommand {
            text += "\n" + Strings.defaultCommandNote(plugin.name, fallback.fullName) + "\n"
        }
        let examples = plugin.commands.flatMap { $0.examples.prefix(1) }
        if !examples.isEmpty { text += "\n" + Strings.examplesHeading + "\n" + examples.map { "  \($0)\n" }.joined() }
        return text
    }

    /// `help COMMAND` / `COMMAND --help`: rendered from the command's descriptor in the interface language.
    func commandHelp(_ entry: CommandEntry) -> String {
        CommandHelp(entry.descriptor, width: width).render()
    }

    private func rows(_ items: [(String, String)]) -> String {
        let nameWidth = min(28, (items.map { DisplayWidth.of($0.0) }.max() ?? 0))
        return items.map { name, abstract in
            "  " + DisplayWidth.pad(name, to: nameWidth) + "  " + abstract + "\n"
        }.joined()
    }
}

import Foundation
