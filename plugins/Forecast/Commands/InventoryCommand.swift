import ArgumentParser
import OpsKit

/// `forecast inventory`: reorder policy per SKU from a forecasts dataset.
struct InventoryCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: Strings.inventoryAbstract.encoded, discussion: Strings.inventoryDiscussion.encoded)

    static let examples = [
        "forecast inventory forecasts --lead-time 7",
        "forecast inventory forecasts --lead-time 7 --review-period 7 --service-level 0.98 --on-hand stock --stock qty --order-cost 50 --holding-cost 2.5",
    ]

    @Argument(help: ArgumentHelp(Strings.forecastsHelp), completion: Completion.dataset)
    var forecasts: String

    @Option(help: ArgumentHelp(Strings.leadTimeHelp))
    var leadTime: Int

    @Option(help: ArgumentHelp(Strings.reviewPeriodHelp))
    var reviewPeriod: Int = 0

    @Option(help: ArgumentHelp(Strings.serviceLevelHelp))
    var serviceLevel: Double = 0.95

    @Option(help: ArgumentHelp(Strings.onHandHelp), completion: Completion.dataset)
    var onHand: String?

    @Option(help: ArgumentHelp(Strings.stockHelp))
    var stock: String?

    @Option(help: ArgumentHelp(Strings.orderCostHelp))
    var orderCost: Double?

    @Option(help: ArgumentHelp(Strings.holdingCostHelp))
    var holdingCost: Double?

    @Option(help: ArgumentHelp(Strings.unitCostHelp))
    var unitCost: Double?

    @OptionGroup var result: ResultNameOption

    mutating func run(in context: CommandContext) throws {
        try checkSettings()
        let data = try context.dataset(forecasts)
        let input = try ForecastsInput(data)
        let stockByKey = try loadStock(context: context, keyName: input.keyColumn?.name)
        let settings = PolicySettings(
            leadTime: leadTime, reviewPeriod: reviewPeriod, serviceLevel: serviceLevel, orderCost: orderCost,
            holdingCost: holdingCost, unitCost: unitCost, periodsPerYear: input.frequency.periodsPerYear)
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

    private func checkSettings() throws {
        guard leadTime >= 1, leadTime <= 10_000 else { throw OpsError.invalidOption("--lead-time", Strings.badPeriods(leadTime), hint: Strings.leadTimeHint) }
        guard reviewPeriod >= 0, reviewPeriod <= 10_000 else { throw OpsError.invalidOption("--review-period", Strings.badPeriods(reviewPeriod), hint: Strings.leadTimeHint) }
        guard serviceLevel >= 0.5, serviceLevel <= 0.9999 else {
            throw OpsError.invalidOption("--service-level", Strings.badServiceLevel(serviceLevel), hint: Strings.serviceLevelHint)
        }
        for (option, value) in [("--order-cost", orderCost), ("--holding-cost", holdingCost), ("--unit-cost", unitCost)] {
            if let value, !(value >= 0) || !value.isFinite { throw OpsError.invalidOption(option, Strings.badCost(value), hint: Strings.costHint) }
        }
        if (onHand == nil) != (stock == nil) { throw OpsError(Strings.onHandNeedsStock, hint: Strings.onHandHint) }
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
