import Testing

@testable import OpsKit

@Suite struct CivilDateTests {
    @Test func roundTripsDays() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11017)
        #expect(CivilDate.string(fromDays: 19_782) == "2024-02-29")
        for days in stride(from: Int64(-300_000), to: 2_900_000, by: 997) {
            #expect(CivilDate.parseDate(Substring(CivilDate.string(fromDays: days))) == days)
        }
    }

    @Test func parsesFormats() {
        let expected = CivilDate.days(year: 2024, month: 3, day: 5)
        for text in ["2024-03-05", "2024/3/5", "2024.03.05", "20240305", "2024年3月5日"] {
            #expect(CivilDate.parseDate(Substring(text)) == expected, "\(text)")
        }
        for text in ["2024-13-01", "2023-02-29", "2024-3", "abc", "24-03-05", "2024-03-05x", ""] {
            #expect(CivilDate.parseDate(Substring(text)) == nil, "\(text)")
        }
        #expect(CivilDate.parseDateTime("2024-03-05 10:30:15") == expected * 86400 + 37815)
        #expect(CivilDate.weekday(fromDays: expected) == 1)  // a Tuesday
    }
}
