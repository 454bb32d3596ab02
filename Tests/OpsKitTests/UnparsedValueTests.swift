import ArgumentParser
import XCTest

@testable import OpsKit

/// A value whose spec cannot say everything it refuses (any text passes the binder).
private struct EvenNumber: DescribedValue {
    let value: Int
    init?(argument: String) {
        guard let n = Int(argument), n % 2 == 0 else { return nil }
        value = n
    }
    static var valueSpec: ValueSpec { .text }
}

/// A day, checked by the binder as a date.
private struct Day: DescribedValue {
    let day: Int64
    init?(argument: String) {
        guard let day = CivilDate.parseDate(Substring(argument)) else { return nil }
        self.day = day
    }
    static var valueSpec: ValueSpec { ValueSpec(kind: .date) }
}

private struct Pick: PluginCommand {
    static let configuration = CommandConfiguration(commandName: "pick", abstract: Localized(en: "Pick.", zh: "挑选。").encoded)
    @Argument(help: ArgumentHelp(Localized(en: "An even number of rows.", zh: "偶数行。"))) var rows: EvenNumber
    @Option(help: ArgumentHelp(Localized(en: "An even step.", zh: "偶数步长。"))) var step: EvenNumber?
    @Option(help: ArgumentHelp(Localized(en: "First day.", zh: "起始日期。"))) var from: Day?
    mutating func run(in context: CommandContext) throws {}
}

private func failure(_ arguments: [String], in language: Language = .en) -> OpsError? {
    Language.with(language) {
        do {
            _ = try Pick.parseChecked(arguments, plugin: "demo")
            return nil
        } catch {
            return error as? OpsError
        }
    }
}

/// A value refused by its type after the binder let it through comes back as an ``OpsError`` in the
/// interface language naming the argument and the value, with the argument's help as the hint —
/// never as argument-parser's English "The value … is invalid for …".
final class UnparsedValueTests: XCTestCase {
    func testOptionAndPositionalValuesRefusedByTheirType() throws {
        XCTAssertEqual(try Pick.parseChecked(["4", "--step", "2"]).step?.value, 2)
        let option = try XCTUnwrap(failure(["4", "--step", "3"]))
        XCTAssertEqual([option.message, option.hint, option.option], ["--step: '3' is not a valid value", "--step: An even step.", "--step"])
        XCTAssertEqual(option.code, .invalidValue)
        let positional = try XCTUnwrap(failure(["5"]))
        XCTAssertEqual([positional.message, positional.hint], ["rows: '5' is not a valid value", "rows: An even number of rows."])
        let chinese = try XCTUnwrap(failure(["4", "--step", "3"], in: .zh))
        XCTAssertEqual([chinese.message, chinese.hint], ["--step：'3' 不是有效的取值", "--step：偶数步长。"])
        for error in [option, positional, chinese] { XCTAssertFalse(error.description.contains("is invalid for"), error.description) }
    }

    func testDatesAreCheckedWithTheirForm() throws {
        XCTAssertNotNil(try Pick.parseChecked(["4", "--from", "2026年11月11日"]).from)
        let english = try XCTUnwrap(failure(["4", "--from", "2026-13-01"]))
        XCTAssertEqual(english.message, "--from expects a date such as 2026-01-31 (got '2026-13-01')")
        XCTAssertEqual(english.option, "--from")
        XCTAssertEqual(failure(["4", "--from", "明天"], in: .zh)?.message, "--from 需要日期，如 2026-01-31（实际为 '明天'）")
        let help = Language.with(.zh) { CommandHelp(Pick.descriptor(plugin: "demo"), width: 200).render() }
        XCTAssertTrue(help.contains("起始日期。 (日期，如 2026-01-31)"), help)
    }

    func testReadsArgumentParsersMessage() {
        XCTAssertEqual(
            CommandDescriptor.unparsedValue(in: "The value 'abc' is invalid for '--delimiter <delimiter>'").map { [$0.value, $0.name] },
            ["abc", "--delimiter"])
        XCTAssertEqual(CommandDescriptor.unparsedValue(in: "The value 'a b' is invalid for '<rows>'")?.name, "<rows>")
        XCTAssertNil(CommandDescriptor.unparsedValue(in: "Missing expected argument '<rows>'"))
    }
}
