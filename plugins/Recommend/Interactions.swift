import OpsKit

/// Cleaned interaction rows (user, item, weight, time) in dataset order,
/// with the rows that had to be skipped counted by reason.
struct InteractionLog {
    var users: IDTable
    var items: IDTable
    let user: [Int32]
    let item: [Int32]
    let weight: [Double]
    /// Numeric time per row (day or second numbers), when a time column was given.
    let time: [Double]?
    /// The time column's type (date or datetime), to print cut-offs.
    let timeType: ColumnType?
    /// Basket (order, invoice) code per row, when a basket column was given.
    let basket: [Int32]?
    let nullUserRows: Int
    let nullItemRows: Int
    let badWeightRows: Int
    let nullTimeRows: Int

    var count: Int { user.count }

    init(
        dataset: Dataset, userColumn: String, itemColumn: String, weightColumn: String?, timeColumn: String?,
        basketColumn: String? = nil
    ) throws {
        let userCol = try dataset.column(userColumn, option: "--user")
        let itemCol = try dataset.column(itemColumn, option: "--item")
        let weights = try weightColumn.map { try dataset.column($0, option: "--weight").requireNumeric(option: "--weight") }
        let times = try timeColumn.map { name -> [Double] in
            let column = try dataset.column(name, option: "--time")
            guard let values = column.numericValues() else { throw Strings.timeNotNumeric(name) }
            return values
        }
        let basketCodes = try basketColumn.map { IDTable.encode(try dataset.column($0, option: "--basket")).codes }
        let (userTable, userCodes) = IDTable.encode(userCol)
        let (allItems, itemCodes) = IDTable.encode(itemCol)
        // Items are numbered over the usable rows only: the catalogue is what users interacted with.
        var itemTable = IDTable()
        var itemRemap = [Int32](repeating: -1, count: allItems.count)
        var user: [Int32] = [], item: [Int32] = [], weight: [Double] = [], time: [Double] = [], basket: [Int32] = []
        user.reserveCapacity(dataset.rowCount)
        item.reserveCapacity(dataset.rowCount)
        weight.reserveCapacity(dataset.rowCount)
        var nullUsers = 0, nullItems = 0, badWeights = 0, nullTimes = 0
        for row in 0..<dataset.rowCount {
            if userCodes[row] < 0 { nullUsers += 1; continue }
            if itemCodes[row] < 0 { nullItems += 1; continue }
            let w = weights?[row] ?? 1
            if !(w > 0) || !w.isFinite { badWeights += 1; continue }
            if let times, times[row].isNaN { nullTimes += 1; continue }
            let old = Int(itemCodes[row])
            if itemRemap[old] < 0 { itemRemap[old] = itemTable.intern(allItems.ids[old]) }
            user.append(userCodes[row])
            item.append(itemRemap[old])
            weight.append(w)
            if let times { time.append(times[row]) }
            if let basketCodes { basket.append(basketCodes[row]) }
        }
        guard !user.isEmpty else { throw Strings.noUsableInteractions(dataset.rowCount) }
        // Users whose every row was skipped keep their id: they are cold-start users.
        self.users = userTable
        self.items = itemTable
        self.user = user
        self.item = item
        self.weight = weight
        self.time = times == nil ? nil : time
        self.timeType = try timeColumn.map { try dataset.column($0).type }
        self.basket = basketCodes == nil ? nil : basket
        self.nullUserRows = nullUsers
        self.nullItemRows = nullItems
        self.badWeightRows = badWeights
        self.nullTimeRows = nullTimes
    }

    /// Rows skipped for any reason.
    var skippedRows: Int { nullUserRows + nullItemRows + badWeightRows + nullTimeRows }

    /// Adds catalogue ids that never occur in the interactions, so that content
    /// models can recommend them; returns how many were added.
    mutating func addItems(_ ids: [String]) -> Int {
        let before = items.count
        for id in ids { _ = items.intern(id) }
        return items.count - before
    }

    /// The users × items matrix of the given rows (all when nil), duplicate
    /// (user, item) pairs summed, then damped; `countingRows` counts rows instead of summing weights.
    /// Built by two counting sorts, O(rows + users + items).
    func matrix(rows: [Int]? = nil, damping: Damping = .none, countingRows: Bool = false) -> SparseMatrix {
        let selected = rows ?? Array(0..<count)
        let userCount = users.count, itemCount = items.count
        // Pass 1: order rows by item; pass 2: stable order by user → sorted by (user, item).
        var byItem = [Int](repeating: 0, count: selected.count)
        var itemStart = [Int](repeating: 0, count: itemCount + 1)
        for r in selected { itemStart[Int(item[r]) + 1] += 1 }
        for i in 0..<itemCount { itemStart[i + 1] += itemStart[i] }
        for r in selected {
            byItem[itemStart[Int(item[r])]] = r
            itemStart[Int(item[r])] += 1
        }
        var userStart = [Int](repeating: 0, count: userCount + 1)
        for r in selected { userStart[Int(user[r]) + 1] += 1 }
        for u in 0..<userCount { userStart[u + 1] += userStart[u] }
        var next = userStart
        var sorted = [Int](repeating: 0, count: selected.count)
        for r in byItem {
            sorted[next[Int(user[r])]] = r
            next[Int(user[r])] += 1
        }
        var rowStart = [Int](repeating: 0, count: userCount + 1)
        var columns: [Int32] = [], values: [Double] = []
        columns.reserveCapacity(selected.count)
        values.reserveCapacity(selected.count)
        for u in 0..<userCount {
            var last: Int32 = -1
            for p in userStart[u]..<userStart[u + 1] {
                let r = sorted[p]
                let w = countingRows ? 1 : weight[r]
                if item[r] == last {
                    values[values.count - 1] += w
                } else {
                    columns.append(item[r])
                    values.append(w)
                    last = item[r]
                }
            }
            rowStart[u + 1] = columns.count
        }
        if damping != .none { for p in values.indices { values[p] = damping.apply(values[p]) } }
        return SparseMatrix(
            rowCount: userCount, columnCount: itemCount, rowStart: rowStart, columns: columns, values: values)
    }
}
