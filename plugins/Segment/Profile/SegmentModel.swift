import OpsKit

/// What `segment assign` needs to reproduce a clustering: the features, their
/// scaling and the centres. Stored as two datasets beside the assignments:
/// `NAME_centers` (cluster, label, size, share, centre per feature in original
/// units) and `NAME_model` (feature, scaling, shift, scale).
struct SegmentModel {
    var features: [String]
    var scaler: FeatureScaler
    /// k × d, row-major, in original units.
    var centers: [Double]
    var labels: [String]
    var sizes: [Int]

    var k: Int { labels.count }

    static func centersName(_ name: String) -> String { name + "_centers" }
    static func modelName(_ name: String) -> String { name + "_model" }
    /// The K sweep of `--k auto`: one row per K tried.
    static func sweepName(_ name: String) -> String { name + "_sweep" }

    func centersDataset() throws -> Dataset {
        let d = features.count, total = max(1, sizes.reduce(0, +))
        var columns = [
            Column(name: "cluster", integers: (1...k).map(Int64.init)),
            Column(name: "label", strings: labels),
            Column(name: "size", integers: sizes.map(Int64.init)),
            Column(name: "share", doubles: sizes.map { Double($0) / Double(total) }),
        ]
        for (f, name) in features.enumerated() {
            columns.append(Column(name: name, doubles: (0..<k).map { centers[$0 * d + f] }))
        }
        return try Dataset(columns: columns)
    }

    func modelDataset() throws -> Dataset {
        try Dataset(columns: [
            Column(name: "feature", strings: features),
            Column(name: "scaling", strings: features.map { _ in scaler.method.rawValue }),
            Column(name: "shift", doubles: scaler.shift),
            Column(name: "scale", doubles: scaler.scale),
        ])
    }

    /// Reads the model saved under `name` (also accepted: `name_centers` or `name_model`).
    static func load(_ given: String, from context: CommandContext) throws -> (name: String, model: SegmentModel) {
        var name = given
        for suffix in ["_centers", "_model"] where name.hasSuffix(suffix) && !context.hasDataset(modelName(name)) {
            name = String(name.dropLast(suffix.count))
        }
        guard context.hasDataset(modelName(name)), context.hasDataset(centersName(name)) else {
            let models = context.datasetNames.filter { $0.hasSuffix("_model") }.map { String($0.dropLast(6)) }
            throw Text.modelMissing(given, available: models)
        }
        let model = try context.dataset(modelName(name)), centers = try context.dataset(centersName(name))
        guard let features = try? model.column("feature").stringValues().compactMap({ $0 }),
            let method = try? model.column("scaling").stringValues().first.flatMap({ $0 }).flatMap(ScalingMethod.init),
            let shift = try? model.column("shift").requireNumeric(), let scale = try? model.column("scale").requireNumeric(),
            let labels = try? centers.column("label").stringValues().map({ $0 ?? "" }),
            let sizes = try? centers.column("size").requireNumeric(),
            features.count == model.rowCount, !features.isEmpty
        else { throw Text.modelBroken(name) }
        var values = [Double](repeating: 0, count: centers.rowCount * features.count)
        for (f, feature) in features.enumerated() {
            guard let column = try? centers.column(feature).requireNumeric() else { throw Text.modelBroken(name) }
            for c in 0..<centers.rowCount { values[c * features.count + f] = column[c] }
        }
        let scaler = FeatureScaler(method: method, shift: shift, scale: scale)
        return (name, SegmentModel(features: features, scaler: scaler, centers: values, labels: labels, sizes: sizes.map { Int($0) }))
    }
}
