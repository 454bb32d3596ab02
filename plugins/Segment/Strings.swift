import OpsKit

/// Every user-facing string of the segment plugin, so that a Chinese
/// interface can be added without touching the logic. Generated labels
/// (cluster labels, RFM segment names and actions) come in both languages
/// and follow the interface language, not the script of the column names.
enum Text {
    // MARK: Help

    /// Both languages (the plugin's `summary` is read once): help shows the interface language's half.
    static var pluginSummary: String {
        Localized(en: "User profiles: K-Means with automatic K, RFM segments, readable cluster profiles",
                  zh: "用户画像：自动选择 K 的 K-Means 聚类、RFM 客户分群、易读的群体画像").encoded
    }

    static var kmeansAbstract: String {
        Localized(en: "Cluster users with K-Means on scaled features and print readable cluster profiles.",
                  zh: "对标准化后的特征做 K-Means 聚类，并打印易读的群体画像。").encoded
    }
    static var kmeansDiscussion: String {
        Localized(
            en: """
                Writes NAME (id or row, cluster), NAME_centers (centres in the features' original units, \
                with size and label) and NAME_model (the scaling, so `segment assign` reproduces it). \
                `--k auto` fits every K in --k-range, charts inertia (elbow, Kneedle) and silhouette, \
                and keeps the silhouette's choice unless `--by elbow`.
                """,
            zh: """
                写入 NAME（id 或行号、cluster）、NAME_centers（以特征原始单位表示的聚类中心，含规模和标签）\
                和 NAME_model（标准化参数，供 `segment assign` 复现）。`--k auto` 拟合 --k-range 中的每个 K，\
                绘制簇内平方和（肘部法，Kneedle）和轮廓系数曲线，除非指定 `--by elbow`，否则采用轮廓系数的选择。
                """).encoded
    }
    static var rfmAbstract: String {
        Localized(en: "Recency, frequency and monetary scores (quintiles) and named RFM segments per customer.",
                  zh: "为每位客户计算最近消费（R）、消费频率（F）、消费金额（M）评分（五分位）和 RFM 客户分群。").encoded
    }
    static var rfmDiscussion: String {
        Localized(
            en: """
                Scores are quantile bins (1-5 by default; recency reversed, frequency ties broken by rank). \
                `--map grid` names the R/F grid cells; `--map ranges` uses the R `rfm` package's score ranges; \
                `--map cn8` gives the eight groups of Chinese marketing (重要价值客户 ... 一般挽留客户): R, F and M each \
                high or low against its mean (or median with --split median). \
                Line items work too: give --quantity and --price instead of --amount, and --order for the invoice.
                """,
            zh: """
                评分为分位数分箱（默认 1-5；最近消费反向计分，消费频率的并列按名次拆分）。\
                `--map grid` 按 R/F 网格命名；`--map ranges` 使用 R 语言 `rfm` 包的评分区间；\
                `--map cn8` 给出国内营销常用的八类客户（重要价值客户 … 一般挽留客户）：R、F、M 各自与均值\
                （用 --split median 时为中位数）比较分高低。也可用订单明细：用 --quantity 和 --price 代替 --amount，\
                并用 --order 指定订单号列。
                """).encoded
    }
    static var mapHelp: Localized {
        .init(
            en: "Segment map: grid (R/F grid), ranges (R rfm package) or cn8 (the eight groups of Chinese marketing).",
            zh: "分群规则：grid（R/F 网格）、ranges（R 语言 rfm 包）或 cn8（八类客户：重要价值客户等）。")
    }
    static var splitHelp: Localized {
        .init(en: "For --map cn8: R, F and M are high or low against their mean or median.",
              zh: "用于 --map cn8：R、F、M 与均值（mean）或中位数（median）比较，分高低。")
    }
    static var explainAbstract: String {
        Localized(en: "Show each K-Means iteration (distances, assignments, new centres) on a small dataset.",
                  zh: "在小数据集上逐步展示 K-Means 的每次迭代（距离、归属、新中心）。").encoded
    }
    static var explainDiscussion: String {
        Localized(en: "For teaching: features are used as they are (no scaling).", zh: "用于教学：特征按原值使用（不做标准化）。").encoded
    }
    static var assignAbstract: String {
        Localized(en: "Assign new rows to the clusters of a saved `segment kmeans` model (same scaling).",
                  zh: "把新的行分配到已保存的 `segment kmeans` 模型的群中（使用相同的标准化）。").encoded
    }

