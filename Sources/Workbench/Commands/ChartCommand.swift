import ArgumentParser
import OpsKit

/// `chart DATASET [--x col --y col[,col]] [--kind auto|line|bar|scatter] [--by col] [--band lo,hi] --out FILE.svg`
struct ChartCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart", abstract: WorkshopMessages.chartAbstract.encoded, discussion: WorkshopMessages.chartDiscussion.encoded)
    static let examples = [
        "chart forecast_14d --out forecast.svg",
        "chart city_summary --x 城市 --y 用户数 --out cities.svg",
        "chart forecast_sku01_28d --x date --y forecast --band lo_95,hi_95 --out sku01.svg",
        "chart seg_users --x 浏览次数 --y 购买金额 --kind scatter --out users.svg",
    ]

    @Argument(help: ArgumentHelp(WorkshopMessages.chartDatasetHelp), completion: .dataset) var name: String
    @Option(help: ArgumentHelp(WorkshopMessages.chartXHelp), completion: .columns) var x: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartYHelp), completion: .columns) var y: CommaList<String>?
    @Option(help: ArgumentHelp(WorkshopMessages.chartKindHelp)) var kind: ChartKind = .auto
    @Option(help: ArgumentHelp(WorkshopMessages.chartByHelp), completion: .columns) var by: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartBandHelp), completion: .columns) var band: CommaList<String>?
    @Option(help: ArgumentHelp(WorkshopMessages.chartTitleHelp)) var title: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartOutHelp), completion: .file(extensions: ["svg"])) var out: String
    @Option(help: ArgumentHelp(WorkshopMessages.chartIndexHelp)) var index: PositiveInt = 1

    static var rules: [OptionRule] {
        [.together("--x", "--y"), .requires("--kind", "--x"), .requires("--by", "--x"), .requires("--band", "--x")]
    }

    func validate() throws {
        if let band, band.count != 2 { throw OpsError.invalidOption("--band", WorkshopMessages.bandNeedsTwo, hint: WorkshopMessages.bandHint) }
    }

    func run(in session: Session, context: CommandContext) throws {
        let dataset = try context.dataset(name)
        if let x, let y {
            let bandColumns = try band.map { (try dataset.column($0[0], option: "--band"), try dataset.column($0[1], option: "--band")) }
            let svg = try GenericChart(
                title: title ?? name, x: try dataset.column(x, option: "--x"), ys: try dataset.columns(y, option: "--y"),
                kind: kind, by: try by.map { try dataset.column($0, option: "--by") }, band: bandColumns
            ).render()
            context.print(try OutputFile.write(svg, to: out, context: context))
        } else {
            let charts = ResultCharts(workspace: session.workspace).charts(for: name)
            guard !charts.isEmpty else { throw OpsError(WorkshopMessages.noLineageChart(name), hint: WorkshopMessages.noLineageChartHint(name)) }
            guard index.value <= charts.count else {
                throw OpsError.invalidOption("--index", WorkshopMessages.chartIndexTooLarge(index.value, charts.map(\.title)))
            }
            context.print(try OutputFile.write(charts[index.value - 1].svg, to: out, context: context))
            if charts.count > 1 { context.note(WorkshopMessages.otherCharts(charts.count, shown: index.value)) }
        }
    }
}
