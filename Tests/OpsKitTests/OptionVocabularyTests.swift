import ArgumentParser
import XCTest

@testable import OpsKit

/// A command declared with every kind of option of the vocabulary.
private struct Sample: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample", abstract: Localized(en: "A sample.", zh: "示例。").encoded)
    static let examples = ["demo sample users --features a,b --k 3"]
    static let rules: [OptionRule] = [.exclusive("--geo", "--round"), .requires("--stock", "--on-hand")]

    enum ClusterCount: RangeSpec { static let range = ValueRange(1...10_000) }
    enum Scale: String, ChoiceOption {
        case standard, minmax, log1p
        var help: Localized {
            switch self {
            case .standard: return .init(en: "z-scores", zh: "标准化")
            case .minmax: return .init(en: "to 0…1", zh: "缩放到 0…1")
            case .log1p: return .init(en: "log, then z-scores", zh: "取对数后标准化")
            }
        }
        static var aliases: [String: Scale] { ["min-max": .minmax] }
    }

    @Argument(help: "Dataset.", completion: .dataset) var dataset: String
    @Option(help: "Features.", completion: .columns) var features: CommaList<String>
    @Option(help: ArgumentHelp(Localized(en: "Clusters.", zh: "簇数。"))) var k: AutoOr<Bounded<ClusterCount>> = .auto
    @Option(help: "Scaling.") var scale: Scale = .standard
    @Option(help: "Levels.") var level: CommaList<Bounded<OpenPercent>> = [80, 95]
    @Option(help: "Time limit.") var timeLimit: DurationValue?
    @Option(help: "Catalogue.", completion: .dataset) var onHand: String?
    @Option(help: "Stock column.", completion: .columns(of: "--on-hand")) var stock: String?
    @Flag(help: "Great circle.") var geo = false
    @Flag(help: "Rounded.") var round = false

    mutating func run(in context: CommandContext) throws {}
}

private let descriptor = Sample.descriptor(plugin: "demo")

private func bindError(_ arguments: [String]) -> OpsError? {
    do {
        _ = try ArgumentBinder(descriptor).bind(arguments)
        return nil
    } catch {
        return error as? OpsError
    }
}

final class OptionVocabularyTests: XCTestCase {
    func testParsesEveryKindOfValue() throws {
        let command = try Sample.parseChecked(
            ["users", "--features", "浏览次数，购买金额, 最近访问", "--k", "12", "--scale", "MIN-MAX", "--level", "50,99.5",
             "--time-limit", "500ms"])
        XCTAssertEqual(Array(command.features), ["浏览次数", "购买金额", "最近访问"])
        XCTAssertEqual(command.k.fixed?.value, 12)
        XCTAssertEqual(command.scale, .minmax)
        XCTAssertEqual(command.level.map(\.value), [50, 99.5])
        XCTAssertEqual(command.timeLimit?.seconds, 0.5)
        XCTAssertTrue(try Sample.parseChecked(["users", "--features", "a", "--k", "AUTO"]).k.isAuto)
    }

    func testDurationsReadAndPrintBack() {
        XCTAssertEqual(DurationValue(argument: "2m")?.seconds, 120)
        XCTAssertEqual(DurationValue(argument: "1.5s")?.seconds, 1.5)
        XCTAssertEqual(DurationValue(argument: "10")?.seconds, 10)
        XCTAssertEqual(DurationValue(argument: "1h")?.description, "1h")
        XCTAssertEqual(DurationValue(argument: "500ms")?.description, "500ms")
        XCTAssertNil(DurationValue(argument: "soon"))
        XCTAssertNil(DurationValue(argument: "-5s"))
        XCTAssertNil(DurationValue(argument: "0s"))
    }

    func testOutOfRangeNamesOptionRangeAndValue() throws {
        let error = try XCTUnwrap(bindError(["users", "--features", "a", "--k", "-1"]))
        XCTAssertEqual(error.code, .outOfRange)
        XCTAssertEqual(error.option, "--k")
        for part in ["--k", "1", "10000", "-1"] { XCTAssertTrue(error.message.contains(part), error.message) }
        XCTAssertEqual(bindError(["users", "--features", "a", "--level", "80,100"])?.code, .outOfRange)
        XCTAssertEqual(bindError(["users", "--features", "a", "--k", "three"])?.code, .invalidValue)
    }