    // MARK: Option help

    static var clusterDatasetHelp: Localized { .init(en: "Dataset to cluster.", zh: "要聚类的数据集。") }
    static var featuresHelp: Localized { .init(en: "Feature columns, comma-separated.", zh: "特征列，以逗号分隔。") }
    static var idHelp: Localized { .init(en: "Id column copied into the result (default: row numbers).", zh: "复制到结果中的 id 列（默认为行号）。") }
    static var kHelp: Localized { .init(en: "Number of clusters, or 'auto' to choose it.", zh: "聚类数，或用 auto 自动选择。") }
    static var kRangeHelp: Localized { .init(en: "Range of K tried by --k auto.", zh: "--k auto 尝试的 K 的范围。") }
    static var byHelp: Localized { .init(en: "How --k auto chooses.", zh: "--k auto 的选择方法。") }
    static var scaleHelp: Localized { .init(en: "Feature scaling.", zh: "特征缩放方法。") }
    static var nInitHelp: Localized { .init(en: "Runs with different seeds; the lowest inertia wins.", zh: "用不同随机种子运行的次数；取簇内平方和最小的一次。") }
    static var maxIterHelp: Localized { .init(en: "Most iterations per run.", zh: "每次运行的最大迭代次数。") }
    static var tolHelp: Localized { .init(en: "Relative tolerance on the centre shift.", zh: "聚类中心移动的相对容差。") }
    static var missingHelp: Localized { .init(en: "Rows with empty cells.", zh: "含空值的行如何处理。") }
    static var initHelp: Localized { .init(en: "Initial centres: k-means++, random, or a dataset of centres in original units.", zh: "初始中心：k-means++、random，或以原始单位给出中心的数据集。") }
    static var algorithmHelp: Localized { .init(en: "auto: mini-batch above 5,000,000 rows.", zh: "auto：超过 5,000,000 行时用小批量算法。") }
    static var refineHelp: Localized {
        .init(
            en: "After each run: hartigan moves single rows between clusters while that lowers the inertia "
                + "(never raises it); auto: hartigan up to \(KMeans.refinementRowLimit) rows.",
            zh: "每次运行之后：hartigan 在群之间逐行移动，只要能降低簇内平方和（绝不会升高）；"
                + "auto：不超过 \(KMeans.refinementRowLimit) 行时用 hartigan。")
    }
    static var ordersHelp: Localized { .init(en: "Orders or line items.", zh: "订单或订单明细数据集。") }
    static var customerHelp: Localized { .init(en: "Customer id column.", zh: "客户 id 列。") }
    static var dateHelp: Localized { .init(en: "Order date column.", zh: "下单日期列。") }
    static var amountHelp: Localized { .init(en: "Order amount column.", zh: "订单金额列。") }
    static var quantityHelp: Localized { .init(en: "Quantity column (line items, with --price).", zh: "数量列（订单明细，与 --price 一起用）。") }
    static var priceHelp: Localized { .init(en: "Unit price column (line items, with --quantity).", zh: "单价列（订单明细，与 --quantity 一起用）。") }
    static var orderHelp: Localized { .init(en: "Order id column: frequency counts distinct orders (default: one order per row).", zh: "订单号列：消费频率按不同订单计数（默认每行算一个订单）。") }
    static var asofHelp: Localized { .init(en: "Reference date for recency (default: the day after the last order).", zh: "计算最近消费的参照日期（默认为最后一笔订单的次日）。") }
    static var binsHelp: Localized { .init(en: "Number of quantile bins per score.", zh: "每项评分的分位数分箱数。") }
    static var assignDatasetHelp: Localized { .init(en: "Dataset with the model's feature columns.", zh: "含模型特征列的数据集。") }
    static var modelHelp: Localized { .init(en: "Name given to `segment kmeans --as` (reads NAME_centers and NAME_model).", zh: "`segment kmeans --as` 所用的名称（读取 NAME_centers 和 NAME_model）。") }
    static var explainDatasetHelp: Localized { .init(en: "A small dataset.", zh: "一个小数据集。") }
    static var explainKHelp: Localized { .init(en: "Number of clusters.", zh: "聚类数。") }
    static var initRowsHelp: Localized { .init(en: "Rows (1-based) used as initial centres, e.g. 1,3 (default: k-means++).", zh: "用作初始中心的行号（从 1 开始），如 1,3（默认用 k-means++）。") }
    static var explainMaxIterHelp: Localized { .init(en: "Most iterations shown.", zh: "最多显示的迭代次数。") }

