import OpsKit

/// Order status look-up from an `orders` dataset (columns `order_id`,
/// `status`, optional `ship_date`; line items of one order share these).
struct OrderBook: Sendable {
    struct Order: Sendable, Equatable {
        let id: Int64
        let status: String
        let shipDate: String?
        let items: Int
    }

    private let orders: [Int64: Order]

    /// Reads the dataset; throws when the id or status column is missing.
    init(_ dataset: Dataset, name: String) throws {
        let ids = try dataset.column("order_id", option: "orders dataset '\(name)'")
        let status = try dataset.column("status", option: "orders dataset '\(name)'").stringValues()
        let ship = dataset.index(ofColumn: "ship_date").map { dataset.columns[$0].stringValues() }
        let idValues = ids.numericValues() ?? ids.stringValues().map { $0.flatMap { Double($0.trimmingWhitespace()) } ?? .nan }
        var orders: [Int64: Order] = [:]
        for row in 0..<dataset.rowCount where idValues[row].isFinite {
            let id = Int64(idValues[row])
            if let existing = orders[id] {
                orders[id] = Order(id: id, status: existing.status, shipDate: existing.shipDate, items: existing.items + 1)
            } else {
                let date = ship?[row].flatMap { $0.isEmpty ? nil : $0 }
                orders[id] = Order(id: id, status: status[row] ?? "", shipDate: date, items: 1)
            }
        }
        self.orders = orders
    }

    func order(_ id: Int64) -> Order? { orders[id] }
}

/// Product names from a catalogue dataset, recognised in questions by their words.
struct ProductCatalogue: Sendable {
    let names: [String]
    private let terms: [Set<String>]
    private static let tokenizer = TextTokenizer()

    init(names: [String]) {
        self.names = names
        terms = names.map { Set(Self.tokenizer.tokens($0)) }
    }

    /// Products named in `text`: all of a name's terms present, or at least
    /// three of them — most shared terms first (ties: larger share, then order).
    func mentions(in text: String) -> [String] {
        let words = Set(Self.tokenizer.tokens(text))
        var scored: [(index: Int, shared: Int, share: Double)] = []
        for (i, nameTerms) in terms.enumerated() where !nameTerms.isEmpty {
            let shared = nameTerms.intersection(words).count
            if shared == nameTerms.count || shared >= 3 { scored.append((i, shared, Double(shared) / Double(nameTerms.count))) }
        }
        scored.sort { ($0.shared, $0.share, -$0.index) > ($1.shared, $1.share, -$1.index) }
        guard let best = scored.first else { return [] }
        return scored.filter { $0.shared == best.shared && $0.share == best.share }.prefix(3).map { names[$0.index] }
    }
}
