import ArgumentParser
import OpsKit

/// `--events auto|none|DATASET[,DATASET...]`.
enum EventSource: Equatable, ExpressibleByArgument, Sendable {
    /// The built-in calendar on daily and weekly data.
    case auto
    case none
    /// Datasets of events; `auto` among them adds the built-in calendar.
    case datasets([String])

    init?(argument: String) {
        let parts = argument.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        switch parts.map({ $0.lowercased() }) {
        case ["auto"]: self = .auto
        case ["none"]: self = .none
        default:
            if parts.contains(where: { $0.lowercased() == "none" }) { return nil }
            self = .datasets(parts)
        }
    }

    var defaultValueDescription: String {
        switch self {
        case .auto: return "auto"
        case .none: return "none"
        case .datasets(let names): return names.joined(separator: ",")
        }
    }
}

/// The event inputs of `predict` and `backtest`: calendar, promotions, regressors.
struct EventOptions: ParsableArguments {
    @Option(help: ArgumentHelp(Strings.eventsHelp), completion: .list(["auto", "none"]))
    var events: EventSource = .auto

    @Option(help: ArgumentHelp(Strings.regressorsHelp), completion: Completion.columns)
    var regressors: String?

    @Option(help: ArgumentHelp(Strings.futureHelp), completion: Completion.dataset)
    var future: String?

    init() {}

    /// The event rows of every series over its history and `horizon` periods, or nil when none apply.
    func features(table: SeriesTable, sales: Dataset, byName: String?, horizon: Int, context: CommandContext) throws -> EventFeatures? {
        var entries: [CalendarEntry] = []
        var useCalendar = false
        var names: [String] = []
        switch events {
        case .none: break
        case .auto: useCalendar = true
        case .datasets(let list):
            for name in list {
                if name.lowercased() == "auto" { useCalendar = true } else { names.append(name) }
            }
        }
        let supported = table.frequency == .daily || table.frequency == .weekly
        if !supported || table.isDateTime {
            if !names.isEmpty || regressors != nil { context.note(Strings.eventsNeedDailyOrWeekly(table.frequency.rawValue)) }
            return nil
        }
        let (first, last) = dayRange(table: table, horizon: horizon)
        if useCalendar { entries += RetailCalendar.entries(from: first, to: last) }
        for name in names {
            let (read, notes) = try CalendarDataset.entries(try context.dataset(name), name: name, seriesColumn: byName)
            for note in notes { context.note(note) }
            let inside = read.filter { $0.day >= first && $0.day <= last }
            let outside = Set(read.map(\.event)).subtracting(inside.map(\.event))
            if !outside.isEmpty { context.warn(Strings.eventsOutside(name, events: outside.sorted())) }
            entries += inside
        }
        if table.frequency == .weekly { noteShortEvents(entries, context: context) }
        var features = EventFeatures(entries: entries, table: table, horizon: horizon)
        if let regressors {
            try RegressorInputs.add(regressors, future: future, to: &features, table: table, sales: sales, byName: byName,
                                    horizon: horizon, context: context)
        } else if future != nil {
            context.note(Strings.futureWithoutRegressors)
        }
        return features.keys.isEmpty ? nil : features
    }

    /// The first and last day covered by any series' history or horizon.
    private func dayRange(table: SeriesTable, horizon: Int) -> (Int64, Int64) {
        var first = Int64.max, last = Int64.min
        for s in 0..<table.count {
            first = min(first, table.stamp(series: s, offset: 0))
            last = max(last, table.stamp(series: s, offset: table.values[s].count + horizon - 1) + (table.frequency == .weekly ? 6 : 0))
        }
        return (first, last)
    }

    private func noteShortEvents(_ entries: [CalendarEntry], context: CommandContext) {
        var days: [String: Set<Int64>] = [:]
        for e in entries where e.role != .off && e.role != .makeup { days[e.event, default: []].insert(e.day) }
        let short = days.filter { $0.value.count < 7 }.keys.sorted()
        if !short.isEmpty { context.note(Strings.shortEventsInWeeks(short)) }
    }
}

extension EventOptions {
    /// Warns, per event ahead, about the series that never saw it in their history.
    static func reportBorrowed(_ effects: EventEffects, table: SeriesTable, horizon: Int, context: CommandContext) {
        var missing: [String: [String]] = [:]
        var order: [String] = []
        for s in 0..<table.count {
            guard let fit = effects.fits[s] else { continue }
            let n = table.values[s].count
            // keys ahead per event; an event counts as seen when its peak keys ahead (or, without one, any key) were
            var ahead: [String: Set<Int>] = [:]
            for t in n..<(n + horizon) { for (k, _) in effects.features.rows[s][t] { ahead[effects.features.keys[k].event, default: []].insert(k) } }
            let unseen = ahead.filter { _, keys in
                let peaks = keys.filter { effects.features.keys[$0].role == .peak }
                return peaks.isEmpty ? keys.allSatisfy { fit.occurrences[$0] == 0 } : peaks.contains { fit.occurrences[$0] == 0 }
            }
            for event in unseen.keys.sorted() {
                if missing[event] == nil { order.append(event) }
                missing[event, default: []].append(table.keys[s])
            }
        }
        for event in order {
            let series = missing[event]!
            context.warn(series.count == table.count ? Strings.eventNeverSeen(event) : Strings.eventBorrowed(event, series: series))
        }
    }
}