    // MARK: Progress

    static func fittingProgress(_ k: Int) -> String { L("k-means k=\(k)", "K-Means 聚类 k=\(k)") }
    static var sweepProgress: String { L("k-means sweep", "K-Means 扫描 K") }
    static func bestInertiaDetail(_ inertia: Double) -> String {
        L("best inertia ", "最优簇内平方和 ") + ValueFormat.fixed(inertia, digits: 2)
    }
    /// Where `segment explain`'s initial centres came from, without --init-rows.
    static func seededCentres(_ seed: UInt64) -> String { L("k-means++, seed \(seed)", "k-means++，随机种子 \(seed)") }

    // MARK: Option errors

    static func tooFewRows(_ count: Int) -> OpsError {
        OpsError(L("K-Means needs at least 2 rows with feature values; there are \(count)",
                   "K-Means 至少需要 2 行有特征值的数据；现在只有 \(count) 行"),
            hint: L("check --features and --missing (rows with empty cells are dropped by default)",
                    "请检查 --features 和 --missing（默认会丢弃含空单元格的行）"))
    }
    static func kTooLarge(_ k: Int, distinct: Int) -> OpsError {
        OpsError(L("--k \(k) is larger than the number of distinct rows (\(distinct))", "--k \(k) 大于不同行的数量（\(distinct)）"),
            hint: L("use --k \(max(1, distinct)) or fewer", "请使用 --k \(max(1, distinct)) 或更小"))
    }
    static func kRangeTooLarge(_ range: ClosedRange<Int>, rows: Int) -> OpsError {
        OpsError(L("--k-range \(range.lowerBound)-\(range.upperBound) needs more rows than the \(rows) available",
                   "--k-range \(range.lowerBound)-\(range.upperBound) 需要的行数多于现有的 \(rows) 行"),
            hint: L("use a range whose upper end is below \(rows)", "请使用上限小于 \(rows) 的范围"))
    }
    static func negativeForLog(_ feature: String, _ value: Double) -> OpsError {
        OpsError(L("--scale log1p needs values above -1, but '\(feature)' holds \(ValueFormat.double(value))",
                   "--scale log1p 要求取值大于 -1，但 '\(feature)' 中有 \(ValueFormat.double(value))"),
            hint: L("use --scale standard or robust for this feature", "该特征请使用 --scale standard 或 robust"))
    }
    static func initShape(_ name: String, rows: Int, k: Int) -> OpsError {
        OpsError(L("--init \(name) has \(rows) rows but --k is \(k)", "--init \(name) 有 \(rows) 行，但 --k 为 \(k)"),
                 hint: L("give as many centres as clusters, or leave out --k", "请给出与簇数相同数量的中心，或省略 --k"))
    }
    static func initNotFinite(_ name: String) -> OpsError {
        OpsError(L("--init \(name) has empty or non-numeric centre values", "--init \(name) 中有空的或非数值的中心值"),
                 hint: L("each centre needs a number for every feature", "每个中心的每个特征都需要一个数值"))
    }
    static func initRows(_ value: String, rows: Int) -> OpsError {
        .invalidOption("--init-rows", L("'\(value)' must list distinct row numbers between 1 and \(rows)",
                                        "'\(value)' 必须列出 1 到 \(rows) 之间互不相同的行号"),
                       hint: L("e.g. --init-rows 1,3", "例如 --init-rows 1,3"))
    }
    static func initRowsCount(_ count: Int, k: Int) -> OpsError {
        .invalidOption("--init-rows", L("lists \(count) rows but --k is \(k)", "列出了 \(count) 行，但 --k 为 \(k)"))
    }
    static func explainTooLarge(_ rows: Int, limit: Int) -> OpsError {
        OpsError(L("segment explain prints every distance, so it takes at most \(limit) rows (this dataset has \(rows))",
                   "segment explain 会打印每一个距离，因此最多接受 \(limit) 行（该数据集有 \(rows) 行）"),
            hint: L("use `sql \"SELECT ... LIMIT \(limit)\" --as small` first, or `segment kmeans` for real data",
                    "请先用 `sql \"SELECT ... LIMIT \(limit)\" --as small` 取样，真实数据请用 `segment kmeans`"))
    }
    static func modelMissing(_ name: String, available: [String]) -> OpsError {
        OpsError.unknown(kind: L("K-Means model", "K-Means 模型"), name: name, available: available, listLabel: L("models", "模型"))
    }
    static func modelBroken(_ name: String) -> OpsError {
        OpsError(L("'\(name)_model' or '\(name)_centers' is not a model written by `segment kmeans`",
                   "'\(name)_model' 或 '\(name)_centers' 不是 `segment kmeans` 写出的模型"),
            hint: L("run `segment kmeans ... --as \(name)` again", "请重新运行 `segment kmeans ... --as \(name)`"))
    }
    static func badDate(_ column: String, _ sample: String) -> OpsError {
        OpsError(L("column '\(column)' (--date) holds '\(sample)', which is not a date", "列 '\(column)'（--date）中的 '\(sample)' 不是日期"),
            hint: L("use a date column (yyyy-MM-dd), or reload with --types \(column)=date",
                    "请使用日期列（yyyy-MM-dd），或用 --types \(column)=date 重新载入"))
    }
    static func badAsOf(_ value: String) -> OpsError {
        .invalidOption("--asof", L("'\(value)' is not a date", "'\(value)' 不是日期"),
                       hint: L("write it as yyyy-MM-dd, e.g. --asof 2011-12-10", "请写成 yyyy-MM-dd，如 --asof 2011-12-10"))
    }
    static func noCustomers() -> OpsError {
        OpsError(L("no order rows with a customer, a date and an amount", "没有同时带客户、日期和金额的订单行"),
                 hint: L("check the columns given to segment rfm", "请检查传给 segment rfm 的列"))
    }
    static var mapNeedsFiveBins: String {
        L("segment maps are defined on 1-5 scores: no segment column with --bins other than 5",
          "分群规则基于 1-5 分：--bins 不为 5 时不生成 segment 列")
    }

