import OpsKit

/// What an event is: a festival, a platform shopping festival, an official day off,
/// a make-up working day (调休), a logistics stop, or a user's own promotion.
enum EventKind: String, CaseIterable, Sendable {
    case festival, shopping, holiday, workday, logistics, promotion
}

/// Where a day sits in an event's window.
enum EventRole: String, CaseIterable, Sendable {
    /// Before the peak (pre-sale, build-up, stocking up).
    case pre
    case peak
    /// After the peak (returns, recovery).
    case after
    /// An official day off.
    case off
    /// A weekend working day that makes up for a holiday (调休上班).
    case makeup
}

/// One day of one event.
struct CalendarEntry: Equatable, Sendable {
    var day: Int64
    var event: String
    var kind: EventKind
    var role: EventRole
    /// Days from the event's peak (0 on the peak, negative before it).
    var offset: Int
    /// Strength of the event on this day (discount depth, spend); 1 when not given.
    var intensity: Double = 1
    /// The series the event belongs to, or nil for every series.
    var series: String?
}

/// The built-in Chinese retail calendar: festivals (lunar ones computed by
/// ``LunarCalendar``), platform shopping festivals with their pre-sale and after
/// windows, the courier stop around 春节, and the official days off and make-up
/// working days of the years the State Council has published (``OfficialHolidays``).
enum RetailCalendar {
    static let years = LunarCalendar.supportedYears

    /// Every entry whose day falls in `from...to` (day numbers), ordered by day then event.
    static func entries(from: Int64, to: Int64) -> [CalendarEntry] {
        let first = max(years.lowerBound, CivilDate.components(fromDays: from).year - 1)
        let last = min(years.upperBound, CivilDate.components(fromDays: to).year + 1)
        guard first <= last else { return [] }
        var all: [CalendarEntry] = []
        for year in first...last {
            all += retailEntries(year)
            all += OfficialHolidays.entries(year)
        }
        return all.filter { $0.day >= from && $0.day <= to }
            .sorted { ($0.day, $0.event, $0.offset) < ($1.day, $1.event, $1.offset) }
    }

    /// The festivals and shopping windows of one Gregorian year.
    static func retailEntries(_ year: Int) -> [CalendarEntry] {
        var out: [CalendarEntry] = []
        func window(_ event: String, _ kind: EventKind, peak: Int64, pre: Int = 0, peakDays: Int = 1, after: Int = 0) {
            for o in -pre..<(peakDays + after) {
                let role: EventRole = o < 0 ? .pre : (o < peakDays ? .peak : .after)
                out.append(CalendarEntry(day: peak + Int64(o), event: event, kind: kind, role: role, offset: o))
            }
        }
        func date(_ month: Int, _ day: Int) -> Int64 { CivilDate.days(year: year, month: month, day: day) }
        let chunjie = LunarCalendar.springFestival(year)
        window("元旦", .festival, peak: date(1, 1))
        // 年货节: the weeks of stocking up before the festival
        window("年货节", .shopping, peak: chunjie - 8, pre: 17)
        // 春节: 除夕 (offset −1) to 初六 (+5), the week before, and the slow return
        window("春节", .festival, peak: chunjie - 1, pre: 6, peakDays: 7, after: 9)
        window("快递停运", .logistics, peak: chunjie - 5, peakDays: 12)
        window("元宵", .festival, peak: LunarCalendar.day(year: year, month: 1, day: 15))
        window("女王节", .shopping, peak: date(3, 8), pre: 2)
        window("清明", .festival, peak: LunarCalendar.qingming(year))
        window("五一", .festival, peak: date(5, 1), peakDays: 5)
        window("520", .shopping, peak: date(5, 20), pre: 1)
        window("618", .shopping, peak: date(6, 18), pre: 17, after: 2)
        window("端午", .festival, peak: LunarCalendar.day(year: year, month: 5, day: 5), pre: 3)
        window("七夕", .festival, peak: LunarCalendar.day(year: year, month: 7, day: 7), pre: 2)
        window("中秋", .festival, peak: LunarCalendar.day(year: year, month: 8, day: 15), pre: 7)
        window("国庆", .festival, peak: date(10, 1), peakDays: 7)
        window("双11", .shopping, peak: date(11, 11), pre: 22, after: 2)
        window("双12", .shopping, peak: date(12, 12), pre: 2, after: 1)
        window("圣诞", .festival, peak: date(12, 25), pre: 1)
        return out
    }
}
