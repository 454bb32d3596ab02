import OpsKit

/// Every user-facing text of the recommend plugin (messages, help, labels), in both languages.
enum Strings {
    // MARK: Help
    /// Both languages (the plugin's `summary` is read once): help shows the interface language's half.
    static var pluginSummary: String {
        Localized(en: "Precision marketing: content-based and collaborative recommendations, offline evaluation",
                  zh: "精准营销：基于内容与协同过滤的推荐，离线评估").encoded
    }
    static var similarAbstract: Localized {
        .init(en: "Items similar to one item or a basket, by TF-IDF cosine of a text column.",
              zh: "与某个商品或一篮商品相似的商品（文本列的 TF-IDF 余弦相似度）。")
    }
    static var similarDiscussion: Localized {
        .init(
            en: """
                Text is tokenised for mixed Chinese and English (words; CJK unigrams and bigrams), \
                weighted by TF-IDF as scikit-learn's TfidfVectorizer does, and compared by cosine. \
                Each result names the shared phrases that contributed most. Items with empty text are skipped.
                """,
            zh: """
                文本按中英混排切分（英文单词；中文单字与二元词），按 scikit-learn TfidfVectorizer 的方式\
                计算 TF-IDF 权重并比较余弦相似度。每条结果列出贡献最大的共同词。文本为空的商品被跳过。
                """)
    }
    static var forAbstract: Localized {
        .init(en: "Top-N recommendations for one user or every user from interactions (purchases, clicks).",
              zh: "根据交互记录（购买、点击）为一位或全部用户生成 Top-N 推荐。")
    }
    static var forDiscussion: Localized {
        .init(
            en: """
                itemknn: item-item cosine with shrinkage, each item keeping its --neighbours nearest. \
                rp3beta: a random walk item → user → item that penalises popular items by --beta. \
                ease: the closed-form linear item-item model (dense solve, up to 20,000 items, --lambda). \
                content: TF-IDF similarity of --catalog's --text; hybrid: --blend × itemknn + the rest content. \
                popular: most users. auto: fits the candidates on the training data minus each user's last \
                basket, keeps the best NDCG on those baskets and says why. --popularity-blend mixes in \
                popularity; --include-owned lets repeat purchases (consumables) come back. Users without \
                history get popular items (cold start).
                """,
            zh: """
                itemknn：带收缩项的物品余弦相似度，每个商品保留 --neighbours 个近邻。rp3beta：物品→用户→物品\
                的随机游走，用 --beta 惩罚热门商品。ease：闭式线性物品模型（稠密求解，最多 20,000 个商品，\
                --lambda）。content：--catalog 的 --text 文本相似度；hybrid：--blend × itemknn + 其余为内容。\
                popular：购买人数最多。auto：在去掉每位用户最后一篮的训练数据上拟合各候选方法，\
                选出在这些篮子上 NDCG 最高的并说明原因。--popularity-blend 混入热度；--include-owned \
                允许推荐复购商品（消耗品）。没有历史的用户得到热门商品（冷启动）。
                """)
    }
    static var evaluateAbstract: Localized {
        .init(en: "Compare recommendation methods offline on a held-out split.",
              zh: "在留出数据上离线比较各推荐方法。")
    }
    static var evaluateDiscussion: Localized {
        .init(
            en: """
                leave-last holds out each user's whole last basket (--basket, else every row at their \
                latest --time); time holds out every row at or after one global cut-off (--cutoff, else \
                the time leaving the latest --test-fraction); random holds out a seeded --test-fraction \
                per user. Reports precision, recall, NDCG, MAP, MRR, hit rate, coverage and novelty at \
                --k, with a 95% bootstrap interval of NDCG over users (--seed).
                """,
            zh: """
                leave-last 留出每位用户完整的最后一篮（--basket，否则为其最晚 --time 的所有行）；time 留出\
                全局截止时间（--cutoff，否则为留下最晚 --test-fraction 的时间）及之后的所有行；random 按 \
                --seed 随机留出每位用户 --test-fraction 的行。报告 --k 处的精确率、召回率、NDCG、MAP、MRR、\
                命中率、覆盖率与新颖度，以及按用户自助抽样的 NDCG 95% 置信区间。
                """)
    }