    // MARK: Notes and warnings

    static func missingRows(_ count: Int, _ policy: MissingPolicy) -> String {
        policy == .drop
            ? L("\(count) row\(count == 1 ? "" : "s") with empty or NaN feature values dropped (--missing mean imputes them)",
                "已丢弃 \(count) 行特征值为空或 NaN 的数据（--missing mean 可用均值填补）")
            : L("\(count) row\(count == 1 ? "" : "s") with empty or NaN feature values imputed with the column means",
                "已用列均值填补 \(count) 行特征值为空或 NaN 的数据")
    }
    static func constantFeature(_ name: String) -> String {
        L("feature '\(name)' is constant: left unscaled (it cannot separate clusters)", "特征 '\(name)' 为常数：未做标准化（它无法区分群体）")
    }
    static func miniBatchChosen(_ rows: Int) -> String {
        L("\(rows) rows is above \(KMeans.miniBatchThreshold): using mini-batch K-Means (--algorithm lloyd forces full Lloyd)",
          "\(rows) 行超过 \(KMeans.miniBatchThreshold)：使用小批量 K-Means（--algorithm lloyd 可强制使用完整的 Lloyd 算法）")
    }
    static func silhouetteSample(_ size: Int, of rows: Int) -> String {
        L("silhouette computed on a seeded sample of \(size) of \(rows) rows", "轮廓系数基于 \(rows) 行中按种子抽取的 \(size) 行样本计算")
    }
    static func notConverged(_ iterations: Int) -> String {
        L("did not converge within --max-iter \(iterations); raise --max-iter or --tol",
          "在 --max-iter \(iterations) 次迭代内未收敛；请提高 --max-iter 或 --tol")
    }
    static func lineItemsDropped(_ count: Int) -> String {
        L("\(count) line item\(count == 1 ? "" : "s") without a customer, or with quantity ≤ 0 or price ≤ 0 (returns, cancellations), left out",
          "已排除 \(count) 条没有客户、或数量 ≤ 0、或单价 ≤ 0（退货、取消）的订单明细")
    }
    static func ordersDropped(_ count: Int) -> String {
        L("\(count) order row\(count == 1 ? "" : "s") without a customer, date or amount left out",
          "已排除 \(count) 行缺少客户、日期或金额的订单")
    }

