import OpsKit

/// The Chinese lunisolar calendar (农历) by the rules of GB/T 33661-2017, computed
/// from new moons and the sun's longitude in Beijing time:
/// a month starts on the day of a new moon; month 11 holds the winter solstice;
/// in a year of 13 months between two month-11s, the first month without a
/// principal solar term (中气) is the leap month.
enum LunarCalendar {
    /// Years for which the built-in calendar is checked against published dates.
    static let supportedYears = 2000...2050

    /// A lunar month: its Gregorian first day, its number (1…12) and whether it is a leap month.
    struct Month: Equatable {
        var start: Int64
        var number: Int
        var isLeap: Bool
    }

    /// The months of the sui (岁) from the month-11 before `year`'s Spring Festival to the next month-11.
    static func months(endingIn year: Int) -> [Month] {
        let solstice0 = winterSolsticeDay(year - 1), solstice1 = winterSolsticeDay(year)
        let first = newMoonDay(onOrBefore: solstice0), last = newMoonDay(onOrBefore: solstice1)
        var starts: [Int64] = []
        var k = lunation(near: first)
        while true {
            let day = Astronomy.beijingDay(Astronomy.newMoon(k))
            if day >= last { break }
            if day >= first { starts.append(day) }
            k += 1
        }
        starts.append(last)
        let count = starts.count - 1
        var leapIndex: Int?
        if count == 13 {
            let terms = principalTermDays(from: starts[0], to: starts[count])
            leapIndex = (1..<count).first { i in !terms.contains { $0 >= starts[i] && $0 < starts[i + 1] } }
        }
        var result: [Month] = []
        var number = 11
        for i in 0..<count {
            if i == leapIndex {
                result.append(Month(start: starts[i], number: number, isLeap: true))
                continue
            }
            if i > 0 { number = number % 12 + 1 }
            result.append(Month(start: starts[i], number: number, isLeap: false))
        }
        return result
    }

    /// The Gregorian day of lunar `month`/`day` (non-leap month) in the lunar year starting in `year`.
    static func day(year: Int, month: Int, day: Int) -> Int64 {
        let list = months(endingIn: year)
        let newYear = list.firstIndex { $0.number == 1 && !$0.isLeap }!
        let target = list[newYear...].first { $0.number == month && !$0.isLeap }
            ?? months(endingIn: year + 1).first { $0.number == month && !$0.isLeap }!
        return target.start + Int64(day - 1)
    }

    /// 春节: the first day of the first lunar month in Gregorian `year`.
    static func springFestival(_ year: Int) -> Int64 { day(year: year, month: 1, day: 1) }

    /// 清明: the day the sun reaches longitude 15° (early April).
    static func qingming(_ year: Int) -> Int64 {
        let guess = Astronomy.julianDay(ofDay: CivilDate.days(year: year, month: 4, day: 5))
        return Astronomy.beijingDay(Astronomy.solarTerm(degrees: 15, near: guess))
    }

    static func winterSolsticeDay(_ year: Int) -> Int64 {
        let guess = Astronomy.julianDay(ofDay: CivilDate.days(year: year, month: 12, day: 21))
        return Astronomy.beijingDay(Astronomy.solarTerm(degrees: 270, near: guess))
    }

    /// Days of the principal terms (longitudes 0°, 30°, … 330°) between two days.
    private static func principalTermDays(from start: Int64, to end: Int64) -> [Int64] {
        var days: [Int64] = []
        var jd = Astronomy.julianDay(ofDay: start) - 20
        while jd < Astronomy.julianDay(ofDay: end) + 40 {
            let next = (Astronomy.solarLongitude(jd) / 30).rounded(.down) * 30 + 30
            let term = Astronomy.solarTerm(degrees: next.truncatingRemainder(dividingBy: 360), near: jd + (next - Astronomy.solarLongitude(jd)) * 365.2422 / 360)
            days.append(Astronomy.beijingDay(term))
            jd = term + 1
        }
        return days
    }

    private static func lunation(near day: Int64) -> Double {
        ((Astronomy.julianDay(ofDay: day) - 2_451_550.09766) / 29.530588861).rounded(.down) - 1
    }

    private static func newMoonDay(onOrBefore day: Int64) -> Int64 {
        var k = lunation(near: day) + 2
        while Astronomy.beijingDay(Astronomy.newMoon(k)) > day { k -= 1 }
        return Astronomy.beijingDay(Astronomy.newMoon(k))
    }
}
