import OpsKit

@testable import Ask

/// Runs ask commands against in-memory datasets, as the session would.
final class Harness {
    let datasets: InMemoryDatasets

    init(_ datasets: [String: Dataset] = [:]) { self.datasets = InMemoryDatasets(datasets) }

    /// Runs one command; commits its results on success. Returns the output.
    @discardableResult
    func run<C: PluginCommand>(_ type: C.Type, _ arguments: [String], input: [String] = []) throws -> String {
        var lines = input[...]
        let buffer = TextBuffer()
        let context = CommandContext(
            commandLine: "ask " + arguments.joined(separator: " "), style: .plain, defaultSeed: 42, source: datasets,
            sink: buffer, lineReader: { _ in lines.popFirst() })
        var command = try C.parseChecked(arguments, plugin: "ask")
        try command.run(in: context)
        datasets.commit(context.staged)
        for line in context.confirmations { buffer.write(line + "\n") }  // printed after the commit, as the session does
        return buffer.text
    }

    func dataset(_ name: String) throws -> Dataset { try datasets.dataset(named: name) }

    static let faq = try! Dataset(columns: [
        Column(name: "问题", strings: [
            "怎么申请退货?", "退货的运费谁来承担?", "退款多久能到账?", "快递一般几天能到?", "可以开发票吗?",
            "How do I reset my password?", "这个问题没有答案", "Do you ship abroad?",
        ]),
        Column(name: "答案", strings: [
            "在订单页点击申请退货。", "质量问题由我们承担运费。", "审核后 1-3 个工作日到账。", "一般 2-3 天送达。", "可以,在订单详情申请发票。",
            "Use Settings → Security → Reset password.", nil, "Yes, to 30 countries.",
        ] as [String?]),
        Column(name: "意图", strings: ["return", "shipping_cost", "refund", "shipping_time", "invoice", "account", "none", "shipping_time"]),
    ])

    static let utterances: Dataset = {
        let rows: [(String, String)] = [
            ("我要退货", "return"), ("怎么退货", "return"), ("这个东西想退掉", "return"), ("I want to return this", "return"),
            ("return my shoes", "return"), ("申请退货流程", "return"),
            ("退款什么时候到", "refund"), ("钱什么时候退回来", "refund"), ("where is my refund", "refund"),
            ("refund not received", "refund"), ("退款还没到账", "refund"), ("退款多久到账", "refund"),
            ("几天能到", "shipping_time"), ("快递多久到", "shipping_time"), ("when will it arrive", "shipping_time"),
            ("how long is delivery", "shipping_time"), ("什么时候发货", "shipping_time"), ("发货要几天", "shipping_time"),
            ("今天天气怎么样", "oos"), ("讲个笑话", "oos"), ("what's the weather", "oos"), ("tell me a joke", "oos"),
            ("你喜欢音乐吗", "oos"), ("who won the game", "oos"),
        ]
        return try! Dataset(columns: [Column(name: "text", strings: rows.map(\.0)), Column(name: "intent", strings: rows.map(\.1))])
    }()

    static let orders = try! Dataset(columns: [
        Column(name: "order_id", integers: [10001, 10001, 10002, 10003] as [Int64]),
        Column(name: "status", strings: ["已发货", "已发货", "配送中", "待发货"]),
        Column(name: "ship_date", strings: ["2025-11-02", "2025-11-02", "2025-11-03", nil] as [String?]),
    ])
}