    static var interactionsHelp: Localized {
        .init(en: "Interactions dataset (one row per purchase or click).", zh: "交互数据集（每次购买或点击一行）。")
    }
    static var evaluateInteractionsHelp: Localized { .init(en: "Interactions dataset.", zh: "交互数据集。") }
    static var productsHelp: Localized { .init(en: "Catalogue dataset.", zh: "商品目录数据集。") }
    static var textHelp: Localized { .init(en: "Text column to compare (e.g. 描述).", zh: "用于比较的文本列（如 描述）。") }
    static var idHelp: Localized {
        .init(en: "Item id column (default: the first column).", zh: "商品 ID 列（默认：第一列）。")
    }
    static var itemHelp: Localized {
        .init(en: "Item id; repeat or separate by commas for a basket.", zh: "商品 ID；可重复或用逗号分隔，表示一篮商品。")
    }
    static var allItemsHelp: Localized {
        .init(en: "Top list for every item instead of --item.", zh: "为每个商品生成相似列表（代替 --item）。")
    }
    static var topSimilarHelp: Localized { .init(en: "Number of similar items.", zh: "相似商品个数。") }
    static var topForHelp: Localized { .init(en: "Number of recommendations per user.", zh: "每位用户的推荐个数。") }
    static var sublinearHelp: Localized { .init(en: "Use 1 + ln(tf) as term frequency.", zh: "词频使用 1 + ln(tf)。") }
    static var userHelp: Localized { .init(en: "User id column.", zh: "用户 ID 列。") }
    static var interactionItemHelp: Localized { .init(en: "Item id column.", zh: "商品 ID 列。") }
    static var weightHelp: Localized {
        .init(
            en: "Numeric column summed per user and item, e.g. quantity (default: each row counts 1); --damping then applies.",
            zh: "按用户与商品求和的数值列，如数量（默认：每行计 1）；之后再按 --damping 压缩。")
    }
    static var dampingHelp: Localized {
        .init(
            en: "How repeated purchases count: log = ln(1 + total) (default), bm25 = saturating at 2.2, binary = 1, none = the total; --method auto tries binary, log and bm25 unless this is given.",
            zh: "重复购买如何计数：log = ln(1 + 合计)（默认），bm25 = 饱和至 2.2，binary = 1，none = 合计本身；未指定时 --method auto 会分别尝试 binary、log 与 bm25。")
    }
    static var basketHelp: Localized {
        .init(
            en: "Order or invoice id column: rows with one id are one basket, held out together.",
            zh: "订单或发票号列：同一编号的行是一篮，一起留出。")
    }
    static var targetHelp: Localized { .init(en: "The user to recommend for.", zh: "要推荐的用户。") }
    static var allUsersHelp: Localized { .init(en: "Recommend for every user.", zh: "为所有用户推荐。") }
    static var methodHelp: Localized {
        .init(en: "Recommendation method (auto: chosen on a validation split).", zh: "推荐方法（auto：按验证集自动选择）。")
    }
    static var neighboursHelp: Localized { .init(en: "Neighbours kept per item.", zh: "每个商品保留的近邻数。") }
    static var shrinkHelp: Localized {
        .init(
            en: "Shrinkage added to the cosine denominator (damps items with few users).",
            zh: "加在余弦分母上的收缩项（抑制购买人数少的商品）。")
    }
    static var blendHelp: Localized {
        .init(en: "Share of itemknn in hybrid scores, 0…1 (the rest is content).", zh: "hybrid 中 itemknn 的占比，0…1（其余为内容）。")
    }
    static var betaHelp: Localized {
        .init(en: "RP3beta popularity penalty, 0…2 (0: plain random walk).", zh: "RP3beta 的热度惩罚，0…2（0：普通随机游走）。")
    }
    static var lambdaHelp: Localized {
        .init(en: "EASE L2 regularisation (larger: smoother weights).", zh: "EASE 的 L2 正则（越大权重越平滑）。")
    }
    static var popularityBlendHelp: Localized {
        .init(
            en: "Share of popularity mixed into the model's normalised scores, 0…1.",
            zh: "混入模型归一化得分的热度占比，0…1。")
    }
    static var includeOwnedHelp: Localized {
        .init(
            en: "Items the user already bought may be recommended again (consumables), scored by how often they bought them.",
            zh: "允许再次推荐用户买过的商品（消耗品），按其购买次数打分。")
    }
    static var catalogHelp: Localized {
        .init(en: "Catalogue dataset with item texts (for content and hybrid).", zh: "带商品文本的目录数据集（content 与 hybrid 用）。")
    }
    static var catalogTextHelp: Localized { .init(en: "Text column of --catalog.", zh: "--catalog 的文本列。") }
    static var catalogIDHelp: Localized {
        .init(
            en: "Id column of --catalog (default: the --item column's name if present, else the first column).",
            zh: "--catalog 的 ID 列（默认：与 --item 同名的列，否则第一列）。")
    }
    static var timeHelp: Localized { .init(en: "Date or time column ordering interactions.", zh: "给交互排序的日期或时间列。") }
    static var splitHelp: Localized { .init(en: "How test interactions are held out.", zh: "如何留出测试数据。") }
    static var cutoffHelp: Localized {
        .init(
            en: "Global cut-off date or time of --split time (rows at or after it are held out).",
            zh: "--split time 的全局截止日期或时间（该时间及之后的行被留出）。")
    }
    static var testFractionHelp: Localized {
        .init(en: "Share of interactions held out by time and random splits.", zh: "time 与 random 划分留出的比例。")
    }
    static var kHelp: Localized { .init(en: "Cut-off of the ranking metrics.", zh: "排序指标的截断位置。") }
    static var methodsHelp: Localized {
        .init(
            en: "Comma-separated methods (default: popular,itemknn,rp3beta, plus ease up to 8,000 items, plus content,hybrid with --catalog).",
            zh: "逗号分隔的方法（默认：popular,itemknn,rp3beta，商品不超过 8,000 个时加 ease，有 --catalog 时加 content,hybrid）。")
    }

