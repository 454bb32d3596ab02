import OpsKit

/// Every user-facing string of the segment plugin, so that a Chinese
/// interface can be added without touching the logic. Generated labels
/// (cluster labels, RFM segment names and actions) come in both languages
/// and follow the interface language, not the script of the column names.
enum Text {
    // MARK: Help

    static let kmeansAbstract = "Cluster users with K-Means on scaled features and print readable cluster profiles."
    static let kmeansDiscussion = """
        Writes NAME (id or row, cluster), NAME_centers (centres in the features' original units, \
        with size and label) and NAME_model (the scaling, so `segment assign` reproduces it). \
        `--k auto` fits every K in --k-range, charts inertia (elbow, Kneedle) and silhouette, \
        and keeps the silhouette's choice unless `--by elbow`.
        """
    static let rfmAbstract = "Recency, frequency and monetary scores (quintiles) and named RFM segments per customer."
    static let rfmDiscussion = """
        Scores are quantile bins (1-5 by default; recency reversed, frequency ties broken by rank). \
        `--map grid` names the R/F grid cells; `--map ranges` uses the R `rfm` package's score ranges; \
        `--map cn8` gives the eight groups of Chinese marketing (重要价值客户 ... 一般挽留客户): R, F and M each \
        high or low against its mean (or median with --split median). \
        Line items work too: give --quantity and --price instead of --amount, and --order for the invoice.
        """
    static var mapHelp: Localized {
        .init(
            en: "Segment map: grid (R/F grid), ranges (R rfm package) or cn8 (the eight groups of Chinese marketing).",
            zh: "分群规则：grid（R/F 网格）、ranges（R 语言 rfm 包）或 cn8（八类客户：重要价值客户等）。")
    }
    static var splitHelp: Localized {
        .init(en: "For --map cn8: R, F and M are high or low against their mean or median.",
              zh: "用于 --map cn8：R、F、M 与均值（mean）或中位数（median）比较，分高低。")
    }
    static let explainAbstract = "Show each K-Means iteration (distances, assignments, new centres) on a small dataset."
    static let explainDiscussion = "For teaching: features are used as they are (no scaling)."
    static let assignAbstract = "Assign new rows to the clusters of a saved `segment kmeans` model (same scaling)."

    // MARK: Option errors

    static func invalidRange(_ value: String) -> OpsError {
        .invalidOption("--k-range", "'\(value)' is not a range such as 2-10", hint: "give two numbers ≥ 2, e.g. --k-range 2-8")
    }
    static func tooFewRows(_ count: Int) -> OpsError {
        OpsError("K-Means needs at least 2 rows with feature values; there are \(count)",
            hint: "check --features and --missing (rows with empty cells are dropped by default)")
    }
    static func kTooLarge(_ k: Int, distinct: Int) -> OpsError {
        OpsError("--k \(k) is larger than the number of distinct rows (\(distinct))",
            hint: "use --k \(max(1, distinct)) or fewer")
    }
    static func kRangeTooLarge(_ range: ClosedRange<Int>, rows: Int) -> OpsError {
        OpsError("--k-range \(range.lowerBound)-\(range.upperBound) needs more rows than the \(rows) available",
            hint: "use a range whose upper end is below \(rows)")
    }
    static func negativeForLog(_ feature: String, _ value: Double) -> OpsError {
        OpsError("--scale log1p needs values above -1, but '\(feature)' holds \(ValueFormat.double(value))",
            hint: "use --scale standard or robust for this feature")
    }
    static func initShape(_ name: String, rows: Int, k: Int) -> OpsError {
        OpsError("--init \(name) has \(rows) rows but --k is \(k)", hint: "give as many centres as clusters, or leave out --k")
    }
    static func initNotFinite(_ name: String) -> OpsError {
        OpsError("--init \(name) has empty or non-numeric centre values", hint: "each centre needs a number for every feature")
    }
    static func initRows(_ value: String, rows: Int) -> OpsError {
        .invalidOption("--init-rows", "'\(value)' must list distinct row numbers between 1 and \(rows)", hint: "e.g. --init-rows 1,3")
    }
    static func initRowsCount(_ count: Int, k: Int) -> OpsError {
        .invalidOption("--init-rows", "lists \(count) rows but --k is \(k)")
    }
    static func explainTooLarge(_ rows: Int, limit: Int) -> OpsError {
        OpsError("segment explain prints every distance, so it takes at most \(limit) rows (this dataset has \(rows))",
            hint: "use `sql \"SELECT ... LIMIT \(limit)\" --as small` first, or `segment kmeans` for real data")
    }
    static func modelMissing(_ name: String, available: [String]) -> OpsError {
        OpsError.unknown(kind: "K-Means model", name: name, available: available, listLabel: "models")
    }
    static func modelBroken(_ name: String) -> OpsError {
        OpsError("'\(name)_model' or '\(name)_centers' is not a model written by `segment kmeans`",
            hint: "run `segment kmeans ... --as \(name)` again")
    }
    static func badDate(_ column: String, _ sample: String) -> OpsError {
        OpsError("column '\(column)' (--date) holds '\(sample)', which is not a date",
            hint: "use a date column (yyyy-MM-dd), or reload with --types \(column)=date")
    }
    static func badAsOf(_ value: String) -> OpsError {
        .invalidOption("--asof", "'\(value)' is not a date", hint: "write it as yyyy-MM-dd, e.g. --asof 2011-12-10")
    }
    static func noCustomers() -> OpsError {
        OpsError("no order rows with a customer, a date and an amount", hint: "check the columns given to segment rfm")
    }
    static let mapNeedsFiveBins = "segment maps are defined on 1-5 scores: no segment column with --bins other than 5"

