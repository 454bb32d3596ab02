import ArgumentParser
import Foundation
import OpsKit

struct DropCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: BuiltinText.dropAbstract.encoded)
    static let examples = ["drop scratch", "drop a b c"]

    @Argument(help: ArgumentHelp(BuiltinText.dropNamesHelp), completion: Completion.dataset) var names: [String]

    func validate() throws {
        if names.isEmpty { throw ValidationError(BuiltinText.dropNeedsName) }
    }

    func run(in session: Session, context: CommandContext) throws {
        for name in names where !context.hasDataset(name) {
            throw OpsError.unknownDataset(name, available: context.datasetNames)
        }
        try session.workspace.apply(names.map { .drop($0) })
        for name in names { context.print(Strings.dropped(name) + StorageMessages.undoDrop(name)) }
    }
}

struct RenameCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: BuiltinText.renameAbstract.encoded)
    static let examples = ["rename segments segments_2026_11"]

    @Argument(help: ArgumentHelp(BuiltinText.renameOldHelp), completion: Completion.dataset) var old: String
    @Argument(help: ArgumentHelp(BuiltinText.renameNewHelp)) var new: String

    func run(in session: Session, context: CommandContext) throws {
        guard context.hasDataset(old) else { throw OpsError.unknownDataset(old, available: context.datasetNames) }
        try DatasetName.validate(new)
        if context.hasDataset(new) { throw OpsError(Strings.nameTaken(new), hint: Strings.nameTakenHint) }
        try session.workspace.apply([.rename(from: old, to: new)])
        context.print(Strings.renamed(old, new))
    }
}
