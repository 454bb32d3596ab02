import ArgumentParser

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
            // An OpsError thrown by validate() comes back as its text, "message\nhint: hint".
            let text = Localized.resolving(command.message(for: error)).trimmingWhitespace()
            let parts = text.components(separatedBy: "\nhint: ")
            throw OpsError(
                parts[0], hint: parts.count > 1 ? parts[1...].joined(separator: "\n") : BinderText.seeHelp(fullName),
                code: .invalidValue)
        }
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