    // MARK: Progress
    static var progressItemKNN: String { L("item similarities", "商品相似度") }
    static var progressRP3beta: String { L("random-walk similarities", "随机游走相似度") }
    static var progressEASE: String { L("EASE solve", "EASE 求解") }
    static var progressContent: String { L("text similarities", "文本相似度") }
    static var progressScoring: String { L("scoring users", "为用户打分") }

    // MARK: Errors
    static func idListLabel(_ kind: String) -> String { L(kind + " ids", kind + " ID") }
    static var userKind: String { L("user", "用户") }
    static var itemKind: String { L("item", "商品") }

    static func timeNotNumeric(_ column: String) -> OpsError {
        OpsError(
            L("--time: column '\(column)' is text, not a date or time", "--time：列 '\(column)' 是文本，不是日期或时间"),
            hint: L("reload the dataset with --types \(column)=datetime (or date)",
                    "用 --types \(column)=datetime（或 date）重新载入数据集"))
    }

    static func noUsableInteractions(_ rows: Int) -> OpsError {
        OpsError(
            L("none of the \(rows) rows is a usable interaction", "\(rows) 行中没有可用的交互"),
            hint: L("every row needs a user, an item and (with --weight) a positive weight",
                    "每行都需要用户、商品以及（使用 --weight 时）正的权重"))
    }