    // MARK: Summaries

    static func kmeansSummary(k: Int, rows: Int, features: Int, scale: ScalingMethod, runs: Int, result: KMeansResult, algorithm: KMeansAlgorithm) -> String {
        let inertia = ValueFormat.fixed(result.inertia, digits: 4)
        let en = (algorithm == .minibatch ? "mini-batch K-Means" : "K-Means")
            + ": k = \(k) on \(rows) rows × \(features) features (scale: \(scale.rawValue)), "
            + "best of \(runs) run\(runs == 1 ? "" : "s"): inertia \(inertia), "
            + "\(result.iterations) iteration\(result.iterations == 1 ? "" : "s")"
        let zh = (algorithm == .minibatch ? "小批量 K-Means" : "K-Means")
            + "：k = \(k)，\(rows) 行 × \(features) 个特征（标准化：\(scale.rawValue)），"
            + "\(runs) 次运行中最优：簇内平方和 \(inertia)，迭代 \(result.iterations) 次"
        return L(en, zh)
    }
    static func stored(_ names: [String]) -> String { L("stored ", "已保存 ") + names.joined(separator: ", ") }
    static func choice(elbow: Int?, silhouette: Int, chosen: Int, by: String) -> String {
        let elbowText = elbow.map { "K = \($0)" } ?? L("none found", "未找到")
        return L("elbow (Kneedle): \(elbowText); silhouette: K = \(silhouette) → using K = \(chosen) (\(by))",
                 "肘部法（Kneedle）：\(elbowText)；轮廓系数：K = \(silhouette) → 采用 K = \(chosen)（\(by)）")
    }
    static var sweepHeaders: [String] { ["K", L("inertia", "簇内平方和"), L("silhouette", "轮廓系数")] }
    static var inertiaLegend: String { L("inertia (elbow)", "簇内平方和（肘部法）") }
    static var silhouetteLegend: String { L("silhouette", "轮廓系数") }
    static var profileHeaders: [String] { [L("cluster", "群"), L("label", "标签"), L("size", "人数"), L("share", "占比")] }
    static func rfmSummary(customers: Int, orders: Int, asof: String, map: String) -> String {
        L("RFM: \(customers) customers, \(orders) orders, as of \(asof) (map: \(map))",
          "RFM：\(customers) 位客户，\(orders) 笔订单，截至 \(asof)（分群规则：\(map)）")
    }
    static var rfmHeaders: [String] {
        [L("segment", "客户分群"), L("customers", "客户数"), L("share", "占比"), L("revenue share", "销售额占比"), L("suggested action", "建议动作")]
    }
    static func assignSummary(rows: Int, model: String) -> String {
        L("assigned \(rows) rows to the clusters of '\(model)'", "已把 \(rows) 行分配到 '\(model)' 的群中")
    }
    static var assignHeaders: [String] { [L("cluster", "群"), L("label", "标签"), L("rows", "行数"), L("share", "占比")] }

