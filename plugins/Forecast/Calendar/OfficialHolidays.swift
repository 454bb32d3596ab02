import OpsKit

/// The official public holidays and make-up working days (调休) as published each
/// year by the General Office of the State Council (国务院办公厅关于…部分节假日安排的通知).
/// Years not listed here get no official days off; edit the calendar dataset to add them.
enum OfficialHolidays {
    /// Per year: days off as `MM-DD` or `MM-DD/MM-DD` ranges, and make-up working days.
    static let published: [Int: (off: String, work: String)] = [
        2015: ("01-01/01-03 02-18/02-24 04-04/04-06 05-01/05-03 06-20/06-22 09-03/09-05 09-26/09-27 10-01/10-07",
               "01-04 02-15 02-28 09-06 10-10"),
        2016: ("01-01/01-03 02-07/02-13 04-02/04-04 04-30/05-02 06-09/06-11 09-15/09-17 10-01/10-07 12-31",
               "02-06 02-14 06-12 09-18 10-08 10-09"),
        2017: ("01-01/01-02 01-27/02-02 04-02/04-04 04-29/05-01 05-28/05-30 10-01/10-08 12-30/12-31",
               "01-22 02-04 04-01 05-27 09-30"),
        2018: ("01-01 02-15/02-21 04-05/04-07 04-29/05-01 06-16/06-18 09-22/09-24 10-01/10-07 12-30/12-31",
               "02-11 02-24 04-08 04-28 09-29 09-30 12-29"),
        2019: ("01-01 02-04/02-10 04-05/04-07 05-01/05-04 06-07/06-09 09-13/09-15 10-01/10-07",
               "02-02 02-03 04-28 05-05 09-29 10-12"),
        2020: ("01-01 01-24/02-02 04-04/04-06 05-01/05-05 06-25/06-27 10-01/10-08",
               "01-19 04-26 05-09 06-28 09-27 10-10"),
        2021: ("01-01/01-03 02-11/02-17 04-03/04-05 05-01/05-05 06-12/06-14 09-19/09-21 10-01/10-07",
               "02-07 02-20 04-25 05-08 09-18 09-26 10-09"),
        2022: ("01-01/01-03 01-31/02-06 04-03/04-05 04-30/05-04 06-03/06-05 09-10/09-12 10-01/10-07 12-31",
               "01-29 01-30 04-02 04-24 05-07 10-08 10-09"),
        2023: ("01-01/01-02 01-21/01-27 04-05 04-29/05-03 06-22/06-24 09-29/10-06 12-30/12-31",
               "01-28 01-29 04-23 05-06 06-25 10-07 10-08"),
        2024: ("01-01 02-10/02-17 04-04/04-06 05-01/05-05 06-08/06-10 09-15/09-17 10-01/10-07",
               "02-04 02-18 04-07 04-28 05-11 09-14 09-29 10-12"),
        2025: ("01-01 01-28/02-04 04-04/04-06 05-01/05-05 05-31/06-02 10-01/10-08",
               "01-26 02-08 04-27 09-28 10-11"),
        2026: ("01-01/01-03 02-15/02-23 04-04/04-06 05-01/05-05 06-19/06-21 09-25/09-27 10-01/10-07",
               "01-04 02-14 02-28 05-09 09-20 10-10"),
    ]

    static let offName = "法定假日"
    static let workName = "调休上班"

    /// The official days off and make-up working days of `year` (empty when not published).
    static func entries(_ year: Int) -> [CalendarEntry] {
        guard let plan = published[year] else { return [] }
        var out: [CalendarEntry] = []
        for range in plan.off.split(separator: " ") {
            let ends = range.split(separator: "/").map { day(year, $0) }
            for d in ends[0]...(ends.last!) {
                out.append(CalendarEntry(day: d, event: offName, kind: .holiday, role: .off, offset: Int(d - ends[0])))
            }
        }
        for text in plan.work.split(separator: " ") {
            out.append(CalendarEntry(day: day(year, text), event: workName, kind: .workday, role: .makeup, offset: 0))
        }
        return out
    }

    private static func day(_ year: Int, _ text: Substring) -> Int64 {
        let parts = text.split(separator: "-").map { Int($0)! }
        return CivilDate.days(year: year, month: parts[0], day: parts[1])
    }

    /// Published years (for messages and docs).
    static var years: ClosedRange<Int> { published.keys.min()!...published.keys.max()! }
}