    static func noText(column: String) -> OpsError {
        OpsError(
            L("column '\(column)' has no text to compare", "列 '\(column)' 没有可比较的文本"),
            hint: L("choose a column with descriptions or tags (--text)", "请选择含描述或标签的列（--text）"))
    }

    static func itemHasNoText(_ id: String, column: String) -> OpsError {
        OpsError(
            L("item '\(id)' has no text in '\(column)'", "商品 '\(id)' 在 '\(column)' 中没有文本"),
            hint: L("fill in its description, or ask about another item", "补上它的描述，或换一个商品"))
    }




    static func catalogRequired(_ method: String) -> OpsError {
        OpsError(
            L("method '\(method)' needs item texts", "方法 '\(method)' 需要商品文本"),
            hint: L("add --catalog PRODUCTS --text COLUMN (e.g. --catalog products --text 描述)",
                    "加上 --catalog 目录 --text 列（例如 --catalog products --text 描述）"))
    }


    static func easeTooLarge(items: Int, limit: Int) -> OpsError {
        OpsError(
            L("ease solves a dense item × item system: at most \(limit) items, this log has \(items)",
              "ease 需要稠密求解商品 × 商品方程组：最多 \(limit) 个商品，这份记录有 \(items) 个"),
            hint: L("use --method itemknn or rp3beta (sparse), or keep the most bought items first (sql ... WHERE)",
                    "改用 --method itemknn 或 rp3beta（稀疏），或先只保留购买最多的商品（sql ... WHERE）"))
    }

    static var autoNotResolved: OpsError {
        OpsError(L("--method auto is resolved before fitting", "--method auto 应在拟合前确定"),
                 hint: L("choose a method for --methods, or use recommend for --method auto",
                         "在 --methods 中选择具体方法，或使用 recommend for --method auto"))
    }

    static var autoNeedsHistory: OpsError {
        OpsError(
            L("--method auto needs users with at least two baskets to validate on",
              "--method auto 需要至少有两篮购买的用户来做验证"),
            hint: L("name the basket column (--basket) or the time (--time), or choose a method",
                    "指定篮子列（--basket）或时间列（--time），或直接选择方法"))
    }

    static var timeSplitNeedsTime: OpsError {
        OpsError(L("--split time needs --time COLUMN", "--split time 需要 --time 列"),
                 hint: L("name the date or time column, e.g. --time order_date", "指定日期或时间列，例如 --time order_date"))
    }

    static func badCutoff(_ text: String) -> OpsError {
        .invalidOption("--cutoff", L("'\(text)' is not a date or time", "'\(text)' 不是日期或时间"),
                       hint: L("e.g. --cutoff 2011-11-01 or --cutoff \"2011-11-01 12:00\"",
                               "例如 --cutoff 2011-11-01 或 --cutoff \"2011-11-01 12:00\""))
    }

    static var cutoffNeedsTimeSplit: OpsError {
        OpsError(L("--cutoff applies to --split time", "--cutoff 只用于 --split time"),
                 hint: L("add --split time --time COLUMN", "加上 --split time --time 列"))
    }

    static var nobodyToEvaluate: OpsError {
        OpsError(
            L("no user has both training history and new held-out items", "没有用户同时具有训练历史和新的留出商品"),
            hint: L("try --split random or a larger --test-fraction", "试试 --split random 或更大的 --test-fraction"))
    }

    // MARK: Warnings and notes
    static func clampedTop(_ requested: Int, available: Int) -> String {
        L("--top \(requested) is more than the \(available) candidate items; returning \(available)",
          "--top \(requested) 超过候选商品数 \(available)；返回 \(available) 个")
    }

    static func skippedText(_ count: Int, column: String) -> String {
        L("\(count) item(s) with empty or missing '\(column)' skipped", "跳过 \(count) 个 '\(column)' 为空或缺失的商品")
    }

    static func duplicateIDs(_ count: Int) -> String {
        L("\(count) row(s) repeat an item id; the first is used", "\(count) 行商品 ID 重复；使用第一行")
    }

