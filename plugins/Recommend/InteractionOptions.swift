import ArgumentParser
import OpsKit

/// `--user`, `--item`, `--weight`, `--damping` and `--basket`: how to read an interactions dataset.
struct InteractionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.userHelp), completion: Completion.columns) var user: String
    @Option(help: ArgumentHelp(Strings.interactionItemHelp), completion: Completion.columns) var item: String
    @Option(help: ArgumentHelp(Strings.weightHelp), completion: Completion.columns) var weight: String?
    @Option(help: ArgumentHelp(Strings.dampingHelp)) var damping: Damping?
    @Option(help: ArgumentHelp(Strings.basketHelp), completion: Completion.columns) var basket: String?

    init() {}

    /// The damping the models see: `--damping`, else log.
    var resolvedDamping: Damping { damping ?? .log }
    /// The dampings `--method auto` tries: the one given, else each of ``AutoSelection/dampings``.
    var autoDampings: [Damping] { damping.map { [$0] } ?? AutoSelection.dampings }

    /// Reads the log and reports skipped and repeated rows.
    func log(_ dataset: Dataset, time: String? = nil, context: CommandContext) throws -> InteractionLog {
        let log = try InteractionLog(
            dataset: dataset, userColumn: user, itemColumn: item, weightColumn: weight, timeColumn: time,
            basketColumn: basket)
        if log.skippedRows > 0 {
            context.warn(
                Strings.skippedRows(
                    nullUser: log.nullUserRows, nullItem: log.nullItemRows, badWeight: log.badWeightRows,
                    nullTime: log.nullTimeRows))
        }
        return log
    }
}
