import ArgumentParser
import Foundation

extension CommandDescriptor {
    /// Parses a Swift command's arguments the way the workbench does: first
    /// checked against this descriptor (so every problem is an ``OpsError`` with a
    /// code and the option concerned), then by argument-parser, whose remaining
    /// errors (rules in `validate()`) are turned into ``OpsError`` too.
    public func parse(_ command: any ParsableCommand.Type, _ arguments: [String]) throws -> ParsableCommand {
        _ = try ArgumentBinder(self).bind(arguments)
        do {
            return try command.parseAsRoot(NegativeValues.attached(arguments, descriptor: self))
        } catch let error as OpsError {
            throw error
        } catch {
            let message = command.message(for: error)
            if let (value, name) = Self.unparsedValue(in: message) { throw unparsed(value, name: name) }
            // An OpsError thrown by validate() comes back as its text, "message\nhint: hint".
            let text = Localized.resolving(message).trimmingWhitespace()
            let parts = text.components(separatedBy: "\nhint: ")
            throw OpsError(
                parts[0], hint: parts.count > 1 ? parts[1...].joined(separator: "\n") : BinderText.seeHelp(fullName),
                code: .invalidValue)
        }
    }
}

extension CommandDescriptor {
    /// The value and the argument in argument-parser's "The value 'x' is invalid for '--opt <opt>'",
    /// which it reports when a value type's `init?(argument:)` refuses a value its spec let through.
    static func unparsedValue(in message: String) -> (value: String, name: String)? {
        let opening = "The value '", middle = "' is invalid for '"
        guard message.hasPrefix(opening), let split = message.range(of: middle) else { return nil }
        let value = String(message[message.index(message.startIndex, offsetBy: opening.count)..<split.lowerBound])
        let target = message[split.upperBound...].prefix { $0 != "'" }
        guard let name = target.split(separator: " ").first else { return nil }
        return (value, String(name))
    }

    /// The refusal of an unparsable value in the interface language, naming the argument and
    /// the value; the hint is the argument's help, which says what form it takes.
    private func unparsed(_ value: String, name: String) -> OpsError {
        let positional = name.hasPrefix("<") ? String(name.dropFirst().dropLast()) : nil
        let described = positional.map { valueName in positionals.first { $0.valueName == valueName } } ?? argument(named: name)
        let shown = positional ?? name
        let hint = described.map { BinderText.expectedForm(shown, $0.help.text) } ?? BinderText.seeHelp(fullName)
        return OpsError(BinderText.invalidValue(value, for: shown), hint: hint, code: .invalidValue, option: shown)
    }
}

extension PluginCommand {
    /// This command's descriptor under `plugin` (its path is `[plugin, name]`).
    public static func descriptor(plugin: String) -> CommandDescriptor {
        CommandDescriptor.of(Self.self, path: [plugin, name], rules: rules, examples: examples.map { CommandExample($0) })
    }

    /// Parses arguments as the workbench does (see ``CommandDescriptor/parse(_:_:)``); for tests and embedders.
    public static func parseChecked(_ arguments: [String], plugin: String = "") throws -> Self {
        guard let command = try descriptor(plugin: plugin).parse(Self.self, arguments) as? Self else {
            throw OpsError(BinderText.seeHelp(name))
        }
        return command
    }
}
