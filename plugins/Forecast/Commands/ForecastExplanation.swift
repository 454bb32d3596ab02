import Foundation
import OpsKit

/// The sentences of `forecast explain` for one series, from its rows of a forecasts dataset.
struct ForecastExplanation {
    var days: [Int64]
    var mean: [Double]
    var sd: [Double]
    var lift: [Double]
    var events: [String?]
    var model: String
    var mase: Double?
    var frequency: Frequency

    init(data: Dataset, rows: [Int], mean: [Double], sd: [Double], frequency: Frequency) throws {
        let dateColumn = data.columns.first { $0.type == .date || $0.type == .datetime }!
        guard case .integers(let stamps) = dateColumn.values else { throw OpsError(Strings.notForecasts("bad date column"), hint: Strings.forecastsHint) }
        days = rows.map { dateColumn.type == .datetime ? floorDiv(stamps[$0], 86400) : stamps[$0] }
        self.mean = mean
        self.sd = sd
        let lifts = data.index(ofColumn: "lift").flatMap { data.columns[$0].numericValues() }
        lift = rows.map { r in lifts.map { $0[r].isFinite && $0[r] > 0 ? $0[r] : 1 } ?? 1 }
        let names = data.index(ofColumn: "events").map { data.columns[$0].stringValues() }
        events = rows.map { r in names?[r] }
        model = data.index(ofColumn: "model").map { data.columns[$0].stringValues()[rows[0]] ?? "" } ?? ""
        let scores = data.index(ofColumn: "mase").flatMap { data.columns[$0].numericValues() }
        mase = scores.flatMap { s in rows.map { s[$0] }.first { $0.isFinite } }
        self.frequency = frequency
    }

    func lines(series: String, effects: EventEffectRows?, day: Int64?) -> [String] {
        var out: [String] = []
        let base = zip(mean, lift).map { $0 / $1 }
        out.append(Strings.explainModel(series, code: model, description: ModelDescription.describe(model)))
        if let mase { out.append(Strings.explainBacktest(ForecastReport.format(mase))) }
        let week = min(7, base.count)
        let first = base.prefix(week).reduce(0, +) / Double(max(1, week)), last = base.suffix(week).reduce(0, +) / Double(max(1, week))
        out.append(Strings.explainLevel(ValueFormat.fixed(first, digits: 1), perDay: frequency == .daily))
        if base.count >= 2 * week, first > 0 { out.append(Strings.explainTrend(ForecastReport.percent(last / first - 1))) }
        if frequency == .daily, base.count >= 14 { out.append(contentsOf: weeklyPattern(base)) }
        if let effects, !effects.effects.isEmpty { out.append(contentsOf: eventLines(effects)) }
        out.append(intervalLine())
        if let day { out.append(contentsOf: dayLines(day)) }
        return out
    }

    /// Which weekday is highest and lowest relative to the average day, from the base forecast.
    private func weeklyPattern(_ base: [Double]) -> [String] {
        var sums = [Double](repeating: 0, count: 7), counts = [Int](repeating: 0, count: 7)
        for (d, v) in zip(days, base) { sums[CivilDate.weekday(fromDays: d)] += v; counts[CivilDate.weekday(fromDays: d)] += 1 }
        let avg = (0..<7).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
        let overall = avg.reduce(0, +) / 7
        guard overall > 0, let hi = avg.indices.max(by: { avg[$0] < avg[$1] }), let lo = avg.indices.min(by: { avg[$0] < avg[$1] }),
              avg[hi] / overall - 1 >= 0.03 else { return [Strings.explainNoWeekly] }
        return [Strings.explainWeekly(high: hi, highChange: ForecastReport.percent(avg[hi] / overall - 1),
                                      low: lo, lowChange: ForecastReport.percent(avg[lo] / overall - 1))]
    }

    private func eventLines(_ effects: EventEffectRows) -> [String] {
        var order: [String] = []
        for e in effects.effects where !order.contains(e.event) { order.append(e.event) }
        return order.compactMap { event in
            let list = effects.effects.filter { $0.event == event }
            guard let strongest = list.max(by: { abs($0.liftPercent) < abs($1.liftPercent) }) else { return nil }
            // the day of the strongest lift in the horizon
            let dayIndex = events.indices.filter { (events[$0] ?? "").split(separator: ",").contains(Substring(event)) }
                .max { abs(lift[$0] - 1) < abs(lift[$1] - 1) }
            let when = dayIndex.map { CivilDate.string(fromDays: days[$0]) } ?? ""
            let change = ForecastReport.percent(strongest.liftPercent / 100)
            let years = list.flatMap { $0.years.split(separator: ",").map(String.init) }
            let unique = Array(Set(years)).sorted()
            if strongest.pooled || unique.isEmpty { return Strings.explainEventBorrowed(event, change: change, on: when) }
            return Strings.explainEvent(event, change: change, on: when, years: unique)
        }
    }

    private func intervalLine() -> String {
        let z = Gaussian.quantile(0.975)
        let ordinary = mean.indices.filter { lift[$0] == 1 }, special = mean.indices.filter { lift[$0] != 1 }
        func relative(_ idx: [Int]) -> Double? {
            let m = idx.reduce(0.0) { $0 + mean[$1] }, w = idx.reduce(0.0) { $0 + z * sd[$1] }
            return m > 0 ? w / m : nil
        }
        let growth = ordinary.count > 1 && sd[ordinary[0]] > 0 ? sd[ordinary[ordinary.count - 1]] / sd[ordinary[0]] : 1
        var text = Strings.explainInterval(ordinary: relative(ordinary).map { ForecastReport.percent($0) } ?? "–",
                                           growth: ValueFormat.fixed(growth, digits: 1))
        if let wide = relative(special), !special.isEmpty { text += " " + Strings.explainIntervalEvents(ForecastReport.percent(wide)) }
        return text
    }

    private func dayLines(_ day: Int64) -> [String] {
        guard let i = days.firstIndex(of: day) else {
            return [Strings.explainDayOutside(CivilDate.string(fromDays: day), first: CivilDate.string(fromDays: days.first ?? day),
                                              last: CivilDate.string(fromDays: days.last ?? day))]
        }
        let z = Gaussian.quantile(0.975)
        return [Strings.explainDay(
            CivilDate.string(fromDays: day), forecast: ValueFormat.fixed(mean[i], digits: 1),
            base: ValueFormat.fixed(mean[i] / lift[i], digits: 1), events: events[i] ?? "", change: ForecastReport.percent(lift[i] - 1),
            lower: ValueFormat.fixed(max(0, mean[i] - z * sd[i]), digits: 1), upper: ValueFormat.fixed(mean[i] + z * sd[i], digits: 1))]
    }
}
