import OpsKit

/// The spacing of a series' observations and how dates map to period numbers.
enum Frequency: String, CaseIterable, Sendable {
    case hourly = "H", daily = "D", weekly = "W", monthly = "M"

    /// Seasonal periods `--season auto` uses for a series of `length` periods:
    /// H 24 and 168; D 7, plus 365 on series of three years or more; W 52; M 12.
    func defaultSeasons(length: Int) -> [Int] {
        switch self {
        case .hourly: return [24, 168]
        case .daily: return length >= 3 * 365 ? [7, 365] : [7]
        case .weekly: return [52]
        case .monthly: return [12]
        }
    }

    /// Periods in a year (for annual demand in the inventory policy).
    var periodsPerYear: Double {
        switch self {
        case .hourly: return 8766
        case .daily: return 365.25
        case .weekly: return 52.18
        case .monthly: return 12
        }
    }

    /// Period number of a timestamp (days for `date` columns, seconds for `datetime`).
    func period(of stamp: Int64, isDateTime: Bool, anchorDay: Int64) -> Int64 {
        let day = isDateTime ? floorDiv(stamp, 86400) : stamp
        switch self {
        case .hourly: return isDateTime ? floorDiv(stamp, 3600) : stamp * 24
        case .daily: return day
        case .weekly: return floorDiv(day - anchorDay, 7)
        case .monthly:
            let c = CivilDate.components(fromDays: day)
            return Int64(c.year) * 12 + Int64(c.month - 1)
        }
    }

    /// Timestamp of the start of a period, in the unit of the date column.
    func stamp(ofPeriod period: Int64, isDateTime: Bool, anchorDay: Int64) -> Int64 {
        let day: Int64
        switch self {
        case .hourly: return isDateTime ? period * 3600 : floorDiv(period, 24)
        case .daily: day = period
        case .weekly: day = anchorDay + period * 7
        case .monthly: day = CivilDate.days(year: Int(floorDiv(period, 12)), month: Int(period - floorDiv(period, 12) * 12) + 1, day: 1)
        }
        return isDateTime ? day * 86400 : day
    }

    /// Infers the frequency from the most common gap between consecutive distinct timestamps.
    static func infer(sortedStamps: [Int64], isDateTime: Bool) -> Frequency? {
        var counts: [Int64: Int] = [:]
        for i in sortedStamps.indices.dropFirst() where sortedStamps[i] > sortedStamps[i - 1] {
            counts[sortedStamps[i] - sortedStamps[i - 1], default: 0] += 1
        }
        guard let gap = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { return nil }
        let days = isDateTime ? Double(gap) / 86400 : Double(gap)
        if isDateTime, gap == 3600 { return .hourly }
        switch days {
        case 1: return .daily
        case 7: return .weekly
        case 28...31: return .monthly
        default: return nil
        }
    }
}

@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
