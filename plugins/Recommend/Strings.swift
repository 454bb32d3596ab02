import OpsKit

/// Every user-facing text of the recommend plugin (messages, help, labels).
enum Strings {
    // MARK: Help
    static let pluginSummary = "Precision marketing: content-based and item-based recommendations, offline evaluation"
    static let similarAbstract = "Items similar to one item or a basket, by TF-IDF cosine of a text column."
    static let similarDiscussion = """
        Text is tokenised for mixed Chinese and English (words; CJK unigrams and bigrams), \
        weighted by TF-IDF as scikit-learn's TfidfVectorizer does, and compared by cosine. \
        Each result names the shared phrases that contributed most. Items with empty text are skipped.
        """
    static let forAbstract = "Top-N recommendations for one user or every user from interactions (purchases, clicks)."
    static let forDiscussion = """
        itemknn: item-item cosine on the user-item matrix with shrinkage, each item keeping its \
        --neighbours nearest; a user's score for an item sums the similarities to the items they have. \
        content: the same with TF-IDF similarity of --catalog's --text. hybrid: --blend × itemknn + \
        (1 − --blend) × content. popular: most users. Items a user already has are never recommended; \
        users without history get popular items (cold start).
        """
    static let evaluateAbstract = "Compare recommendation methods offline on a held-out split."
    static let evaluateDiscussion = """
        Holds out each user's last interaction (leave-last), the latest --test-fraction by time (time), \
        or a random --test-fraction per user (random), trains on the rest and reports precision@k, \
        recall@k, NDCG@k, MAP@k, hit rate and catalogue coverage per method. Users are evaluated when \
        they have training history and held-out items they had not had before.
        """

    static let textHelp = "Text column to compare (e.g. 描述)."
    static let idHelp = "Item id column (default: the first column)."
    static let itemHelp = "Item id; repeat or separate by commas for a basket."
    static let allItemsHelp = "Top list for every item instead of --item."
    static let topSimilarHelp = "Number of similar items."
    static let topForHelp = "Number of recommendations per user."
    static let sublinearHelp = "Use 1 + ln(tf) as term frequency."
    static let userHelp = "User id column."
    static let interactionItemHelp = "Item id column."
    static let weightHelp = "Numeric column summed per user and item (default: each row counts 1)."
    static let targetHelp = "The user to recommend for."
    static let allUsersHelp = "Recommend for every user."
    static let methodHelp = "Recommendation method."
    static let neighboursHelp = "Neighbours kept per item."
    static let shrinkHelp = "Shrinkage added to the cosine denominator (damps items with few users)."
    static let blendHelp = "Share of itemknn in hybrid scores, 0…1 (the rest is content)."
    static let catalogHelp = "Catalogue dataset with item texts (for content and hybrid)."
    static let catalogTextHelp = "Text column of --catalog."
    static let catalogIDHelp = "Id column of --catalog (default: the --item column's name if present, else the first column)."
    static let timeHelp = "Date or time column ordering interactions."
    static let splitHelp = "How test interactions are held out."
    static let testFractionHelp = "Share of interactions held out by time and random splits."
    static let kHelp = "Cut-off of the ranking metrics."
    static let methodsHelp = "Comma-separated methods (default: popular,itemknn, plus content,hybrid with --catalog)."

    // MARK: Progress
    static let progressItemKNN = "item similarities"
    static let progressContent = "text similarities"
    static let progressScoring = "scoring users"

    // MARK: Errors
    static func idListLabel(_ kind: String) -> String { kind + " ids" }

    static func timeNotNumeric(_ column: String) -> OpsError {
        OpsError(
            "--time: column '\(column)' is text, not a date or time",
            hint: "reload the dataset with --types \(column)=datetime (or date)")
    }

    static func noUsableInteractions(_ rows: Int) -> OpsError {
        OpsError(
            "none of the \(rows) rows is a usable interaction",
            hint: "every row needs a user, an item and (with --weight) a positive weight")
    }

    static func noText(column: String) -> OpsError {
        OpsError("column '\(column)' has no text to compare", hint: "choose a column with descriptions or tags (--text)")
    }

    static func itemHasNoText(_ id: String, column: String) -> OpsError {
        OpsError("item '\(id)' has no text in '\(column)'", hint: "fill in its description, or ask about another item")
    }

    static let itemOrAll = OpsError(
        "give --item ID (one or more) or --all-items", hint: "e.g. --item P001 or --item P001,P003")
    static let itemAndAll = OpsError("--item and --all-items exclude each other", hint: "use one of them")
    static let targetOrAll = OpsError(
        "give --target USER or --all-users", hint: "e.g. --target U0001, or --all-users for everyone")
    static let targetAndAll = OpsError("--target and --all-users exclude each other", hint: "use one of them")

