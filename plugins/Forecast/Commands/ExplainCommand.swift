import ArgumentParser
import Foundation
import OpsKit

/// `forecast explain`: one series' forecast in plain words.
struct ExplainCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: Strings.explainAbstract.encoded, discussion: Strings.explainDiscussion.encoded)

    static let examples = [
        "forecast explain forecasts --series SKU02",
        "forecast explain forecasts --series SKU02 --date 2026-11-11",
    ]

    @Argument(help: ArgumentHelp(Strings.explainForecastsHelp), completion: Completion.dataset)
    var forecasts: String

    @Option(help: ArgumentHelp(Strings.explainSeriesHelp))
    var series: String?

    @Option(help: ArgumentHelp(Strings.explainDateHelp))
    var date: DayArgument?

    mutating func run(in context: CommandContext) throws {
        let data = try context.dataset(forecasts)
        let input = try ForecastsInput(data)
        let g: Int
        if let series {
            guard let found = input.keys.firstIndex(of: series) else {
                throw OpsError.unknown(
                    kind: Strings.seriesKind, name: series, place: Strings.inDataset(forecasts), available: input.keys,
                    listLabel: Strings.seriesKind)
            }
            g = found
        } else {
            guard input.keys.count == 1 else { throw OpsError.invalidOption("--series", Strings.explainNeedsSeries(input.keys.count), hint: Strings.explainSeriesHint(input.keys.prefix(3).joined(separator: ", "))) }
            g = 0
        }
        let rows = input.groups[g]
        let explanation = try ForecastExplanation(data: data, rows: rows, mean: input.means[g], sd: input.sds[g], frequency: input.frequency)
        let effectsName = EffectsOutput.name(for: forecasts)
        let effects = try context.hasDataset(effectsName)
            ? EventEffectRows(context.dataset(effectsName), key: input.keyColumn?.name, series: input.keys[g]) : nil
        for line in explanation.lines(series: input.keys[g], effects: effects, day: date?.day) { context.print(line) }
    }
}

/// The learned effects of one series read back from `<forecasts>_effects`.
struct EventEffectRows {
    struct Effect { var event: String; var key: String; var liftPercent: Double; var occurrences: Int; var years: String; var pooled: Bool }
    var effects: [Effect] = []

    init(_ data: Dataset, key: String?, series: String) throws {
        let keys = try key.map { try data.column($0).stringValues() }
        let event = try data.column("event").stringValues(), label = try data.column("key").stringValues()
        let lift = try data.column("lift_pct").requireNumeric(), count = try data.column("occurrences").requireNumeric()
        let years = try data.column("learned_from").stringValues(), source = try data.column("source").stringValues()
        for row in 0..<data.rowCount where keys == nil || keys![row] == series {
            effects.append(Effect(event: event[row] ?? "", key: label[row] ?? "", liftPercent: lift[row], occurrences: Int(count[row]),
                                  years: years[row] ?? "", pooled: source[row] == "pooled"))
        }
    }
}
