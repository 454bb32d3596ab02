import ArgumentParser
import OpsKit

/// `segment rfm ORDERS --customer COL --date COL --amount COL`: RFM scores and named segments per customer.
struct RFMCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "rfm", abstract: Text.rfmAbstract, discussion: Text.rfmDiscussion)
    static let examples = [
        "segment rfm orders --customer customer_id --date order_date --amount amount --order order_id",
        "segment rfm orders --customer customer_id --date order_date --amount amount --map ranges --as rfm_ranges",
        "segment rfm orders --customer customer_id --date order_date --amount amount --map cn8 --split median --as rfm_cn8",
        "segment rfm orders --customer customer_id --date order_date --quantity quantity --price unit_price --order order_id --as rfm_lines",
    ]

    @Argument(help: ArgumentHelp(Text.ordersHelp), completion: Completion.dataset) var orders: String
    @Option(help: ArgumentHelp(Text.customerHelp), completion: Completion.columns) var customer: String
    @Option(help: ArgumentHelp(Text.dateHelp), completion: Completion.columns) var date: String
    @Option(help: ArgumentHelp(Text.amountHelp), completion: Completion.columns) var amount: String?
    @Option(help: ArgumentHelp(Text.quantityHelp), completion: Completion.columns) var quantity: String?
    @Option(help: ArgumentHelp(Text.priceHelp), completion: Completion.columns) var price: String?
    @Option(help: ArgumentHelp(Text.orderHelp), completion: Completion.columns)
    var order: String?
    @Option(help: ArgumentHelp(Text.asofHelp)) var asof: String?
    @Option(help: ArgumentHelp(Text.binsHelp)) var bins: Bounded<BinCount> = 5
    @Option(help: ArgumentHelp(Text.mapHelp.encoded)) var map: RFMMap = .grid
    @Option(help: ArgumentHelp(Text.splitHelp.encoded)) var split: CN8Map.Split = .mean
    @OptionGroup var result: ResultNameOption

    /// Orders carry `--amount`; line items `--quantity` and `--price`, with `--order` to count distinct orders.
    static let rules: [OptionRule] = [
        .oneOf("--amount", "--quantity"), .together("--quantity", "--price"), .exclusive("--amount", "--price"),
        .requires("--quantity", "--order"),
    ]

    mutating func run(in context: CommandContext) throws {
        let segmentMap = map
        let bins = self.bins.value
        let data = try context.dataset(orders)
        let history = try OrderHistory(try columns(data))
        if history.droppedRows > 0 {
            context.note(quantity != nil ? Text.lineItemsDropped(history.droppedRows) : Text.ordersDropped(history.droppedRows))
        }
        guard history.customers.count > 0 else { throw Text.noCustomers() }
        let reference = try referenceDay(history)
        let rfm = RFMTable(
            recency: history.lastDay.map { reference - $0 }, frequency: history.orders, monetary: history.amount, bins: bins)
        let named = bins == 5 || segmentMap == .cn8
        let segments: [RFMSegment]
        if segmentMap == .cn8 {
            segments = CN8Map.segments(recency: rfm.recency, frequency: rfm.frequency, monetary: rfm.monetary, split: split)
        } else {
            segments = named ? rfm.r.indices.map { segmentMap.segment(r: rfm.r[$0], f: rfm.f[$0], m: rfm.m[$0]) } : []
        }
        let name = result.name(or: "rfm")
        var table = try Dataset(columns: [
            history.customers,
            Column(name: "recency", integers: rfm.recency),
            Column(name: "frequency", integers: rfm.frequency),
            Column(name: "monetary", doubles: rfm.monetary),
            Column(name: "r", integers: rfm.r.map(Int64.init)),
            Column(name: "f", integers: rfm.f.map(Int64.init)),
            Column(name: "m", integers: rfm.m.map(Int64.init)),
        ])
        if named { try table.setColumn(Column(name: "segment", strings: segments.map { Text.segmentName($0) })) }
        context.print(
            Text.rfmSummary(
                customers: history.customers.count, orders: history.totalOrders,
                asof: CivilDate.string(fromDays: reference), map: segmentMap.rawValue))
        if named {
            printSegments(segments, monetary: rfm.monetary, context: context)
        } else {
            context.note(Text.mapNeedsFiveBins)
        }
        try context.store(table, as: name)
        context.confirm(Text.stored([name]))
    }

    private func columns(_ data: Dataset) throws -> OrderHistory.Columns {
        return OrderHistory.Columns(
            customer: try data.column(customer, option: "--customer"), date: try data.column(date, option: "--date"),
            amount: try amount.map { try data.column($0, option: "--amount") },
            quantity: try quantity.map { try data.column($0, option: "--quantity") },
            price: try price.map { try data.column($0, option: "--price") },
            order: try order.map { try data.column($0, option: "--order") })
    }

    private func referenceDay(_ history: OrderHistory) throws -> Int64 {
        guard let asof else { return history.lastDay.max()! + 1 }
        guard let day = CivilDate.parseDate(Substring(asof.trimmingWhitespace())) else { throw Text.badAsOf(asof) }
        return day
    }

    private func printSegments(_ segments: [RFMSegment], monetary: [Double], context: CommandContext) {
        var counts = [Int](repeating: 0, count: RFMSegment.allCases.count)
        var revenue = [Double](repeating: 0, count: RFMSegment.allCases.count)
        for (i, segment) in segments.enumerated() {
            counts[segment.rawValue] += 1
            revenue[segment.rawValue] += monetary[i]
        }
        let total = revenue.reduce(0, +)
        let rows = RFMSegment.allCases.filter { counts[$0.rawValue] > 0 }.map { segment -> [String] in
            [
                Text.segmentName(segment), String(counts[segment.rawValue]),
                Format.percent(Double(counts[segment.rawValue]) / Double(segments.count)),
                Format.percent(total != 0 ? revenue[segment.rawValue] / total : 0), Text.segmentAction(segment),
            ]
        }
        context.table(headers: Text.rfmHeaders, rows: rows, alignments: [.left, .right, .right, .right, .left])
    }
}
