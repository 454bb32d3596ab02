import OpsKit

/// The sentences of the workshop commands: `show --format`, `chart`, `report`, `lesson`.
enum WorkshopMessages {
    // MARK: show --format

    static var showFormatHelp: Localized {
        Localized(
            en: "How to print the rows.", zh: "行的输出格式。")
    }

    // MARK: chart

    static var chartAbstract: Localized {
        Localized(en: "Draw a dataset as an SVG chart file (line, bar or scatter; the chart that fits a result by default).",
                  zh: "把数据集画成 SVG 图表文件（折线、柱状或散点；默认按结果的来源选择合适的图）。")
    }
    static var chartDiscussion: Localized {
        Localized(
            en: """
                Without --x/--y the chart follows what made the dataset: the K sweep and cluster profiles of segment kmeans, \
                RFM segment sizes and revenue, forecasts with their interval and event days, backtest errors, route maps \
                on the stops' coordinates, ask and recommend evaluations (--index picks one when there are several). With \
                --x and --y: --kind auto draws bars over a text x, a line over a sorted numeric or date x, points otherwise; \
                --by splits the rows into series, --band lo,hi shades an interval. Text is named in fonts with Chinese \
                fallbacks. The file is written like export's: inside the run's --allow-write folders, never through a link, \
                and the message says when it replaced a file.
                """,
            zh: """
                不给 --x/--y 时按数据集的来源作图：segment kmeans 的 K 值扫描与簇画像、RFM 各分群的人数与收入、带区间和活动日的预测、\
                回测误差、按站点坐标画的路线图、ask 与 recommend 的评估（有多张图时用 --index 选择）。给出 --x 和 --y 时：\
                --kind auto 对文本 x 画柱状图，对已排序的数值或日期 x 画折线，否则画散点；--by 按列拆成多条序列，--band lo,hi \
                画出区间。字体带中文备选。文件的写法与 export 相同：只写入 run 的 --allow-write 目录，不经过符号链接，替换已有文件时会说明。
                """)
    }
    static var chartDatasetHelp: Localized { Localized(en: "Dataset to draw.", zh: "要作图的数据集。") }
    static var chartXHelp: Localized { Localized(en: "Column on the x axis (categories for bars).", zh: "横轴的列（柱状图的类别）。") }
    static var chartYHelp: Localized { Localized(en: "Numeric column(s) on the y axis, comma-separated.", zh: "纵轴的数值列，逗号分隔。") }
    static var chartKindHelp: Localized { Localized(en: "The kind of chart drawn from --x and --y.", zh: "由 --x 和 --y 画哪种图。") }
    static var chartByHelp: Localized { Localized(en: "Column whose values split the rows into series.", zh: "按该列的取值把行拆成多条序列。") }
    static var chartBandHelp: Localized { Localized(en: "Two columns, lower,upper, shaded as an interval (line charts).", zh: "两列 下限,上限，画成阴影区间（折线图）。") }
    static var chartTitleHelp: Localized { Localized(en: "Title above the chart (default: the dataset's name).", zh: "图表标题（默认为数据集名）。") }
    static var chartOutHelp: Localized { Localized(en: "SVG file to write.", zh: "要写入的 SVG 文件。") }
    static var chartIndexHelp: Localized {
        Localized(en: "Which of a result's charts to write, from 1 (when it has several).", zh: "结果有多张图时写第几张，从 1 开始。")
    }
    static var bandNeedsTwo: String { L("needs exactly two columns, lower and upper", "需要恰好两列：下限和上限") }
    static var bandHint: String { L("for example --band lo_95,hi_95", "例如 --band lo_95,hi_95") }
    static func noLineageChart(_ name: String) -> String {
        L("there is no ready-made chart for '\(name)'", "没有适合 '\(name)' 的现成图表")
    }
    static func noLineageChartHint(_ name: String) -> String {
        L("name the columns: chart \(name) --x COLUMN --y COLUMN --out FILE.svg",
          "请指定列：chart \(name) --x 列名 --y 列名 --out 文件.svg")
    }
    static func chartIndexTooLarge(_ index: Int, _ titles: [String]) -> String {
        L("there are \(titles.count) charts (\(titles.joined(separator: "; "))), not \(index)",
          "共有 \(titles.count) 张图（\(titles.joined(separator: "；"))），没有第 \(index) 张")
    }
    static func otherCharts(_ count: Int, shown: Int) -> String {
        L("wrote chart \(shown) of \(count); --index N writes another", "写出了 \(count) 张图中的第 \(shown) 张；用 --index N 选择其他")
    }
    static func tooManyGroups(_ column: String, _ count: Int, limit: Int) -> OpsError {
        OpsError(L("--by \(column) has \(count) distinct values; a chart shows at most \(limit) series",
                   "--by \(column) 有 \(count) 个不同取值；一张图最多画 \(limit) 条序列"),
                 hint: L("filter the rows first with sql ... --as", "先用 sql ... --as 筛选行"))
    }
    static func tooManyBars(_ column: String, _ count: Int, limit: Int) -> OpsError {
        OpsError(L("--x \(column) has \(count) categories; a bar chart shows at most \(limit)",
                   "--x \(column) 有 \(count) 个类别；柱状图最多画 \(limit) 个"),
                 hint: L("aggregate or filter with sql first, or use --kind line", "先用 sql 汇总或筛选，或改用 --kind line"))
    }
    static func wroteFile(_ path: String, bytes: Int) -> String { L("wrote \(path) (\(bytes) bytes)", "已写入 \(path)（\(bytes) 字节）") }
    static func replacedFile(_ path: String, bytes: Int) -> String {
        L("replaced \(path) (\(bytes) bytes)", "已替换 \(path)（\(bytes) 字节）")
    }