    // MARK: Notes and warnings

    static func missingRows(_ count: Int, _ policy: MissingPolicy) -> String {
        policy == .drop
            ? "\(count) row\(count == 1 ? "" : "s") with empty or NaN feature values dropped (--missing mean imputes them)"
            : "\(count) row\(count == 1 ? "" : "s") with empty or NaN feature values imputed with the column means"
    }
    static func constantFeature(_ name: String) -> String { "feature '\(name)' is constant: left unscaled (it cannot separate clusters)" }
    static func miniBatchChosen(_ rows: Int) -> String {
        "\(rows) rows is above \(KMeans.miniBatchThreshold): using mini-batch K-Means (--algorithm lloyd forces full Lloyd)"
    }
    static func silhouetteSample(_ size: Int, of rows: Int) -> String {
        "silhouette computed on a seeded sample of \(size) of \(rows) rows"
    }
    static func notConverged(_ iterations: Int) -> String {
        "did not converge within --max-iter \(iterations); raise --max-iter or --tol"
    }
    static func lineItemsDropped(_ count: Int) -> String {
        "\(count) line item\(count == 1 ? "" : "s") without a customer, or with quantity ≤ 0 or price ≤ 0 (returns, cancellations), left out"
    }
    static func ordersDropped(_ count: Int) -> String {
        "\(count) order row\(count == 1 ? "" : "s") without a customer, date or amount left out"
    }

    // MARK: Summaries

    static func kmeansSummary(k: Int, rows: Int, features: Int, scale: ScalingMethod, runs: Int, result: KMeansResult, algorithm: KMeansAlgorithm) -> String {
        let method = algorithm == .minibatch ? "mini-batch K-Means" : "K-Means"
        return "\(method): k = \(k) on \(rows) rows × \(features) features (scale: \(scale.rawValue)), "
            + "best of \(runs) run\(runs == 1 ? "" : "s"): inertia \(ValueFormat.fixed(result.inertia, digits: 4)), "
            + "\(result.iterations) iteration\(result.iterations == 1 ? "" : "s")"
    }
    static func stored(_ names: [String]) -> String { "stored " + names.joined(separator: ", ") }
    static func choice(elbow: Int?, silhouette: Int, chosen: Int, by: String) -> String {
        "elbow (Kneedle): " + (elbow.map { "K = \($0)" } ?? "none found") + "; silhouette: K = \(silhouette) → using K = \(chosen) (\(by))"
    }
    static let sweepHeaders = ["K", "inertia", "silhouette"]
    static let inertiaLegend = "inertia (elbow)"
    static let silhouetteLegend = "silhouette"
    static let profileHeaders = ["cluster", "label", "size", "share"]
    static func rfmSummary(customers: Int, orders: Int, asof: String, map: String) -> String {
        "RFM: \(customers) customers, \(orders) orders, as of \(asof) (map: \(map))"
    }
    static let rfmHeaders = ["segment", "customers", "share", "revenue share", "suggested action"]
    static func assignSummary(rows: Int, model: String) -> String { "assigned \(rows) rows to the clusters of '\(model)'" }
    static let assignHeaders = ["cluster", "label", "rows", "share"]

    // MARK: Explain

    static func explainStart(rows: [Int], how: String) -> String {
        "initial centres: rows " + rows.map(String.init).joined(separator: ", ") + " (\(how))"
    }
    static func explainIteration(_ n: Int) -> String { "iteration \(n): distance of each point to each centre" }
    static func explainCenters(_ n: Int) -> String { "new centres (mean of each cluster's points) after iteration \(n):" }
    static func explainConverged(_ n: Int) -> String { "iteration \(n): no point changed cluster: converged" }
    static func explainStopped(_ n: Int) -> String { "stopped after \(n) iterations (--max-iter)" }
    static func explainInertia(_ value: String) -> String { "inertia (sum of squared distances to the centres): \(value)" }
    static let explainRow = "row"
    static let explainPoint = "point"
    static let explainNearest = "nearest"

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
