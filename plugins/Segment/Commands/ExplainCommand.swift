import ArgumentParser
import OpsKit

/// `segment explain DATASET --features x,y --k 2 [--init-rows 1,3]`: every Lloyd iteration, step by step.
struct ExplainCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: Text.explainAbstract, discussion: Text.explainDiscussion)
    static let examples = [
        "sql \"SELECT 1 AS x, 2 AS y UNION ALL SELECT 2, 3 UNION ALL SELECT 8, 7 UNION ALL SELECT 9, 8\" --as points",
        "segment explain points --features x,y --k 2 --init-rows 1,3",
    ]
    /// Most rows printed distance by distance.
    static let rowLimit = 30

    @Argument(help: ArgumentHelp(Text.explainDatasetHelp), completion: Completion.dataset) var dataset: String
    @Option(help: ArgumentHelp(Text.featuresHelp), completion: Completion.columns) var features: CommaList<String>
    @Option(name: .customLong("k"), help: ArgumentHelp(Text.explainKHelp)) var clusterCount: Bounded<ClusterCount>
    @Option(name: .customLong("init-rows"), help: ArgumentHelp(Text.initRowsHelp))
    var initRows: CommaList<PositiveInt>?
    @Option(name: .customLong("max-iter"), help: ArgumentHelp(Text.explainMaxIterHelp)) var maxIter: Bounded<IterationCount> = 20
    @OptionGroup var result: ResultNameOption
    @OptionGroup var seedOption: SeedOption

    private var k: Int { clusterCount.value }

    mutating func run(in context: CommandContext) throws {
        let data = try context.dataset(dataset)
        let input = try ClusterInput(
            dataset: data, features: Array(features), id: nil, missing: .drop, context: context)
        let x = input.table.matrix
        guard x.rows >= 2 else { throw Text.tooFewRows(x.rows) }
        guard x.rows <= Self.rowLimit else { throw Text.explainTooLarge(x.rows, limit: Self.rowLimit) }
        let distinct = Seeding.distinctRows(x, limit: k)
        if distinct < k { throw Text.kTooLarge(k, distinct: distinct) }
        let (starts, how) = try initialRows(x, sourceRows: Array(input.table.rows), context: context)
        context.print(Text.explainStart(rows: starts.map { input.table.rows[$0] + 1 }, how: how))
        var walk = LloydWalk(x: x, centers: x.selecting(rows: starts).values)
        var steps = [(iteration: Int, row: Int, cluster: Int, distance: Double)]()
        for iteration in 1...maxIter.value {
            try context.checkCancellation()
            let step = walk.step()
            context.print()
            context.print(Text.explainIteration(iteration))
            printDistances(step, sourceRows: Array(input.table.rows), context: context)
            for i in 0..<x.rows {
                steps.append((iteration, input.table.rows[i] + 1, step.labels[i] + 1, step.distances[i * k + step.labels[i]].squareRoot()))
            }
            if !step.changed {
                context.print(Text.explainConverged(iteration))
                break
            }
            context.print(Text.explainCenters(iteration))
            for c in 0..<k { context.print("  C\(c + 1) = " + Self.point(Array(walk.centers[c * x.cols..<(c + 1) * x.cols]))) }
            if iteration == maxIter.value { context.print(Text.explainStopped(maxIter.value)) }
        }
        context.print(Text.explainInertia(ValueFormat.double(walk.inertia)))
        let name = result.name(or: "kmeans_steps")
        try context.store(
            Dataset(columns: [
                Column(name: "iteration", integers: steps.map { Int64($0.iteration) }),
                Column(name: "row", integers: steps.map { Int64($0.row) }),
                Column(name: "cluster", integers: steps.map { Int64($0.cluster) }),
                Column(name: "distance", doubles: steps.map(\.distance)),
            ]), as: name)
        context.confirm(Text.stored([name]))
    }

    /// Indices (into the kept rows) of the initial centres, and how they were chosen.
    private func initialRows(_ x: Matrix, sourceRows: [Int], context: CommandContext) throws -> ([Int], String) {
        if let initRows {
            let indices = initRows.compactMap { n in sourceRows.firstIndex(of: n.value - 1) }
            guard indices.count == initRows.count, Set(indices).count == indices.count else {
                throw Text.initRows(initRows.description, rows: sourceRows.count)
            }
            guard indices.count == k else { throw Text.initRowsCount(indices.count, k: k) }
            return (indices, "--init-rows")
        }
        var random = context.random(seedOption)
        let centers = try Seeding.kMeansPlusPlus(x, k: k, random: &random)
        let indices = (0..<k).map { c in (0..<x.rows).first { x.row($0) == Array(centers[c * x.cols..<(c + 1) * x.cols]) }! }
        return (indices, Text.seededCentres(context.seed(seedOption)))
    }

    private func printDistances(_ step: LloydWalk.Step, sourceRows: [Int], context: CommandContext) {
        let d = step.x.cols
        let headers = [Text.explainRow, Text.explainPoint] + (1...k).map { "C\($0)" } + [Text.explainNearest]
        let rows = (0..<step.x.rows).map { i -> [String] in
            [String(sourceRows[i] + 1), Self.point(Array(step.x.values[i * d..<(i + 1) * d]))]
                + (0..<k).map { Self.root(step.distances[i * k + $0]) } + ["C\(step.labels[i] + 1)"]
        }
        context.table(headers: headers, rows: rows, alignments: [.right, .left] + Array(repeating: .right, count: k) + [.left])
    }

    /// `(1.5, 2.5)`.
    static func point(_ values: [Double]) -> String { "(" + values.map(ValueFormat.double).joined(separator: ", ") + ")" }

    /// A distance from its square: `0`, `10`, `√74 ≈ 8.60`, `√0.5 ≈ 0.71`, or `≈ 1.58` when
    /// the square needs more than two decimals.
    static func root(_ squared: Double) -> String {
        let distance = squared.squareRoot()
        let hundredths = (squared * 100).rounded()
        guard abs(squared * 100 - hundredths) < 1e-7 * max(1, hundredths) else {
            return "≈ " + ValueFormat.fixed(distance, digits: 2)
        }
        let exact = hundredths / 100, rootWhole = exact.squareRoot().rounded()
        if rootWhole * rootWhole == exact { return ValueFormat.double(rootWhole) }
        return "√" + ValueFormat.double(exact) + " ≈ " + ValueFormat.fixed(distance, digits: 2)
    }
}

