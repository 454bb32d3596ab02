import OpsKit

/// `--k auto`: fits every K in the range, charts inertia and silhouette,
/// and returns the fit of the chosen K (silhouette's choice unless by elbow)
/// with the sweep as a table (`k`, `inertia`, `silhouette`, `chosen`), kept as `NAME_sweep`.
struct KSweep {
    /// Rows above which the silhouette is computed on a seeded sample.
    static let silhouetteSampleSize = 20_000

    var range: ClosedRange<Int>
    var options: KMeansOptions
    var chooseByElbow: Bool

    func run(_ x: inout Matrix, random: inout SeededGenerator, context: CommandContext) throws -> (fit: KMeansResult, sweep: Dataset) {
        guard range.upperBound < x.rows else { throw Text.kRangeTooLarge(range, rows: x.rows) }
        let distinct = Seeding.distinctRows(x, limit: range.upperBound)
        if distinct < range.upperBound { throw Text.kTooLarge(range.upperBound, distinct: distinct) }
        let ks = Array(range)
        var fits = [KMeansResult]()
        let progress = context.progress(Text.sweepProgress, total: ks.count * options.nInit)
        defer { progress.finish() }
        for k in ks {
            var settings = options
            settings.k = k
            let monitor = FitMonitor(checkCancellation: context.checkCancellation, didFinishRun: { _, _ in progress.advance(detail: "K=\(k)") })
            fits.append(try KMeans.fit(&x, options: settings, random: &random, monitor: monitor))
        }
        let silhouettes = try silhouette(x, fits: fits, ks: ks, random: &random, context: context)
        let inertias = fits.map(\.inertia)
        let elbow = Kneedle.elbow(x: ks.map(Double.init), y: inertias).map { ks[$0] }
        let bestSilhouette = ks[silhouettes.indices.max { silhouettes[$0] < silhouettes[$1] || (silhouettes[$0] == silhouettes[$1] && $0 > $1) }!]
        let chosen = chooseByElbow ? (elbow ?? bestSilhouette) : bestSilhouette
        print(ks: ks, inertias: inertias, silhouettes: silhouettes, context: context)
        context.print(Text.choice(elbow: elbow, silhouette: bestSilhouette, chosen: chosen, by: chooseByElbow && elbow != nil ? "elbow" : "silhouette"))
        let sweep = try Dataset(columns: [
            Column(name: "k", integers: ks.map(Int64.init)), Column(name: "inertia", doubles: inertias),
            Column(name: "silhouette", doubles: silhouettes), Column(name: "chosen", bools: ks.map { $0 == chosen }),
        ])
        return (fits[chosen - range.lowerBound], sweep)
    }

    private func silhouette(
        _ x: Matrix, fits: [KMeansResult], ks: [Int], random: inout SeededGenerator, context: CommandContext
    ) throws -> [Double] {
        guard x.rows > Self.silhouetteSampleSize else {
            return try Silhouette.scores(x, labelings: fits.map(\.labels), ks: ks, checkCancellation: context.checkCancellation)
        }
        let rows = MiniBatch.sampleIndices(x.rows, Self.silhouetteSampleSize, random: &random).sorted()
        context.note(Text.silhouetteSample(rows.count, of: x.rows))
        let labelings = fits.map { fit in rows.map { fit.labels[$0] } }
        return try Silhouette.scores(
            x.selecting(rows: rows), labelings: labelings, ks: ks, checkCancellation: context.checkCancellation)
    }

    private func print(ks: [Int], inertias: [Double], silhouettes: [Double], context: CommandContext) {
        let rows = ks.indices.map { [String(ks[$0]), ValueFormat.fixed(inertias[$0], digits: 2), ValueFormat.fixed(silhouettes[$0], digits: 4)] }
        context.table(headers: Text.sweepHeaders, rows: rows, alignments: [.right, .right, .right])
        let width = max(20, min(60, context.style.width - 12))
        let chart = LineChart(width: width, height: 8)
        let labels = ("K=\(ks.first!)", "K=\(ks.last!)")
        context.write(chart.render(series: [ChartSeries(label: Text.inertiaLegend, values: inertias, symbol: "●")], xLabels: labels))
        context.write(chart.render(series: [ChartSeries(label: Text.silhouetteLegend, values: silhouettes, symbol: "◆")], xLabels: labels))
    }
}