    static func skippedRows(nullUser: Int, nullItem: Int, badWeight: Int, nullTime: Int) -> String {
        var parts: [String] = []
        if nullUser > 0 { parts.append(L("\(nullUser) without a user", "\(nullUser) 行无用户")) }
        if nullItem > 0 { parts.append(L("\(nullItem) without an item", "\(nullItem) 行无商品")) }
        if badWeight > 0 { parts.append(L("\(badWeight) with a missing or non-positive weight", "\(badWeight) 行权重缺失或非正")) }
        if nullTime > 0 { parts.append(L("\(nullTime) without a time", "\(nullTime) 行无时间")) }
        return L("skipped rows: ", "跳过的行：") + parts.joined(separator: L(", ", "，"))
    }

    static func duplicateInteractions(_ rows: Int, summed: Bool, damping: Damping) -> String {
        let how = summed ? L("summed (--weight)", "已求和（--weight）") : L("counted", "已计数")
        return L("\(rows) repeated user-item row(s) \(how), then damped by \(damping.rawValue)",
                 "\(rows) 行重复的用户-商品记录\(how)，再按 \(damping.rawValue) 压缩")
    }

    static var leaveLastWithoutTime: String {
        L("no --time or --basket: each user's last row in dataset order is held out",
          "未给出 --time 或 --basket：留出每位用户在数据集中的最后一行")
    }

    /// The evaluation protocol, printed above the table.
    static func protocolNote(_ kind: SplitKind, basket: String?, time: String?, cutoff: String?, includeOwned: Bool) -> String {
        let split: String
        switch kind {
        case .leaveLast:
            if let basket {
                split = L("each user's whole last basket (\(basket) of their latest row) is held out",
                          "留出每位用户完整的最后一篮（其最晚一行的 \(basket)）")
            } else if let time {
                split = L("each user's rows at their latest \(time) are held out as one basket",
                          "每位用户最晚 \(time) 的所有行作为一篮留出")
            } else {
                split = L("each user's last row is held out", "留出每位用户的最后一行")
            }
        case .time:
            split = L("every row at or after \(cutoff ?? "?") is held out (one global cut-off)",
                      "留出 \(cutoff ?? "?") 及之后的所有行（全局统一截止）")
        case .random:
            split = L("a seeded random share of each user's rows is held out", "按种子随机留出每位用户的一部分行")
        }
        let hits = includeOwned
            ? L("every held-out item counts, repeat purchases included", "所有留出商品都计入，包括复购")
            : L("only items new to the user count", "只计入用户没买过的商品")
        return L("protocol: ", "评估方法：") + split + L("; ", "；") + hits
    }

    static func autoChoice(
        _ chosen: String, ndcg: Double, why: String, others: String, users: Int, split: SplitKind, k: Int
    ) -> String {
        let score = ValueFormat.fixed(ndcg, digits: 4)
        return split == .leaveLast
            ? L("auto chose \(chosen): NDCG@\(k) \(score) on the last baskets of \(users) users held out of the training data, \(why) (others: \(others))",
                "auto 选择了 \(chosen)：在从训练数据中留出的 \(users) 位用户最后一篮上 NDCG@\(k) 为 \(score)，\(why)（其余：\(others)）")
            : L("auto chose \(chosen): NDCG@\(k) \(score) on the rows of \(users) users held out of the training data (\(split.rawValue) split), \(why) (others: \(others))",
                "auto 选择了 \(chosen)：在从训练数据中按 \(split.rawValue) 方式留出的 \(users) 位用户的行上 NDCG@\(k) 为 \(score)，\(why)（其余：\(others)）")
    }

    static var autoBest: String { L("the best of all candidates", "为所有候选中最高") }

