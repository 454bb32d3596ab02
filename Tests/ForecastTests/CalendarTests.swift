import OpsKit
import Testing

@testable import Forecast

/// The built-in calendar against published dates (the Purple Mountain Observatory's
/// 中国天文年历 / Hong Kong Observatory tables) for every year from 2000 to 2050.
@Suite struct CalendarTests {
    static func month(_ day: Int64) -> String {
        let c = CivilDate.components(fromDays: day)
        return (c.month < 10 ? "0" : "") + "\(c.month)-" + (c.day < 10 ? "0" : "") + "\(c.day)"
    }

    static let springFestival = [
        "02-05", "01-24", "02-12", "02-01", "01-22", "02-09", "01-29", "02-18", "02-07", "01-26", "02-14", "02-03", "01-23", "02-10", "01-31",
        "02-19", "02-08", "01-28", "02-16", "02-05", "01-25", "02-12", "02-01", "01-22", "02-10", "01-29", "02-17", "02-06", "01-26", "02-13",
        "02-03", "01-23", "02-11", "01-31", "02-19", "02-08", "01-28", "02-15", "02-04", "01-24", "02-12", "02-01", "01-22", "02-10", "01-30",
        "02-17", "02-06", "01-26", "02-14", "02-02", "01-23",
    ]
    static let duanwu = [
        "06-06", "06-25", "06-15", "06-04", "06-22", "06-11", "05-31", "06-19", "06-08", "05-28", "06-16", "06-06", "06-23", "06-12", "06-02",
        "06-20", "06-09", "05-30", "06-18", "06-07", "06-25", "06-14", "06-03", "06-22", "06-10", "05-31", "06-19", "06-09", "05-28", "06-16",
        "06-05", "06-24", "06-12", "06-01", "06-20", "06-10", "05-30", "06-18", "06-07", "05-27", "06-14", "06-03", "06-22", "06-11", "05-31",
        "06-19", "06-08", "05-29", "06-15", "06-04", "06-23",
    ]
    static let qixi = [
        "08-06", "08-25", "08-15", "08-04", "08-22", "08-11", "07-31", "08-19", "08-07", "08-26", "08-16", "08-06", "08-23", "08-13", "08-02",
        "08-20", "08-09", "08-28", "08-17", "08-07", "08-25", "08-14", "08-04", "08-22", "08-10", "08-29", "08-19", "08-08", "08-26", "08-16",
        "08-05", "08-24", "08-12", "08-01", "08-20", "08-10", "08-28", "08-17", "08-07", "08-26", "08-14", "08-03", "08-22", "08-11", "07-31",
        "08-19", "08-08", "08-27", "08-16", "08-05", "08-23",
    ]
    static let zhongqiu = [
        "09-12", "10-01", "09-21", "09-11", "09-28", "09-18", "10-06", "09-25", "09-14", "10-03", "09-22", "09-12", "09-30", "09-19", "09-08",
        "09-27", "09-15", "10-04", "09-24", "09-13", "10-01", "09-21", "09-10", "09-29", "09-17", "10-06", "09-25", "09-15", "10-03", "09-22",
        "09-12", "10-01", "09-19", "09-08", "09-27", "09-16", "10-04", "09-24", "09-13", "10-02", "09-20", "09-10", "09-28", "09-17", "10-05",
        "09-25", "09-15", "10-04", "09-22", "09-11", "09-30",
    ]

    @Test func lunarFestivalsMatchPublishedDates2000To2050() {
        for (i, year) in (2000...2050).enumerated() {
            #expect(Self.month(LunarCalendar.springFestival(year)) == Self.springFestival[i], "春节 \(year)")
            #expect(Self.month(LunarCalendar.day(year: year, month: 5, day: 5)) == Self.duanwu[i], "端午 \(year)")
            #expect(Self.month(LunarCalendar.day(year: year, month: 7, day: 7)) == Self.qixi[i], "七夕 \(year)")
            #expect(Self.month(LunarCalendar.day(year: year, month: 8, day: 15)) == Self.zhongqiu[i], "中秋 \(year)")
        }
    }

    @Test func leapMonthsFollowTheRuleOfTheFirstMonthWithoutAPrincipalTerm() {
        // 2023 has a leap 2nd month, 2033 the famous leap 11th month (the "2033 problem")
        #expect(LunarCalendar.months(endingIn: 2023).contains { $0.isLeap && $0.number == 2 })
        let sui2034 = LunarCalendar.months(endingIn: 2034)
        #expect(sui2034.first { $0.isLeap }?.number == 11)
        #expect(LunarCalendar.months(endingIn: 2026).allSatisfy { !$0.isLeap })
    }

    @Test func qingmingIsTheDayOfTheSolarTerm() {
        let published = [2015: 5, 2016: 4, 2017: 4, 2018: 5, 2019: 5, 2020: 4, 2021: 4, 2022: 5, 2023: 5, 2024: 4, 2025: 4, 2026: 5, 2027: 5, 2028: 4]
        for (year, day) in published { #expect(LunarCalendar.qingming(year) == CivilDate.days(year: year, month: 4, day: day), "清明 \(year)") }
    }

    @Test func retailWindowsHaveRolesAndOffsets() {
        let from = CivilDate.days(year: 2025, month: 10, day: 1), to = CivilDate.days(year: 2026, month: 3, day: 10)
        let entries = RetailCalendar.entries(from: from, to: to)
        let double11 = entries.filter { $0.event == "双11" }
        #expect(double11.first { $0.role == .peak }?.day == CivilDate.days(year: 2025, month: 11, day: 11))
        #expect(double11.first?.day == CivilDate.days(year: 2025, month: 10, day: 20) && double11.first?.role == .pre)
        #expect(double11.last?.role == .after && double11.last?.offset == 2)
        // 春节 2026: 除夕 02-16 is the first peak day, 初六 02-22 the last
        let chunjie = entries.filter { $0.event == "春节" && $0.role == .peak }.map(\.day)
        #expect(chunjie.first == CivilDate.days(year: 2026, month: 2, day: 16) && chunjie.count == 7)
        #expect(entries.contains { $0.event == "快递停运" && $0.kind == .logistics })
        // official: 2025 国庆 + 中秋 off 10-01..10-08 with make-up days 09-28 and 10-11
        let makeup = entries.filter { $0.role == .makeup }.map(\.day)
        #expect(makeup.contains(CivilDate.days(year: 2025, month: 10, day: 11)))
        #expect(entries.filter { $0.role == .off && CivilDate.components(fromDays: $0.day).month == 10 }.count == 8)
        #expect(entries == entries.sorted { ($0.day, $0.event, $0.offset) < ($1.day, $1.event, $1.offset) })
    }

    @Test func officialDaysOfTheKoubeiYears() {
        let entries = OfficialHolidays.entries(2016)
        let makeup = Set(entries.filter { $0.role == .makeup }.map { Self.month($0.day) })
        #expect(makeup == ["02-06", "02-14", "06-12", "09-18", "10-08", "10-09"])
        #expect(entries.filter { $0.role == .off }.count == 3 + 7 + 3 + 3 + 3 + 3 + 7 + 1)
        #expect(OfficialHolidays.entries(2040).isEmpty)
    }
}
