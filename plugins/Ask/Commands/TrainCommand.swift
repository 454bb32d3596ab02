import ArgumentParser
import OpsKit

/// `ask train UTTERANCES --text COL --intent COL`: trains the intent classifier.
struct TrainCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: AskText.trainAbstract.encoded, discussion: AskText.trainDiscussion.encoded)
    static let examples = [
        "ask train utterances --text text --intent intent --as ask_intents",
        "ask train utterances --text text --intent intent --c 30 --seed 7",
    ]

    @Argument(help: ArgumentHelp(AskText.utterancesHelp), completion: Completion.dataset)
    var utterances: String

    @Option(help: ArgumentHelp(AskText.utteranceTextHelp), completion: Completion.columns)
    var text: String

    @Option(help: ArgumentHelp(AskText.intentColumnHelp), completion: Completion.columns)
    var intent: String

    @Option(name: .customLong("c"), help: ArgumentHelp(AskText.cHelp))
    var c = PositiveDouble(IntentTrainer().c)

    @OptionGroup var seedOption: SeedOption
    @OptionGroup var result: ResultNameOption

    init() {}

    mutating func run(in context: CommandContext) throws {
        let table = try context.dataset(utterances)
        let texts = try table.column(text, option: "--text").stringValues()
        let labels = try table.column(intent, option: "--intent").stringValues()
        var x: [String] = [], y: [String] = [], skipped = 0
        for row in 0..<table.rowCount {
            let t = texts[row]?.trimmingWhitespace() ?? "", l = labels[row]?.trimmingWhitespace() ?? ""
            if t.isEmpty || l.isEmpty { skipped += 1; continue }
            x.append(t)
            y.append(l)
        }
        if skipped > 0 { context.warn(AskText.skippedUtterances(skipped)) }
        let classes = Set(y)
        guard classes.count >= 2 else {
            throw OpsError(AskText.tooFewIntents(column: intent, classes: classes.sorted()), hint: AskText.tooFewIntentsHint)
        }
        let trainer = IntentTrainer(c: c.value)
        let progress = context.progress(AskText.training, total: trainer.maxIterations)
        defer { progress.finish() }
        let (model, summary) = try trainer.train(
            texts: x, labels: y, seed: context.seed(seedOption),
            stage: { progress.update(completed: 0, detail: AskText.trainingStage($0)) },
            iteration: { iteration, loss in
                try context.checkCancellation()
                progress.update(completed: iteration, detail: AskText.lossDetail(loss))
            })
        let name = result.name(or: AskDefaults.model)
        try context.store(IntentModelStore.dataset(model), as: name)
        if !summary.converged { context.note(AskText.notConverged(summary.iterations)) }
        context.print(AskText.trainSummary(name: name, summary: summary, intents: model.labels.count, threshold: model.threshold))
    }
}
