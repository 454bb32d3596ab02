import ArgumentParser
import OpsKit

/// `segment assign DATASET --model NAME`: nearest saved centre for each row, after the saved scaling.
struct AssignCommand: PluginCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: Text.assignAbstract)
    static let examples = [
        "segment assign users --model profiles --id 用户ID",
        "segment assign users --model spend_segments --as new_segments",
    ]

    @Argument(help: ArgumentHelp(Text.assignDatasetHelp), completion: Completion.dataset) var dataset: String
    @Option(help: ArgumentHelp(Text.modelHelp), completion: Completion.dataset)
    var model: String
    @Option(help: ArgumentHelp(Text.idHelp), completion: Completion.columns) var id: String?
    @Option(help: ArgumentHelp(Text.missingHelp)) var missing: MissingPolicy = .drop
    @OptionGroup var result: ResultNameOption

    mutating func run(in context: CommandContext) throws {
        let (modelName, saved) = try SegmentModel.load(model, from: context)
        let data = try context.dataset(dataset)
        var input = try ClusterInput(dataset: data, features: saved.features, id: id, missing: missing, context: context)
        var x = input.takeMatrix()
        saved.scaler.transform(&x)
        var centers = Matrix(rows: saved.k, cols: saved.features.count, values: saved.centers)
        saved.scaler.transform(&centers)
        var labels = [Int32](repeating: -1, count: x.rows)
        _ = LloydKernel(x: x, k: saved.k).assign(centers: centers.values, labels: &labels, accumulate: false)
        var counts = [Int](repeating: 0, count: saved.k)
        for label in labels { counts[Int(label)] += 1 }
        let name = result.name(or: "assigned")
        let assignments = try input.resultDataset([
            Column(name: "cluster", integers: labels.map { Int64($0) + 1 }),
            Column(name: "label", strings: labels.map { saved.labels[Int($0)] }),
        ])
        context.print(Text.assignSummary(rows: x.rows, model: modelName))
        let rows = (0..<saved.k).map { c in
            [String(c + 1), saved.labels[c], String(counts[c]), Format.percent(Double(counts[c]) / Double(max(1, x.rows)))]
        }
        context.table(headers: Text.assignHeaders, rows: rows, alignments: [.right, .left, .right, .right])
        try context.store(assignments, as: name)
        context.confirm(Text.stored([name]))
    }
}
