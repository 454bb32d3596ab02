import OpsKit

/// The feature rows of a dataset ready for clustering, and how to label them in results.
struct ClusterInput {
    var table: FeatureTable
    /// The `--id` column restricted to the kept rows, if given.
    var id: Column?
    /// Indices of date/datetime features (a high value means recent).
    var dateFeatures: Set<Int>

    init(dataset: Dataset, features: [String], id idName: String?, missing: MissingPolicy, context: CommandContext) throws {
        let columns = try features.map { try dataset.column($0, option: "--features") }
        let idColumn = try idName.map { try dataset.column($0, option: "--id") }
        let features = try FeatureTable(dataset: dataset, columns: columns, missing: missing)
        if features.incompleteRows > 0 { context.note(Text.missingRows(features.incompleteRows, missing)) }
        table = features
        id = idColumn.map { features.rows.count < dataset.rowCount ? $0.selecting(rows: Array(features.rows)) : $0 }
        dateFeatures = Set(columns.indices.filter { columns[$0].type == .date || columns[$0].type == .datetime })
    }

    /// Moves the feature matrix out (leaving an empty one), so the caller can scale
    /// it in place without a second copy of the data.
    mutating func takeMatrix() -> Matrix {
        let matrix = table.matrix
        table.matrix = Matrix(rows: 0, cols: matrix.cols)
        return matrix
    }

    /// The id column (or 1-based `row` numbers) beside extra result columns.
    func resultDataset(_ extra: [Column]) throws -> Dataset {
        let key = id ?? Column(name: "row", integers: table.rows.map { Int64($0 + 1) })
        return try Dataset(columns: [key] + extra.filter { $0.name != key.name })
    }
}
