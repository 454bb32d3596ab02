import ArgumentParser
import Foundation
import OpsKit

struct DropCommand: BuiltinCommand, ManagesCatalogue {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: BuiltinText.dropAbstract.encoded)
    static let examples = ["drop scratch", "drop a b c"]

    @Argument(help: ArgumentHelp(BuiltinText.dropNamesHelp), completion: Completion.dataset) var names: [String]

    func validate() throws {
        if names.isEmpty { throw ValidationError(BuiltinText.dropNeedsName) }
    }

    func run(in session: Session, context: CommandContext) throws {
        for name in names where !context.hasDataset(name) && session.workspace.remote(named: name) == nil {
            throw OpsError.unknownDataset(name, available: session.workspace.allNames)
        }
        let engines = names.map { session.workspace.remote(named: $0)?.engine }
        try session.workspace.apply(names.map { .drop($0) })
        for (name, engine) in zip(names, engines) {
            context.print(Strings.dropped(name) + (engine.map(RemoteText.forgotten) ?? StorageMessages.undoDrop(name)))
        }
    }
}

struct RenameCommand: BuiltinCommand, ManagesCatalogue {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: BuiltinText.renameAbstract.encoded)
    static let examples = ["rename segments segments_2026_11"]

    @Argument(help: ArgumentHelp(BuiltinText.renameOldHelp), completion: Completion.dataset) var old: String
    @Argument(help: ArgumentHelp(BuiltinText.renameNewHelp)) var new: String

    func run(in session: Session, context: CommandContext) throws {
        guard context.hasDataset(old) || session.workspace.remote(named: old) != nil else {
            throw OpsError.unknownDataset(old, available: session.workspace.allNames)
        }
        try DatasetName.validate(new)
        if context.hasDataset(new) || session.workspace.remote(named: new) != nil { throw OpsError(Strings.nameTaken(new), hint: Strings.nameTakenHint) }
        try session.workspace.apply([.rename(from: old, to: new)])
        context.print(Strings.renamed(old, new))
    }
}
