import ArgumentParser
import Foundation
import XCTest

@testable import OpsKit

/// A command with a `LOW-HIGH` range and an `auto | none | list` option.
private struct Sweep: PluginCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: Localized(en: "Sweep.", zh: "扫描。").encoded)

    enum Span: RangeSpec { static let range = ValueRange(2...50) }
    enum Period: RangeSpec { static let range = ValueRange(1...1_000) }

    @Option(name: .customLong("k-range"), help: ArgumentHelp(Localized(en: "Ks tried.", zh: "尝试的 K。")))
    var kRange = IntegerRange<Span>(2...10)
    @Option(help: ArgumentHelp(Localized(en: "Periods.", zh: "周期。")))
    var season: AutoOr<NoneOr<CommaList<Bounded<Period>>>> = .auto

    mutating func run(in context: CommandContext) throws {}
}

private func failure(_ arguments: [String], in language: Language = .en) -> OpsError? {
    Language.with(language) {
        do {
            _ = try Sweep.parseChecked(arguments)
            return nil
        } catch {
            return error as? OpsError
        }
    }
}

/// ``IntegerRange`` and ``NoneOr``: they parse what they say, and a malformed value is
/// refused before argument-parser sees it, naming the option, the value and the form expected.
final class RangeAndNoneOptionTests: XCTestCase {
    func testParsesRangesAndSpecialWords() throws {
        XCTAssertEqual(try Sweep.parseChecked([]).kRange.range, 2...10)
        XCTAssertEqual(try Sweep.parseChecked(["--k-range", "3-7"]).kRange.range, 3...7)
        XCTAssertEqual(try Sweep.parseChecked(["--k-range", "3～7"]).kRange.range, 3...7)
        XCTAssertEqual(try Sweep.parseChecked(["--k-range", " 4 - 4 "]).kRange.range, 4...4)
        XCTAssertTrue(try Sweep.parseChecked(["--season", "AUTO"]).season.isAuto)
        XCTAssertEqual(try Sweep.parseChecked(["--season", "none"]).season, .value(.none))
        XCTAssertEqual(try Sweep.parseChecked(["--season", "7,365"]).season.fixed?.given?.map(\.value), [7, 365])
    }

    func testMalformedRangeNamesOptionValueAndForm() throws {
        let malformed = try XCTUnwrap(failure(["--k-range", "2..8"]))
        XCTAssertEqual(malformed.code, .invalidValue)
        XCTAssertEqual(malformed.option, "--k-range")
        XCTAssertEqual(malformed.message, "--k-range expects a range LOW-HIGH such as 2-10 (got '2..8')")
        XCTAssertEqual(malformed.hint, "accepted: a range LOW-HIGH such as 2-10, each end between 2 and 50")
        let reversed = try XCTUnwrap(failure(["--k-range", "9-3"]))
        XCTAssertEqual([reversed.code, reversed.option] as [AnyHashable?], [OpsError.Code.outOfRange, "--k-range"])
        XCTAssertEqual(reversed.message, "--k-range must go from low to high (got 9-3)")
        XCTAssertEqual(failure(["--k-range", "1-8"])?.message, "both ends of --k-range must be between 2 and 50 (got 1-8)")
        XCTAssertEqual(failure(["--k-range", "2-\(Int.max)"])?.code, .outOfRange)
        XCTAssertEqual(failure(["--k-range", "3"])?.code, .invalidValue)
        XCTAssertEqual(failure(["--k-range", "a-b"])?.code, .invalidValue)
    }

    func testMalformedListWithSpecialWordsNamesOptionValueAndForm() throws {
        let word = try XCTUnwrap(failure(["--season", "weekly"]))
        XCTAssertEqual(word.option, "--season")
        XCTAssertEqual(word.message, "--season expects auto, none or a whole number (got 'weekly')")
        XCTAssertEqual(word.hint, "accepted: auto | none, or values separated by commas, each a whole number between 1 and 1000")
        XCTAssertEqual(failure(["--season", "7,none"])?.message, "--season expects auto, none or a whole number (got 'none')")
        XCTAssertEqual(failure(["--season", "7,0"])?.message, "--season must be between 1 and 1000 (got 0)")
        XCTAssertEqual(failure(["--season", ","])?.code, .missingValue)
    }

    func testErrorsInChinese() throws {
        let range = try XCTUnwrap(failure(["--k-range", "2..8"], in: .zh))
        XCTAssertEqual(range.message, "--k-range 需要形如 2-10 的范围（低-高）（实际为 '2..8'）")
        XCTAssertEqual(range.hint, "可接受：形如 2-10 的范围（低-高），两端均在 2 到 50 之间")
        XCTAssertEqual(failure(["--k-range", "9-3"], in: .zh)?.message, "--k-range 必须从小到大书写（实际为 9-3）")
        XCTAssertEqual(failure(["--k-range", "1-8"], in: .zh)?.message, "--k-range 的两端都必须在 2 到 50 之间（实际为 1-8）")
        let season = try XCTUnwrap(failure(["--season", "每周"], in: .zh))
        XCTAssertEqual(season.message, "--season 需要 auto、none 或整数（实际为 '每周'）")
        XCTAssertEqual(season.hint, "可接受：auto | none，或以逗号分隔的若干个值（整数，在 1 到 1000 之间）")
    }

    func testDescriptorAndHelpShowTheForm() throws {
        let descriptor = Sweep.descriptor(plugin: "demo")
        let kRange = try XCTUnwrap(descriptor.argument(named: "--k-range"))
        XCTAssertEqual(kRange.value?.kind, .integerRange)
        XCTAssertEqual(kRange.value?.range, NumericRange(lower: 2, upper: 50))
        XCTAssertEqual(kRange.defaultValue, "2-10")
        let season = try XCTUnwrap(descriptor.argument(named: "--season")?.value)
        XCTAssertEqual([season.acceptsAuto, season.acceptsNone, season.isList], [true, true, true])
        XCTAssertEqual(season.completionValues, ["auto", "none"])
        let decoded = try JSONDecoder().decode(CommandDescriptor.self, from: JSONEncoder().encode(descriptor))
        XCTAssertEqual(decoded, descriptor)
        let english = Language.with(.en) { CommandHelp(descriptor, width: 200).render() }
        XCTAssertTrue(english.contains("a range LOW-HIGH such as 2-10, each end between 2 and 50; default: 2-10"), english)
        XCTAssertTrue(english.contains("auto | none | a whole number between 1 and 1000"), english)
        let chinese = Language.with(.zh) { CommandHelp(descriptor, width: 200).render() }
        XCTAssertTrue(chinese.contains("形如 2-10 的范围（低-高），两端均在 2 到 50 之间"), chinese)
    }
}