    // MARK: chart titles and labels

    static func chosenK(_ k: Int) -> String { L("chosen K=\(k)", "选定 K=\(k)") }
    static func sweepInertiaTitle(_ name: String) -> String { L("\(name): inertia by K (elbow)", "\(name)：各 K 的簇内平方和（肘部法）") }
    static func sweepSilhouetteTitle(_ name: String) -> String { L("\(name): silhouette by K", "\(name)：各 K 的轮廓系数") }
    static var inertia: String { L("inertia", "簇内平方和") }
    static var silhouette: String { L("silhouette", "轮廓系数") }
    static func profilesTitle(_ name: String) -> String {
        L("\(name): cluster profiles (feature mean as % of the overall mean)", "\(name)：簇画像（各特征均值占总体均值的百分比）")
    }
    static var indexOfMean: String { L("% of overall mean", "占总体均值 %") }
    static func membersTitle(_ name: String, shown: Int, of total: Int) -> String {
        shown < total ? L("\(name): members by cluster (\(shown) of \(total) rows)", "\(name)：按簇着色的成员（\(total) 行中的 \(shown) 行）")
            : L("\(name): members by cluster", "\(name)：按簇着色的成员")
    }
    static func clusterLabel(_ cluster: Int) -> String { L("cluster \(cluster)", "簇 \(cluster)") }
    static func rfmSizesTitle(_ name: String) -> String { L("\(name): customers per RFM segment", "\(name)：各 RFM 分群的客户数") }
    static func rfmRevenueTitle(_ name: String) -> String { L("\(name): revenue per RFM segment", "\(name)：各 RFM 分群的收入") }
    static var customers: String { L("customers", "客户数") }
    static var revenue: String { L("revenue", "收入") }
    static var forecast: String { L("forecast", "预测") }
    static var history: String { L("history", "历史") }
    static func forecastTitle(_ name: String, key: String) -> String {
        key.isEmpty ? L("\(name): forecast", "\(name)：预测") : L("\(name): forecast for \(key)", "\(name)：\(key) 的预测")
    }
    static func interval(_ level: Double) -> String { L("\(ValueFormat.double(level))% interval", "\(ValueFormat.double(level))% 预测区间") }
    static func backtestTitle(_ name: String) -> String { L("\(name): backtest error by model (lower is better)", "\(name)：各模型的回测误差（越低越好）") }
    static var meanMASE: String { L("mean MASE", "平均 MASE") }
    static func routeTitle(_ name: String, vehicles: Int) -> String { L("\(name): \(vehicles) routes", "\(name)：\(vehicles) 条路线") }
    static func vehicleLabel(_ vehicle: Int) -> String { L("vehicle \(vehicle)", "车辆 \(vehicle)") }
    static func askTitle(_ name: String, accuracy: Double) -> String {
        L("\(name): accuracy by intent (overall \(ValueFormat.fixed(accuracy * 100, digits: 1))%)",
          "\(name)：各意图的准确率（总体 \(ValueFormat.fixed(accuracy * 100, digits: 1))%）")
    }
    static var accuracy: String { L("accuracy", "准确率") }
    static func recommendTitle(_ name: String) -> String {
        L("\(name): NDCG by method with 95% bootstrap interval", "\(name)：各方法的 NDCG 及 95% 自助法区间")
    }
    static func similarTitle(_ name: String) -> String { L("\(name): similarity of the recommended items", "\(name)：推荐商品的相似度") }
    static var score: String { L("score", "得分") }

