import ArgumentParser
import OpsKit

/// `route solve STOPS ...`: capacitated vehicle routing, with time windows when given.
struct SolveCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve", abstract: Strings.solveAbstract.encoded, discussion: Strings.solveDiscussion.encoded)
    static let examples = [
        "route solve stops --depot D0 --capacity 100 --iterations 20000",
        "route solve stops --depot D0 --capacity 100 --ready ready --due due --service service --time-limit 10s",
        "route solve A_n32_k5 --time-limit 5s --as plan",
    ]

    @Argument(help: ArgumentHelp(Strings.stopsArgumentHelp), completion: Completion.dataset)
    var stops: String
    @OptionGroup var stopOptions: StopsOptions
    @Option(name: .customLong("time-limit"), help: ArgumentHelp(Strings.timeLimitHelp))
    var timeLimit: Bounded<SearchTime>?
    @Option(help: ArgumentHelp(Strings.iterationsHelp))
    var iterations: Bounded<SearchIterations>?
    @OptionGroup var seedOption: SeedOption
    @OptionGroup var result: ResultNameOption

    static var rules: [OptionRule] { StopsOptions.rules }

    mutating func run(in context: CommandContext) throws {
        let seconds = timeLimit?.value.seconds ?? (iterations == nil ? 5 : nil)
        let problem = try StopsProblem(dataset: stops, options: stopOptions, context: context)
        let seed = context.seed(seedOption)
        let budget = SearchBudget(iterations: iterations?.value, timeLimit: seconds, seed: seed)
        let reporter = context.progress(Strings.searching, total: budget.iterations)
        let digits = problem.instance.convention.displayDigits
        let outcome = RoutingSolver(instance: problem.instance).solve(
            budget: budget, shouldStop: { context.isCancelled },
            progress: { iteration, best in
                reporter.update(completed: iteration, detail: Strings.bestCost(ValueFormat.fixed(best, digits: digits)))
            })
        reporter.finish()
        if !outcome.unassigned.isEmpty {
            let names = outcome.unassigned.map { problem.ids[$0] }
            throw OpsError(Strings.unassigned(names), hint: Strings.unassignedHint)
        }
        let evaluation = RouteEvaluation(instance: problem.instance, routes: outcome.routes)
        let name = result.name(or: "routes")
        try context.store(try RoutesTable.dataset(evaluation, problem: problem), as: name)
        RouteReport(problem: problem, evaluation: evaluation).print(to: context, name: name)
        // a time-limited search may find another, equally good plan on replay: checks compare its distance
        if seconds != nil { context.markVolatile(figures: ["distance": evaluation.distance]) }
        if outcome.stoppedEarly { context.note(Strings.stoppedEarly) }
        context.note(Strings.searchSummary(
            initial: ValueFormat.fixed(outcome.initialDistance, digits: digits), iterations: outcome.iterations, seed: seed))
    }
}

/// `--time-limit`: from a millisecond to an hour.
enum SearchTime: RangeSpec {
    static let range = ValueRange(DurationValue.milliseconds(1)...DurationValue(seconds: RouteLimits.seconds))
}

/// `--iterations`: at least one, at most a million.
enum SearchIterations: RangeSpec {
    static let range = ValueRange(1...RouteLimits.iterations)
}