/// Lloyd's algorithm one visible step at a time, with exact squared distances.
struct LloydWalk {
    let x: Matrix
    var centers: [Double]
    private var labels: [Int]?

    init(x: Matrix, centers: [Double]) {
        self.x = x
        self.centers = centers
    }

    struct Step {
        let x: Matrix
        /// n × k squared distances to the centres used in this step.
        let distances: [Double]
        let labels: [Int]
        let changed: Bool
    }

    var k: Int { centers.count / x.cols }

    /// Assigns every point to its nearest centre, then moves the centres to their clusters' means.
    mutating func step() -> Step {
        let d = x.cols, k = self.k
        var distances = [Double](repeating: 0, count: x.rows * k)
        var assigned = [Int](repeating: 0, count: x.rows)
        x.values.withUnsafeBufferPointer { xb in
            centers.withUnsafeBufferPointer { cb in
                for i in 0..<x.rows {
                    for c in 0..<k { distances[i * k + c] = squaredDistance(xb.baseAddress!, i, cb.baseAddress!, c, d) }
                    assigned[i] = (0..<k).min { distances[i * k + $0] < distances[i * k + $1] }!
                }
            }
        }
        let changed = labels != assigned
        labels = assigned
        if changed {
            for c in 0..<k {
                let members = (0..<x.rows).filter { assigned[$0] == c }
                guard !members.isEmpty else { continue }
                for f in 0..<d {
                    centers[c * d + f] = members.reduce(0) { $0 + x.values[$1 * d + f] } / Double(members.count)
                }
            }
        }
        return Step(x: x, distances: distances, labels: assigned, changed: changed)
    }

    /// Sum of squared distances to the current centres.
    var inertia: Double {
        guard let labels else { return 0 }
        return x.values.withUnsafeBufferPointer { xb in
            centers.withUnsafeBufferPointer { cb in
                (0..<x.rows).reduce(0) { $0 + squaredDistance(xb.baseAddress!, $1, cb.baseAddress!, labels[$1], x.cols) }
            }
        }
    }
}