    // MARK: report

    static var reportAbstract: Localized {
        Localized(en: "Write the session (or a replayed transcript) as one self-contained HTML page with tables and charts.",
                  zh: "把本次会话（或重放的记录稿）写成一个独立的 HTML 页面，包含表格和图表。")
    }
    static var reportDiscussion: Localized {
        Localized(
            en: """
                The page lists every command with its output, the first rows of each dataset it stored and the charts \
                that fit it, drawn as inline SVG (K sweeps, cluster profiles, RFM segments, forecasts with intervals and \
                events, backtest errors, route maps, ask and recommend evaluations). It needs no network and runs no \
                script. With --transcript the transcript is replayed in a scratch workspace (its inputs rebuilt as \
                run --check does) and the page shows the replay; your workspace is not touched. The file is written \
                like export's, and the message says when it replaced one.
                """,
            zh: """
                页面按顺序列出每条命令及其输出、它保存的每个数据集的前几行，以及适合该结果的图表（内嵌 SVG：K 值扫描、簇画像、\
                RFM 分群、带区间和活动日的预测、回测误差、路线图、ask 与 recommend 的评估）。打开页面无需联网，也不运行任何脚本。\
                使用 --transcript 时，记录稿在临时工作区中重放（输入数据按 run --check 的方式重建），页面展示重放结果，不改动当前工作区。\
                文件的写法与 export 相同，替换已有文件时会说明。
                """)
    }
    static var reportFileHelp: Localized { Localized(en: "HTML file to write.", zh: "要写入的 HTML 文件。") }
    static var reportTranscriptHelp: Localized {
        Localized(en: "A transcript to replay and report on, instead of this session.", zh: "要重放并生成报告的记录稿（代替本次会话）。")
    }
    static var reportTitleHelp: Localized { Localized(en: "Title of the page.", zh: "页面标题。") }
    static var reportSessionTitle: String { L("opsbench session report", "opsbench 会话报告") }
    static func reportSessionSubtitle(_ workspace: String) -> String { L("workspace: \(workspace)", "工作区：\(workspace)") }
    static func reportTranscriptTitle(_ path: String) -> String { L("opsbench report: \(path)", "opsbench 报告：\(path)") }
    static var reportTranscriptSubtitle: String {
        L("the transcript replayed in a fresh workspace", "记录稿在新的工作区中重放的结果")
    }
    static func reportSummary(commands: Int, failed: Int, charts: Int) -> String {
        L("\(commands) commands, \(failed) failed, \(charts) charts", "\(commands) 条命令，\(failed) 条失败，\(charts) 张图表")
    }
    static var reportFailed: String { L("failed", "失败") }
    static func reportShape(rows: Int, columns: Int) -> String { L("\(rows) rows × \(columns) columns", "\(rows) 行 × \(columns) 列") }
    static func reportMoreRows(_ n: Int) -> String { L("… \(n) more rows", "… 另有 \(n) 行") }
    static func reportMoreLines(_ n: Int) -> String { L("… \(n) more lines", "… 另有 \(n) 行输出") }
    static func reportWritten(commands: Int, charts: Int) -> String {
        L("report: \(commands) commands, \(charts) charts", "报告：\(commands) 条命令，\(charts) 张图表")
    }
}
