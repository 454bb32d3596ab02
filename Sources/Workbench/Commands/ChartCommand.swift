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

    @Argument(help: ArgumentHelp(WorkshopMessages.chartDatasetHelp), completion: Completion.dataset) var name: String
    @Option(help: ArgumentHelp(WorkshopMessages.chartXHelp), completion: Completion.columns) var x: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartYHelp), completion: Completion.columns) var y: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartKindHelp)) var kind: ChartKind = .auto
    @Option(help: ArgumentHelp(WorkshopMessages.chartByHelp), completion: Completion.columns) var by: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartBandHelp), completion: Completion.columns) var band: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartTitleHelp)) var title: String?
    @Option(help: ArgumentHelp(WorkshopMessages.chartOutHelp), completion: .file(extensions: ["svg"])) var out: String
    @Option(help: ArgumentHelp(WorkshopMessages.chartIndexHelp)) var index = 1

    func validate() throws {
        if (x == nil) != (y == nil) { throw ValidationError(WorkshopMessages.xAndYTogether) }
        if x == nil, kind != .auto || by != nil || band != nil { throw ValidationError(WorkshopMessages.columnsNeeded) }
        if index < 1 { throw ValidationError(SafetyMessages.atLeast("--index", 1)) }
    }

    func run(in session: Session, context: CommandContext) throws {
        let dataset = try context.dataset(name)
        if let x, let y {
            let bandColumns = try band.map { list -> (Column, Column) in
                let columns = try dataset.columns(list: list, option: "--band")
                guard columns.count == 2 else { throw OpsError.invalidOption("--band", WorkshopMessages.bandNeedsTwo, hint: WorkshopMessages.bandHint) }
                return (columns[0], columns[1])
            }
            let svg = try GenericChart(
                title: title ?? name, x: try dataset.column(x, option: "--x"), ys: try dataset.columns(list: y, option: "--y"),
                kind: kind, by: try by.map { try dataset.column($0, option: "--by") }, band: bandColumns
            ).render()
            context.print(try OutputFile.write(svg, to: out, context: context))
        } else {
            let charts = ResultCharts(workspace: session.workspace).charts(for: name)
            guard !charts.isEmpty else { throw OpsError(WorkshopMessages.noLineageChart(name), hint: WorkshopMessages.noLineageChartHint(name)) }
            guard index <= charts.count else {
                throw OpsError.invalidOption("--index", WorkshopMessages.chartIndexTooLarge(index, charts.map(\.title)), hint: nil)
            }
            context.print(try OutputFile.write(charts[index - 1].svg, to: out, context: context))
            if charts.count > 1 { context.note(WorkshopMessages.otherCharts(charts.count, shown: index)) }
        }
    }
}
