import ArgumentParser
import Foundation
import OpsKit

/// `ask evaluate TESTSET --text COL --intent COL (--kb NAME | --model NAME)`.
struct EvaluateCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: AskText.evaluateAbstract.encoded, discussion: AskText.evaluateDiscussion.encoded)
    static let examples = [
        "ask evaluate utterances --text text --intent intent --model ask_intents --as ask_eval",
        "ask evaluate faq_tests --text text --intent intent --kb ask_kb --oos-label oos --save-threshold",
        "ask evaluate faq_tests --text text --intent intent --kb ask_kb --tune-share 0.5 --seed 7 --save-threshold",
    ]

    @Argument(help: ArgumentHelp(AskText.testsetHelp), completion: Completion.dataset)
    var testset: String

    @Option(help: ArgumentHelp(AskText.textColumnHelp), completion: Completion.columns)
    var text: String

    @Option(help: ArgumentHelp(AskText.expectedIntentHelp), completion: Completion.columns)
    var intent: String

    @Option(help: ArgumentHelp(AskText.evaluateKBHelp), completion: Completion.dataset)
    var kb: String?

    @Option(help: ArgumentHelp(AskText.evaluateModelHelp), completion: Completion.dataset)
    var model: String?

    @Option(name: .customLong("oos-label"), help: ArgumentHelp(AskText.oosLabelHelp))
    var oosLabel: String = Assistant.oosLabel

    @Option(help: ArgumentHelp(AskText.evaluateThresholdHelp))
    var threshold: Fraction?

    @Flag(name: .customLong("save-threshold"), help: ArgumentHelp(AskText.saveThresholdHelp))
    var saveThreshold = false

    @Option(name: .customLong("tune-share"), help: ArgumentHelp(AskText.tuneShareHelp))
    var tuneShare: Bounded<OpenShare>?

    @OptionGroup var seed: SeedOption

    @Flag(help: ArgumentHelp(AskText.evaluateTimingsHelp))
    var timings = false

    @Option(name: .customLong("as"), help: ArgumentHelp(AskText.evaluateResultHelp))
    var resultName: String?

    init() {}

    mutating func run(in context: CommandContext) throws {
        let sources = try AssistantOptions.resolve(kb: kb, model: model, in: context)
        let assistant = Assistant(kb: sources.kb?.value, model: sources.model?.value, threshold: threshold?.value)
        let table = try context.dataset(testset)
        let texts = try table.column(text, option: "--text").stringValues()
        let expected = try table.column(intent, option: "--intent").stringValues()
        var predictions: [RankedPrediction] = [], kept: [String] = [], skipped = 0, latencies: [Double] = []
        let progress = context.progress(AskText.evaluating, total: table.rowCount)
        defer { progress.finish() }
        for row in 0..<table.rowCount {
            if row % 256 == 0 {
                try context.checkCancellation()
                progress.update(completed: row)
            }
            let question = texts[row]?.trimmingWhitespace() ?? "", label = expected[row]?.trimmingWhitespace() ?? ""
            if question.isEmpty || label.isEmpty { skipped += 1; continue }
            let start = DispatchTime.now().uptimeNanoseconds
            let (ranking, confidence) = assistant.rankIntents(String(question.prefix(Assistant.maxQuestionLength)))
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            predictions.append(RankedPrediction(expected: RankedPrediction.resolve(label, in: ranking), ranking: ranking, confidence: confidence))
            kept.append(question)
        }
        if skipped > 0 { context.warn(AskText.skippedUtterances(skipped)) }
        guard !predictions.isEmpty else { throw OpsError(AskText.noTestRows(testset), hint: AskText.noEntriesHint) }
        // With --tune-share, the threshold is chosen on a random part and every figure is measured on the rest.
        var measured = predictions, tuning = predictions
        if let tuneShare {
            var random = SeededGenerator(seed: context.seed(seed))
            let order = predictions.indices.shuffled(using: &random)
            let cut = min(predictions.count - 1, max(1, Int((tuneShare.value * Double(predictions.count)).rounded())))
            tuning = order[..<cut].map { predictions[$0] }
            measured = order[cut...].map { predictions[$0] }
        }
        let tuned = IntentMetrics(tuning, oosLabel: oosLabel, threshold: assistant.threshold)
        if tuneShare != nil, tuned.outOfScopeCount == 0 {
            throw OpsError(AskText.noOutOfScope(oosLabel), hint: AskText.noOutOfScopeHint)
        }
        let metrics = IntentMetrics(measured, oosLabel: oosLabel, threshold: tuneShare == nil ? assistant.threshold : tuned.bestThreshold)
        let against = [sources.kb.map { AskText.kbSource($0.name) }, sources.model.map { AskText.modelSource($0.name) }]
        context.print(AskText.evaluated(metrics, against: against.compactMap { $0 }.joined(separator: " + ")))
        if tuneShare != nil { context.print(AskText.tunedOnPart(tuning: tuning.count, measured: measured.count, threshold: tuned.bestThreshold)) }
        context.table(headers: AskText.metricHeaders, rows: AskText.metricRows(metrics), alignments: [.left, .right])
        context.table(headers: AskText.abstentionHeaders, rows: AskText.abstentionRows(metrics), alignments: [.right, .right, .right])
        if timings {
            latencies.sort()
            func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)] }
            context.print(AskText.latencyTiming(p50: percentile(0.5), p99: percentile(0.99), count: latencies.count))
        }
        if let resultName {
            func predicted(_ p: RankedPrediction) -> String { p.confidence >= metrics.threshold ? (p.top ?? oosLabel) : oosLabel }
            try context.store(
                Dataset(columns: [
                    Column(name: "text", strings: kept.map(Entities.masked)), Column(name: "expected", strings: predictions.map(\.expected)),
                    Column(name: "predicted", strings: predictions.map(predicted)),
                    Column(name: "confidence", doubles: predictions.map(\.confidence)),
                ]), as: resultName)
        }
        if saveThreshold {
            guard tuned.outOfScopeCount > 0 else { throw OpsError(AskText.noOutOfScope(oosLabel), hint: AskText.noOutOfScopeHint) }
            if let (name, base) = sources.kb {
                try context.store(KnowledgeBaseStore.dataset(base.with(threshold: tuned.bestThreshold)), as: name)
            }
            if let (name, model) = sources.model {
                try context.store(IntentModelStore.dataset(model.with(threshold: tuned.bestThreshold)), as: name)
            }
            context.print(AskText.savedThreshold(tuned.bestThreshold, onAll: tuneShare == nil))
        }
    }
}

/// `--tune-share`: strictly between 0 and 1, so both parts have questions.
enum OpenShare: RangeSpec { static let range = ValueRange<Double>.between(exclusive: 0, 1) }
