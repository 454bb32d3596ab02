import OpsKit

/// The charts that fit a result, chosen by the command that made it (its lineage)
/// and the shape of its columns: a K sweep, cluster profiles and members, RFM
/// segments, forecasts with intervals and events, backtest errors, a route map,
/// an ask evaluation, recommendation scores. A dataset no recipe knows gets none.
struct ResultCharts {
    let workspace: Workspace

    /// The charts of dataset `name` (empty when none fits or its inputs are gone).
    func charts(for name: String) -> [TitledChart] {
        guard let entry = workspace.entry(named: name), let command = RecordedCommand(entry.provenance?.command),
            let dataset = try? workspace.dataset(named: name)
        else { return [] }
        let result = Result(name: name, dataset: dataset, command: command, inputs: entry.provenance?.inputs ?? [], workspace: workspace)
        return (try? result.charts()) ?? []
    }

    /// One result with what made it.
    struct Result {
        let name: String
        let dataset: Dataset
        let command: RecordedCommand
        let inputs: [String]
        let workspace: Workspace

        func has(_ columns: String...) -> Bool { columns.allSatisfy { dataset.index(ofColumn: $0) != nil } }

        /// The dataset the command read (its first recorded input, else its first argument).
        func input() throws -> Dataset? {
            guard let name = inputs.first ?? command.subject, workspace.datasetNames.contains(name) else { return nil }
            return try workspace.dataset(named: name)
        }

        func charts() throws -> [TitledChart] {
            if command.is("segment", "kmeans") {
                if has("k", "inertia", "silhouette") { return SegmentCharts.sweep(self) }
                if has("cluster", "label", "size") { return SegmentCharts.profiles(self) }
                if has("cluster") { return try SegmentCharts.members(self) }
            }
            if command.is("segment", "assign"), has("cluster") { return try SegmentCharts.members(self) }
            if command.is("segment", "rfm"), has("segment", "monetary") { return try SegmentCharts.rfm(self) }
            if command.is("forecast", "predict"), has("forecast") { return try ForecastCharts.predictions(self) }
            if command.is("forecast", "backtest"), has("model", "mase") { return try ForecastCharts.backtest(self) }
            if command.is("route", "solve"), has("vehicle", "seq", "id") { return try RouteAndAskCharts.routes(self) }
            if command.is("ask", "evaluate"), has("expected", "predicted") { return try RouteAndAskCharts.askEvaluation(self) }
            if command.is("recommend", "evaluate"), has("method", "ndcg") { return try RouteAndAskCharts.recommendEvaluation(self) }
            if command.is("recommend", "similar"), has("rank", "score") { return try RouteAndAskCharts.similarItems(self) }
            return []
        }
    }
}

extension Dataset {
    /// The column's values as numbers (NaN for nulls), nil when it is absent or text.
    func numbers(_ name: String) -> [Double]? { (try? column(name))?.numericValues() }

    /// The column's values as text (`""` for nulls), nil when it is absent.
    func texts(_ name: String) -> [String]? {
        guard let column = try? column(name) else { return nil }
        return (0..<column.count).map { column.formatted(at: $0) }
    }
}