    static func autoWithinNoise(best: String, ndcg: Double, standardError: Double) -> String {
        let score = ValueFormat.fixed(ndcg, digits: 4), se = ValueFormat.fixed(standardError, digits: 4)
        return L("within one standard error (\(se)) of the best, \(best) \(score), so the simpler candidate is kept",
                 "与最高的 \(best) \(score) 相差不到一个标准误（\(se)），故保留更简单的候选")
    }

    /// "ease", "ease + 30% popularity", or with the damping "ease (bm25) + 30% popularity".
    static func candidateName(_ method: String, popularityBlend: Double, damping: String? = nil) -> String {
        let base = method + (damping.map { " (\($0))" } ?? "")
        return popularityBlend == 0 ? base
            : base + L(" + \(Int((popularityBlend * 100).rounded()))% popularity", " + \(Int((popularityBlend * 100).rounded()))% 热度")
    }

    // MARK: Summaries
    static func similarSummary(_ count: Int, query: String, name: String) -> String {
        L("\(count) item(s) similar to \(query) → \(name)", "与 \(query) 相似的商品 \(count) 个 → \(name)")
    }

    static func allSimilarSummary(items: Int, rows: Int, name: String) -> String {
        L("top lists for \(items) items (\(rows) rows) → \(name)", "\(items) 个商品的相似列表（\(rows) 行）→ \(name)")
    }

    static func forSummary(_ count: Int, user: String, method: String, history: Int, name: String) -> String {
        L("\(count) recommendation(s) for user \(user) (\(method), \(history) item(s) in history) → \(name)",
          "为用户 \(user) 推荐 \(count) 个商品（\(method)，历史 \(history) 个商品）→ \(name)")
    }

    static func allUsersSummary(users: Int, rows: Int, method: String, coldStart: Int, name: String) -> String {
        L("\(rows) recommendations for \(users) users (\(method); \(coldStart) cold-start user(s) got popular items) → \(name)",
          "为 \(users) 位用户生成 \(rows) 条推荐（\(method)；\(coldStart) 位冷启动用户得到热门商品）→ \(name)")
    }

    static func evaluationSummary(users: Int, skipped: Int, train: Int, test: Int, name: String) -> String {
        L("\(users) users evaluated (\(skipped) without training history or new held-out items); \(train) training and \(test) held-out rows → \(name)",
          "评估了 \(users) 位用户（\(skipped) 位没有训练历史或新的留出商品）；训练 \(train) 行，留出 \(test) 行 → \(name)")
    }

    /// Headers of the evaluation table (the dataset's column names stay English).
    static func evaluationHeaders(k: Int) -> [String] {
        [L("method", "方法"), L("precision@\(k)", "精确率@\(k)"), L("recall@\(k)", "召回率@\(k)"), "NDCG@\(k)",
         L("95% CI", "95% 置信区间"), "MAP@\(k)", "MRR", L("hit_rate", "命中率"), L("coverage", "覆盖率"),
         L("novelty", "新颖度"), L("users", "用户数")]
    }
}

/// Generated reason texts, in the interface language.
struct ReasonLabels {
    func shared(_ phrases: [String]) -> String {
        phrases.isEmpty ? L("similar text", "文本相近") : L("shared: ", "共同词: ") + phrases.joined(separator: ", ")
    }

    func boughtBecause(_ item: String, shared phrases: [String] = []) -> String {
        let base = L("because you bought \(item)", "因为您买过 \(item)")
        guard !phrases.isEmpty else { return base }
        return base + L(" (", "（") + phrases.joined(separator: ", ") + L(")", "）")
    }

    func popular(_ buyers: Int) -> String { L("popular: \(buyers) buyers", "热门: \(buyers) 位用户购买") }

    func coldStart(_ buyers: Int) -> String {
        L("cold start, popular: \(buyers) buyers", "新用户, 热门: \(buyers) 位用户购买")
    }

    func boughtAgain(_ times: Int) -> String { L("you bought it \(times) time(s)", "您买过 \(times) 次") }
}
