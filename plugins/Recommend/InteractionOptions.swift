import ArgumentParser
import OpsKit

/// `--user`, `--item` and `--weight`: how to read an interactions dataset.
struct InteractionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.userHelp), completion: Completion.columns) var user: String
    @Option(help: ArgumentHelp(Strings.interactionItemHelp), completion: Completion.columns) var item: String
    @Option(help: ArgumentHelp(Strings.weightHelp), completion: Completion.columns) var weight: String?

    init() {}

    /// Reads the log and reports skipped and repeated rows.
    func log(_ dataset: Dataset, time: String? = nil, context: CommandContext) throws -> InteractionLog {
        let log = try InteractionLog(
            dataset: dataset, userColumn: user, itemColumn: item, weightColumn: weight, timeColumn: time)
        if log.skippedRows > 0 {
            context.warn(
                Strings.skippedRows(
                    nullUser: log.nullUserRows, nullItem: log.nullItemRows, badWeight: log.badWeightRows,
                    nullTime: log.nullTimeRows))
        }
        return log
    }
}
