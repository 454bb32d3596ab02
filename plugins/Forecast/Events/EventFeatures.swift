import OpsKit

/// One model input derived from the calendar: an event at one offset from its
/// peak (`双11@-3`) near the peak, or a whole role (`双11 pre`) further away.
struct EventKey: Hashable, Sendable {
    var event: String
    var role: EventRole
    /// The offset for days within ``EventFeatures/offsetReach`` of the peak; nil for a whole role.
    var offset: Int?
    /// A known covariate (`--regressors`) rather than a calendar event.
    var isRegressor = false
    /// What the event is (festival, shopping festival, day off, ...).
    var kind = EventKind.promotion

    var label: String { isRegressor ? event : offset.map { "\(event)@\($0)" } ?? "\(event) \(role.rawValue)" }
}

/// The events active in each period of each series (history and horizon), as
/// sparse rows of (key index, value): value 1 (or the event's intensity) on daily
/// data, the share of the week's days on weekly data.
struct EventFeatures: Sendable {
    /// Offsets within this many days of the peak get their own effect.
    static let offsetReach = 7

    var keys: [EventKey]
    /// Per series, per period (history then horizon): the active keys and their values.
    var rows: [[[(key: Int, value: Double)]]]
    /// Per series, the period number of its first period (rows[s][t] is period starts[s] + t).
    var starts: [Int64]

    init(keys: [EventKey], rows: [[[(key: Int, value: Double)]]], starts: [Int64]) {
        self.keys = keys
        self.rows = rows
        self.starts = starts
    }

    /// Maps `entries` onto the periods of every series of `table` and `horizon` periods beyond.
    init(entries: [CalendarEntry], table: SeriesTable, horizon: Int) {
        var index: [EventKey: Int] = [:]
        var keys: [EventKey] = []
        let weekly = table.frequency == .weekly
        // entries by period number: (key, value)
        var shared: [Int64: [(Int, Double)]] = [:]
        var perSeries: [String: [Int64: [(Int, Double)]]] = [:]
        for entry in entries {
            let key = Self.key(for: entry, weekly: weekly)
            let k: Int
            if let existing = index[key] { k = existing } else { k = keys.count; index[key] = k; keys.append(key) }
            let period = table.frequency.period(of: entry.day, isDateTime: false, anchorDay: table.anchorDay)
            let value = entry.intensity * (weekly ? 1.0 / 7 : 1)
            if let s = entry.series { perSeries[s, default: [:]][period, default: []].append((k, value)) }
            else { shared[period, default: []].append((k, value)) }
        }
        var rows: [[[(key: Int, value: Double)]]] = []
        for s in 0..<table.count {
            let own = perSeries[table.keys[s]] ?? [:]
            let length = table.values[s].count + horizon
            var seriesRows = [[(key: Int, value: Double)]](repeating: [], count: length)
            for t in 0..<length {
                let period = table.starts[s] + Int64(t)
                let active = (shared[period] ?? []) + (own[period] ?? [])
                if active.isEmpty { continue }
                seriesRows[t] = Self.merged(active)
            }
            rows.append(seriesRows)
        }
        self.keys = keys
        self.rows = rows
        self.starts = table.starts
    }

    static func key(for entry: CalendarEntry, weekly: Bool) -> EventKey {
        switch entry.role {
        case _ where entry.kind == .logistics: return EventKey(event: entry.event, role: entry.role, offset: nil, kind: entry.kind)
        case .off, .makeup: return EventKey(event: entry.event, role: entry.role, offset: nil, kind: entry.kind)
        default:
            let near = !weekly && abs(entry.offset) <= offsetReach
            return EventKey(event: entry.event, role: entry.role, offset: near ? entry.offset : nil, kind: entry.kind)
        }
    }

    /// Sums the values of a key appearing twice in one period (a weekly period holds several days).
    private static func merged(_ active: [(Int, Double)]) -> [(key: Int, value: Double)] {
        var out: [(key: Int, value: Double)] = []
        for (k, v) in active {
            if let i = out.firstIndex(where: { $0.key == k }) { out[i].value += v } else { out.append((k, v)) }
        }
        return out.sorted { $0.key < $1.key }
    }

    /// Whether any period of series `s` in `range` has an event.
    func hasEvents(series s: Int, in range: Range<Int>) -> Bool { range.contains { !rows[s][$0].isEmpty } }
}