    func testMistypedChoiceGetsDidYouMean() throws {
        let error = try XCTUnwrap(bindError(["users", "--features", "a", "--scale", "minmx"]))
        XCTAssertEqual(error.code, .invalidValue)
        XCTAssertTrue(error.message.contains("'minmax'"), error.message)
        XCTAssertTrue(error.hint?.contains("standard, minmax, log1p") == true, error.hint ?? "")
    }

    func testUnknownOptionsMissingValuesAndRules() throws {
        let unknown = try XCTUnwrap(bindError(["users", "--featuers", "a"]))
        XCTAssertEqual(unknown.code, .unknownOption)
        XCTAssertTrue(unknown.message.contains("'--features'"), unknown.message)
        XCTAssertEqual(bindError(["users"])?.option, "--features")
        XCTAssertEqual(bindError(["users", "--features"])?.code, .missingValue)
        XCTAssertEqual(bindError(["users", "--features", "，"])?.code, .missingValue)
        XCTAssertEqual(bindError(["users", "--features", "a", "--geo", "--round"])?.code, .conflict)
        XCTAssertEqual(bindError(["users", "--features", "a", "--stock", "qty"])?.option, "--stock")
        XCTAssertNil(bindError(["users", "--features", "a", "--stock", "qty", "--on-hand", "inv", "--geo"]))
        XCTAssertEqual(bindError(["users", "extra", "--features", "a"])?.code, .unexpectedArgument)
    }

    func testDescriptorCarriesTypesRangesChoicesAndCompletions() throws {
        XCTAssertEqual(descriptor.path, ["demo", "sample"])
        XCTAssertEqual(descriptor.abstract, Localized(en: "A sample.", zh: "示例。"))
        let k = try XCTUnwrap(descriptor.argument(named: "--k"))
        XCTAssertEqual(k.help, Localized(en: "Clusters.", zh: "簇数。"))
        XCTAssertEqual(k.value?.kind, .integer)
        XCTAssertEqual(k.value?.acceptsAuto, true)
        XCTAssertEqual(k.value?.range, NumericRange(lower: 1, upper: 10_000))
        XCTAssertEqual(k.defaultValue, "auto")
        let scale = try XCTUnwrap(descriptor.argument(named: "--scale")?.value)
        XCTAssertEqual(scale.choices.map(\.value), ["standard", "minmax", "log1p"])
        XCTAssertEqual(scale.choices[1].help?.zh, "缩放到 0…1")
        XCTAssertEqual(scale.choices[1].aliases, ["min-max"])
        XCTAssertEqual(descriptor.argument(named: "--features")?.value?.isList, true)
        XCTAssertEqual(descriptor.argument(named: "--features")?.completion, .columns(of: nil))
        XCTAssertEqual(descriptor.argument(named: "--stock")?.completion, .columns(of: "--on-hand"))
        XCTAssertEqual(descriptor.argument(named: "--time-limit")?.value?.kind, .duration)
        XCTAssertEqual(descriptor.positionals.first?.completion, .dataset)
        XCTAssertEqual(descriptor.argument(named: "--geo")?.kind, .flag)
        XCTAssertEqual(descriptor.rules, Sample.rules)
        XCTAssertEqual(descriptor.examples.map(\.line), Sample.examples)
        let decoded = try JSONDecoder().decode(CommandDescriptor.self, from: JSONEncoder().encode(descriptor))
        XCTAssertEqual(decoded, descriptor)
    }

    func testValidateErrorsComeBackAsOpsErrors() throws {
        struct Checked: PluginCommand {
            static let configuration = CommandConfiguration(commandName: "checked")
            @Option(help: "Low.") var low: Int = 1
            @Option(help: "High.") var high: Int = 2
            func validate() throws {
                if low > high { throw OpsError("--low is above --high", hint: "swap them") }
            }
            mutating func run(in context: CommandContext) throws {}
        }
        XCTAssertThrowsError(try Checked.parseChecked(["--low", "5"])) { error in
            XCTAssertEqual(error as? OpsError, OpsError("--low is above --high", hint: "swap them", code: .invalidValue))
        }
    }
}