    // MARK: Explain

    static func explainStart(rows: [Int], how: String) -> String {
        L("initial centres: rows ", "初始中心：第 ") + rows.map(String.init).joined(separator: ", ") + L(" (\(how))", " 行（\(how)）")
    }
    static func explainIteration(_ n: Int) -> String {
        L("iteration \(n): distance of each point to each centre", "第 \(n) 次迭代：每个点到每个中心的距离")
    }
    static func explainCenters(_ n: Int) -> String {
        L("new centres (mean of each cluster's points) after iteration \(n):", "第 \(n) 次迭代后的新中心（各群点的均值）：")
    }
    static func explainConverged(_ n: Int) -> String {
        L("iteration \(n): no point changed cluster: converged", "第 \(n) 次迭代：没有点改变所属群，已收敛")
    }
    static func explainStopped(_ n: Int) -> String { L("stopped after \(n) iterations (--max-iter)", "已在 \(n) 次迭代后停止（--max-iter）") }
    static func explainInertia(_ value: String) -> String {
        L("inertia (sum of squared distances to the centres): \(value)", "簇内平方和（到中心距离的平方和）：\(value)")
    }
    static var explainRow: String { L("row", "行") }
    static var explainPoint: String { L("point", "点") }
    static var explainNearest: String { L("nearest", "最近中心") }

    // MARK: Generated labels

    /// A word pair for a kind of feature: how a high and a low value read, in Chinese and English.
    struct Concept {
        let keywords: [String]
        let high: (zh: String, en: String)
        let low: (zh: String, en: String)
    }

    /// Checked in order; the first concept whose keyword occurs in the column name (lowercased) is used.
    static let concepts: [Concept] = [
        Concept(keywords: ["最近", "recency", "days since", "last"], high: ("久未购买", "lapsed"), low: ("近期活跃", "recent")),
        Concept(keywords: ["浏览", "访问", "visit", "view", "session"], high: ("高浏览", "many visits"), low: ("少浏览", "few visits")),
        Concept(keywords: ["频", "次数", "frequency", "orders", "purchases"], high: ("高频", "frequent"), low: ("低频", "infrequent")),
        Concept(keywords: ["金额", "消费", "支出", "spend", "amount", "monetary", "revenue", "sales", "value"],
            high: ("高消费", "high spend"), low: ("低消费", "low spend")),
    ]
    /// For a date feature (e.g. 最近访问), a high value is a recent date.
    static let recentDate = (high: (zh: "近期活跃", en: "recent"), low: (zh: "久未访问", en: "lapsed"))
    static func genericHigh(_ name: String, chinese: Bool) -> String { chinese ? "高\(name)" : "high \(name)" }
    static func genericLow(_ name: String, chinese: Bool) -> String { chinese ? "低\(name)" : "low \(name)" }
    static func averageLabel(chinese: Bool) -> String { chinese ? "普通" : "average" }
    static let labelSeparator = " · "

    // MARK: RFM segments

