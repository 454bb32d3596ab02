import ArgumentParser
import OpsKit

/// Where the assistant's knowledge comes from: shared by `query`, `chat` and `evaluate`.
struct AssistantOptions: ParsableArguments {
    @Option(help: ArgumentHelp(AskText.kbOptionHelp), completion: Completion.dataset)
    var kb: String?

    @Option(help: ArgumentHelp(AskText.modelOptionHelp), completion: Completion.dataset)
    var model: String?

    @Option(help: ArgumentHelp(AskText.thresholdOptionHelp))
    var threshold: Fraction?

    @Option(help: ArgumentHelp(AskText.ordersOptionHelp), completion: Completion.dataset)
    var orders: String = AskDefaults.orders

    @Option(help: ArgumentHelp(AskText.catalogOptionHelp), completion: Completion.dataset)
    var catalog: String = AskDefaults.catalog

    @Option(name: .customLong("catalog-column"), help: ArgumentHelp(AskText.catalogColumnHelp))
    var catalogColumn: String?

    init() {}

    /// The knowledge base and model named (or the defaults that exist); throws
    /// when neither is available or a named one is unknown or not of its kind.
    func resolve(in context: CommandContext) throws -> Sources {
        try Self.resolve(kb: kb, model: model, in: context)
    }

    typealias Sources = (kb: (name: String, value: KnowledgeBase)?, model: (name: String, value: IntentClassifier)?)

    static func resolve(kb: String?, model: String?, in context: CommandContext) throws -> Sources {
        // Defaults apply only when neither source is named.
        let either = kb != nil || model != nil
        let kbName = either ? kb : (context.hasDataset(AskDefaults.kb) ? AskDefaults.kb : nil)
        let modelName = either ? model : (context.hasDataset(AskDefaults.model) ? AskDefaults.model : nil)
        guard kbName != nil || modelName != nil else { throw OpsError(AskText.noKnowledge, hint: AskText.kbHint) }
        let kb = try kbName.map { try ($0, KnowledgeBaseStore.load($0, from: context)) }
        let model = try modelName.map { try ($0, IntentModelStore.load($0, from: context)) }
        return (kb, model)
    }

    /// An assistant with the order book and catalogue attached when those datasets exist.
    func assistant(in context: CommandContext) throws -> (Assistant, kbName: String?) {
        let (kb, model) = try resolve(in: context)
        var assistant = Assistant(kb: kb?.value, model: model?.value, threshold: threshold?.value)
        if context.hasDataset(orders) { assistant.orders = try OrderBook(context.dataset(orders), name: orders) }
        if context.hasDataset(catalog) {
            let products = try context.dataset(catalog)
            let column = try catalogColumn.map { try products.column($0, option: "--catalog-column") }
                ?? AskDefaults.catalogColumns.lazy.compactMap { products.index(ofColumn: $0).map { products.columns[$0] } }.first
            if let column { assistant.catalogue = ProductCatalogue(names: column.stringValues().compactMap { $0 }) }
        }
        return (assistant, kb?.name)
    }
}

/// Default dataset names.
enum AskDefaults {
    static let kb = "kb"
    static let model = "intent_model"
    static let orders = "orders"
    static let catalog = "products"
    static let catalogColumns = ["名称", "name", "product_name", "title"]
    static let chatLog = "chat_log"
}
