import OpsKit

/// Orders (or line items) reduced to one row per customer: last order day,
/// number of distinct orders and total amount. Customers are in ascending
/// order of their id, as pandas' groupby sorts them (this order breaks
/// frequency ties).
struct OrderHistory {
    /// The customer column restricted to one row per customer, sorted.
    var customers: Column
    var lastDay: [Int64]
    var orders: [Int64]
    var amount: [Double]
    /// Source rows used and left out.
    var usedRows: Int
    var droppedRows: Int
    var totalOrders: Int

    struct Columns {
        var customer: Column
        var date: Column
        /// Either an amount, or quantity and price (line items, with an order id).
        var amount: Column?
        var quantity: Column?
        var price: Column?
        var order: Column?
    }

    init(_ columns: Columns) throws {
        let n = columns.customer.count
        let days = try Self.days(columns.date)
        let value: [Double]
        var keep = [Bool](repeating: true, count: n)
        if let quantity = columns.quantity, let price = columns.price {
            let q = try quantity.requireNumeric(option: "--quantity"), p = try price.requireNumeric(option: "--price")
            value = (0..<n).map { q[$0] * p[$0] }
            for i in 0..<n where !(q[i] > 0 && p[i] > 0) { keep[i] = false }
        } else {
            value = try columns.amount!.requireNumeric(option: "--amount")
        }
        let customerCodes = KeyCodes(columns.customer)
        let orderCodes = columns.order.map(KeyCodes.init)
        for i in 0..<n where customerCodes.codes[i] < 0 || days[i] == nil || !value[i].isFinite { keep[i] = false }
        if let orderCodes { for i in 0..<n where orderCodes.codes[i] < 0 { keep[i] = false } }
        let k = customerCodes.count
        var last = [Int64](repeating: .min, count: k), totals = [Double](repeating: 0, count: k)
        var counts = [Int64](repeating: 0, count: k), present = [Bool](repeating: false, count: k)
        var seenOrders = Set<Int64>()
        for i in 0..<n where keep[i] {
            let c = Int(customerCodes.codes[i])
            present[c] = true
            last[c] = max(last[c], days[i]!)
            totals[c] += value[i]
            if let orderCodes {
                if seenOrders.insert(Int64(c) << 32 | Int64(orderCodes.codes[i])).inserted { counts[c] += 1 }
            } else {
                counts[c] += 1
            }
        }
        let order = customerCodes.sortedByValue(in: columns.customer).filter { present[$0] }
        customers = columns.customer.selecting(rows: order.map { customerCodes.firstRows[$0] })
        lastDay = order.map { last[$0] }
        orders = order.map { counts[$0] }
        amount = order.map { totals[$0] }
        usedRows = keep.lazy.filter { $0 }.count
        droppedRows = n - usedRows
        totalOrders = Int(orders.reduce(0, +))
    }

    /// Day numbers of a date, datetime or text column (nil for nulls); an error naming a non-date value.
    static func days(_ column: Column) throws -> [Int64?] {
        switch (column.type, column.values) {
        case (.date, .integers(let v)): return v.indices.map { column.isNull($0) ? nil : v[$0] }
        case (.datetime, .integers(let v)):
            return v.indices.map { column.isNull($0) ? nil : day(ofSeconds: v[$0]) }
        case (.string, _):
            return try column.stringValues().map { text in
                guard let text, !text.isEmpty else { return nil }
                if let day = CivilDate.parseDate(Substring(text)) { return day }
                if let seconds = CivilDate.parseDateTime(Substring(text)) { return day(ofSeconds: seconds) }
                throw Text.badDate(column.name, text)
            }
        default:
            let sample = (0..<column.count).first { !column.isNull($0) }.map { column.formatted(at: $0) } ?? ""
            throw Text.badDate(column.name, sample)
        }
    }

    /// The day number of a moment (seconds since epoch), rounding down.
    static func day(ofSeconds seconds: Int64) -> Int64 { seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400 }
}