    /// Segment names (English as in the reference map, Chinese) and a suggested action in each language.
    static func segmentName(_ segment: RFMSegment, language: Language = .current) -> String {
        let names: (en: String, zh: String)
        switch segment {
        case .champions: names = ("Champions", "冠军客户")
        case .loyal: names = ("Loyal", "忠诚客户")
        case .potentialLoyalist: names = ("Potential Loyalist", "潜在忠诚客户")
        case .new: names = ("New", "新客户")
        case .promising: names = ("Promising", "有潜力客户")
        case .needAttention: names = ("Need Attention", "需要关注")
        case .aboutToSleep: names = ("About to Sleep", "即将沉睡")
        case .atRisk: names = ("At Risk", "流失风险")
        case .cantLose: names = ("Can't Lose", "不能失去")
        case .hibernating: names = ("Hibernating", "休眠客户")
        case .lost: names = ("Lost", "已流失")
        case .others: names = ("Others", "其他")
        case .importantValue: names = ("Important Value", "重要价值客户")
        case .importantDevelopment: names = ("Important Development", "重要发展客户")
        case .importantRetention: names = ("Important Retention", "重要保持客户")
        case .importantWinBack: names = ("Important Win-back", "重要挽留客户")
        case .generalValue: names = ("General Value", "一般价值客户")
        case .generalDevelopment: names = ("General Development", "一般发展客户")
        case .generalRetention: names = ("General Retention", "一般保持客户")
        case .generalWinBack: names = ("General Win-back", "一般挽留客户")
        }
        return language == .zh ? names.zh : names.en
    }

    static func segmentAction(_ segment: RFMSegment, language: Language = .current) -> String {
        let actions: (en: String, zh: String)
        switch segment {
        case .champions: actions = ("reward them; early access to new products; ask for reviews", "回馈奖励，新品优先体验，邀请评价")
        case .loyal: actions = ("upsell higher-value products; loyalty programme", "推荐高价值商品，加入会员计划")
        case .potentialLoyalist: actions = ("offer membership; recommend related products", "提供会员权益，推荐相关商品")
        case .new: actions = ("onboarding; make the second purchase easy", "新客引导，促成第二次购买")
        case .promising: actions = ("build brand awareness; free trials or samples", "提升品牌认知，提供试用或小样")
        case .needAttention: actions = ("limited-time offers based on past purchases", "基于购买历史推送限时优惠")
        case .aboutToSleep: actions = ("recommend popular products; comeback discount", "推荐热门商品，发放回归优惠")
        case .atRisk: actions = ("personal win-back messages and offers", "个性化触达，发放挽回优惠")
        case .cantLose: actions = ("win back personally: call them, show what is new", "重点挽回：专人联系，介绍新品")
        case .hibernating: actions = ("relevant products and special discounts", "推荐相关商品和特别折扣")
        case .lost: actions = ("one low-cost reactivation campaign, then stop spending", "一次低成本唤醒活动，之后不再投入")
        case .others: actions = ("review individually", "单独分析")
        case .importantValue: actions = ("keep them: VIP service and exclusive offers", "重点维护：VIP 服务，专属权益")
        case .importantDevelopment: actions = ("raise purchase frequency: membership, bundles", "提升购买频次：会员权益，组合优惠")
        case .importantRetention: actions = ("bring them back soon: personal reminders", "尽快唤回：一对一触达提醒")
        case .importantWinBack: actions = ("win back: targeted offers before they are lost", "重点挽留：定向优惠，防止流失")
        case .generalValue: actions = ("raise order value: upsell and cross-sell", "提升客单价：向上和交叉销售")
        case .generalDevelopment: actions = ("nurture: new-customer offers and guidance", "培育：新客优惠和引导")
        case .generalRetention: actions = ("low-cost reminders and promotions", "低成本提醒和促销")
        case .generalWinBack: actions = ("low priority: occasional mass campaigns", "低优先级：偶尔群发活动")
        }
        return language == .zh ? actions.zh : actions.en
    }
}
