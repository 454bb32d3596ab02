import ArgumentParser
import Foundation
import OpsKit

/// A day given on the command line (`2026-11-11`, `2026/11/11`, `2026年11月11日`).
struct DayArgument: DescribedValue {
    var day: Int64

    /// Checked as a date before parsing, so a bad day is reported with the option and the form.
    static var valueSpec: ValueSpec { ValueSpec(kind: .date) }

    init?(argument: String) {
        guard let day = CivilDate.parseDate(Substring(argument.trimmingWhitespace())) else { return nil }
        self.day = day
    }
}

/// `forecast calendar`: the built-in retail calendar as a dataset to read, edit and pass back.
struct CalendarCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: Strings.calendarAbstract.encoded, discussion: Strings.calendarDiscussion.encoded)

    static let examples = [
        "forecast calendar --from 2026-01-01 --to 2026-12-31",
        "forecast calendar --from 2025-10-01 --to 2025-11-30 --as cal",
        "sql \"SELECT * FROM cal WHERE event <> '双12'\" --as my_cal",
    ]

    @Option(help: ArgumentHelp(Strings.calendarFromHelp))
    var from: DayArgument?

    @Option(help: ArgumentHelp(Strings.calendarToHelp))
    var to: DayArgument?

    @OptionGroup var result: ResultNameOption

    mutating func run(in context: CommandContext) throws {
        let years = RetailCalendar.years
        let today = Int64((Date().timeIntervalSince1970 / 86400).rounded(.down))
        let first = from?.day ?? CivilDate.days(year: CivilDate.components(fromDays: today).year, month: 1, day: 1)
        let last = to?.day ?? CivilDate.components(fromDays: first).year.yearEnd
        guard last >= first else { throw OpsError.invalidOption("--to", Strings.calendarToBeforeFrom, hint: Strings.calendarRangeHint) }
        let lowest = CivilDate.days(year: years.lowerBound, month: 1, day: 1), highest = years.upperBound.yearEnd
        guard first >= lowest, last <= highest else {
            throw OpsError.invalidOption(first < lowest ? "--from" : "--to", Strings.calendarOutOfRange(years), hint: Strings.calendarRangeHint)
        }
        let entries = RetailCalendar.entries(from: first, to: last)
        let name = result.name(or: "calendar")
        try context.store(try CalendarDataset.dataset(entries), as: name)
        let published = OfficialHolidays.years
        let covered = CivilDate.components(fromDays: first).year...CivilDate.components(fromDays: last).year
        let unpublished = covered.filter { !published.contains($0) }
        if !unpublished.isEmpty { context.note(Strings.officialDaysMissing(unpublished, published: published)) }
        context.print(Strings.calendarStored(name, rows: entries.count, events: Set(entries.map(\.event)).count,
                                             from: CivilDate.string(fromDays: first), to: CivilDate.string(fromDays: last)))
    }
}

private extension Int {
    /// Day number of 31 December of this year.
    var yearEnd: Int64 { CivilDate.days(year: self, month: 12, day: 31) }
}