    static func positive(_ option: String, _ value: Int) -> OpsError {
        .invalidOption(option, "must be at least 1, got \(value)")
    }

    static func outOfRange(_ option: String, _ value: Double, _ range: String) -> OpsError {
        .invalidOption(option, "must be in \(range), got \(ValueFormat.double(value))")
    }

    static func catalogRequired(_ method: String) -> OpsError {
        OpsError(
            "method '\(method)' needs item texts",
            hint: "add --catalog PRODUCTS --text COLUMN (e.g. --catalog products --text 描述)")
    }

    static func unknownMethod(_ name: String) -> OpsError {
        .unknown(
            kind: "method", name: name, place: " (--methods)", available: Method.allCases.map(\.rawValue),
            listLabel: "methods")
    }

    static let timeSplitNeedsTime = OpsError(
        "--split time needs --time COLUMN", hint: "name the date or time column, e.g. --time order_date")

    static let nobodyToEvaluate = OpsError(
        "no user has both training history and new held-out items",
        hint: "try --split random or a larger --test-fraction")

    // MARK: Warnings and notes
    static func clampedTop(_ requested: Int, available: Int) -> String {
        "--top \(requested) is more than the \(available) candidate items; returning \(available)"
    }

    static func skippedText(_ count: Int, column: String) -> String {
        "\(count) item(s) with empty or missing '\(column)' skipped"
    }

    static func duplicateIDs(_ count: Int) -> String { "\(count) row(s) repeat an item id; the first is used" }

    static func skippedRows(nullUser: Int, nullItem: Int, badWeight: Int, nullTime: Int) -> String {
        var parts: [String] = []
        if nullUser > 0 { parts.append("\(nullUser) without a user") }
        if nullItem > 0 { parts.append("\(nullItem) without an item") }
        if badWeight > 0 { parts.append("\(badWeight) with a missing or non-positive weight") }
        if nullTime > 0 { parts.append("\(nullTime) without a time") }
        return "skipped rows: " + parts.joined(separator: ", ")
    }

    static func duplicateInteractions(_ rows: Int, summed: Bool) -> String {
        "\(rows) repeated user-item row(s) " + (summed ? "summed (--weight)" : "counted")
    }

    static let leaveLastWithoutTime = "no --time: each user's last row in dataset order is held out"

    // MARK: Summaries
    static func similarSummary(_ count: Int, query: String, name: String) -> String {
        "\(count) item(s) similar to \(query) → \(name)"
    }

    static func allSimilarSummary(items: Int, rows: Int, name: String) -> String {
        "top lists for \(items) items (\(rows) rows) → \(name)"
    }

    static func forSummary(_ count: Int, user: String, method: String, history: Int, name: String) -> String {
        "\(count) recommendation(s) for user \(user) (\(method), \(history) item(s) in history) → \(name)"
    }

    static func allUsersSummary(users: Int, rows: Int, method: String, coldStart: Int, name: String) -> String {
        "\(rows) recommendations for \(users) users (\(method); \(coldStart) cold-start user(s) got popular items) → \(name)"
    }

    static func evaluationSummary(users: Int, skipped: Int, train: Int, test: Int, name: String) -> String {
        "\(users) users evaluated (\(skipped) without training history or new held-out items); "
            + "\(train) training and \(test) held-out rows → \(name)"
    }
}

/// Generated reason texts, in Chinese when the data's column names are Chinese.
struct ReasonLabels {
    let chinese: Bool

    func shared(_ phrases: [String]) -> String {
        phrases.isEmpty ? (chinese ? "文本相近" : "similar text")
            : (chinese ? "共同词: " : "shared: ") + phrases.joined(separator: ", ")
    }

    func boughtBecause(_ item: String, shared phrases: [String] = []) -> String {
        let base = chinese ? "因为您购买了 \(item)" : "because you bought \(item)"
        guard !phrases.isEmpty else { return base }
        return base + (chinese ? "（" : " (") + phrases.joined(separator: ", ") + (chinese ? "）" : ")")
    }

    func popular(_ buyers: Int) -> String { chinese ? "热门: \(buyers) 位用户购买" : "popular: \(buyers) buyers" }

    func coldStart(_ buyers: Int) -> String {
        chinese ? "新用户, 热门: \(buyers) 位用户购买" : "cold start, popular: \(buyers) buyers"
    }
}
