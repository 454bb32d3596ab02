import ArgumentParser
import Foundation
import OpsKit

/// `ask evaluate TESTSET --text COL --intent COL (--kb NAME | --model NAME)`.
struct EvaluateCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure intent accuracy, macro-F1, top-3, MRR and out-of-scope detection; tune the threshold.",
        discussion: """
            With --kb the predicted intent is the intent of the retrieved FAQ entry; with --model the \
            classifier's. Accuracy, macro-F1, top-3 accuracy and MRR are over in-scope questions; \
            out-of-scope recall and precision are at the threshold in force; the suggested threshold \
            maximises accuracy over all questions (low confidence hands off, which is right exactly \
            for out-of-scope ones). --save-threshold stores it with the knowledge base and/or model. \
            With --tune-share S the threshold is tuned on a random share S of the questions and every \
            figure is measured, at that threshold, on the others, so the accuracy is not optimistic. \
            The calibration error (ECE) compares the confidence with the share of answers that are \
            right; the second table shows how many questions are answered, and how many of those \
            right, at several thresholds.
            """)
    static let examples = [
        "ask evaluate utterances --text text --intent intent --model ask_intents --as ask_eval",
        "ask evaluate faq_tests --text question --intent intent --kb ask_kb --oos-label oos --save-threshold",
        "ask evaluate faq_tests --text question --intent intent --kb ask_kb --tune-share 0.5 --seed 7 --save-threshold",
    ]

    @Argument(help: "Dataset of test questions with their expected intent.", completion: Completion.dataset)
    var testset: String

    @Option(help: "Column of question texts.", completion: Completion.columns)
    var text: String

    @Option(help: "Column of expected intents.", completion: Completion.columns)
    var intent: String

    @Option(help: "Knowledge base to evaluate (its entries' intents).", completion: Completion.dataset)
    var kb: String?

    @Option(help: "Intent model to evaluate.", completion: Completion.dataset)
    var model: String?

    @Option(name: .customLong("oos-label"), help: "Expected intent that marks out-of-scope questions.")
    var oosLabel: String = Assistant.oosLabel

    @Option(help: "Threshold in force (default: the stored one).")
    var threshold: Fraction?

    @Flag(name: .customLong("save-threshold"), help: "Store the best threshold with the knowledge base and/or model.")
    var saveThreshold = false

    @Option(name: .customLong("tune-share"), help: "Tune the threshold on this share of the questions (0…1, drawn with --seed) and measure on the rest (default: tune and measure on all).")
    var tuneShare: Bounded<OpenShare>?

    @OptionGroup var seed: SeedOption

    @Flag(help: "Print per-question latency percentiles (for benchmarks; the output is then not stable).")
    var timings = false

    @Option(name: .customLong("as"), help: "Store one row per question: text, expected, predicted, confidence.")
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
            predictions.append(RankedPrediction(expected: label, ranking: ranking, confidence: confidence))
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
