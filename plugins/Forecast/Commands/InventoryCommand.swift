import ArgumentParser
import OpsKit

/// `forecast inventory`: reorder policy per SKU from a forecasts dataset.
struct InventoryCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: Strings.inventoryAbstract.encoded, discussion: Strings.inventoryDiscussion.encoded)

    static let examples = [
        "forecast inventory forecasts --lead-time 7",
        "sql \"SELECT sku, CAST(sum(units) / 40 AS INTEGER) AS qty FROM daily_sales GROUP BY sku\" --as stock",
        "forecast inventory forecasts --lead-time 7 --review-period 7 --service-level 0.98 --on-hand stock --stock qty --order-cost 50 --holding-cost 2.5",
    ]

    @Argument(help: ArgumentHelp(Strings.forecastsHelp), completion: Completion.dataset)
    var forecasts: String

    @Option(name: .customLong("lead-time"), help: ArgumentHelp(Strings.leadTimeHelp))
    var leadPeriods: Bounded<PeriodCount>

    @Option(name: .customLong("review-period"), help: ArgumentHelp(Strings.reviewPeriodHelp))
    var reviewPeriods: Bounded<ReviewPeriods> = 0

    @Option(name: .customLong("service-level"), help: ArgumentHelp(Strings.serviceLevelHelp))
    var serviceLevelOption: Bounded<ServiceLevel> = 0.95

    @Option(help: ArgumentHelp(Strings.onHandHelp), completion: Completion.dataset)
    var onHand: String?

    @Option(help: ArgumentHelp(Strings.stockHelp), completion: .columns(of: "--on-hand"))
    var stock: String?

    @Option(help: ArgumentHelp(Strings.orderCostHelp))
    var orderCost: NonNegativeDouble?

    @Option(help: ArgumentHelp(Strings.holdingCostHelp))
    var holdingCost: NonNegativeDouble?

    @Option(help: ArgumentHelp(Strings.unitCostHelp))
    var unitCost: NonNegativeDouble?

    @OptionGroup var result: ResultNameOption

    /// Stock on hand is a dataset and its quantity column.
    static let rules: [OptionRule] = [.together("--on-hand", "--stock")]

    private var leadTime: Int { leadPeriods.value }
    private var reviewPeriod: Int { reviewPeriods.value }
    private var serviceLevel: Double { serviceLevelOption.value }

    mutating func run(in context: CommandContext) throws {
        let unitCost = self.unitCost?.value
        let data = try context.dataset(forecasts)
        let input = try ForecastsInput(data)
        let stockByKey = try loadStock(context: context, keyName: input.keyColumn?.name)
        let settings = PolicySettings(
            leadTime: leadTime, reviewPeriod: reviewPeriod, serviceLevel: serviceLevel, orderCost: orderCost?.value,
            holdingCost: holdingCost?.value, unitCost: unitCost, periodsPerYear: input.frequency.periodsPerYear)
        if leadTime + reviewPeriod > input.horizon { context.note(Strings.beyondHorizon(leadTime + reviewPeriod, horizon: input.horizon)) }
        var policies: [SKUPolicy] = []
        var missingStock: [String] = []
        for g in input.groups.indices {
            let key = input.keys[g]
            var stock: Double?
            if let stockByKey {
                stock = stockByKey[key]
                if stock == nil { missingStock.append(key) }
            }
            policies.append(SKUPolicy(mean: input.means[g], sd: input.sds[g], onHand: stock, settings: settings))
        }
        if !missingStock.isEmpty { context.warn(Strings.noStockFor(missingStock)) }
        let name = result.name(or: "inventory")
        try context.store(try InventoryOutput.dataset(input: input, policies: policies, unitCost: unitCost), as: name)
        InventoryOutput.printSummary(input: input, policies: policies, hasStock: stockByKey != nil, context: context)
        context.confirm(Strings.inventoryStored(name, skus: policies.count, serviceLevel: serviceLevel))
    }

    private func loadStock(context: CommandContext, keyName: String?) throws -> [String: Double]? {
        guard let onHand, let stock else { return nil }
        let data = try context.dataset(onHand)
        let values = try data.column(stock, option: "--stock").requireNumeric(option: "--stock")
        guard let keyName else { return ["": values.first ?? 0] }
        let keys = try data.column(keyName, option: "--on-hand").stringValues()
        var map: [String: Double] = [:]
        for (k, v) in zip(keys, values) where v.isFinite { map[k ?? "", default: 0] += v }
        return map
    }
}
