import XCTest
@testable import OpsKit

final class LocalizedTests: XCTestCase {
    func testEncodedRoundTripsAndResolvesInsideLongerText() {
        let text = Localized(en: "Number of clusters.", zh: "簇的数量。")
        XCTAssertEqual(Localized(decoding: text.encoded), text)
        let help = "  --k <k>   \(text.encoded) (default: auto)\n  --seed    \(Localized(en: "Seed.", zh: "随机种子。").encoded)"
        XCTAssertEqual(Localized.resolving(help, in: .zh), "  --k <k>   簇的数量。 (default: auto)\n  --seed    随机种子。")
        XCTAssertEqual(Localized.resolving(help, in: .en), "  --k <k>   Number of clusters. (default: auto)\n  --seed    Seed.")
        XCTAssertEqual(Localized(decoding: "plain"), Localized(en: "plain", zh: "plain"))
    }

    func testLanguageFromEnvironmentFollowsPrecedence() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]).language, .zh)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"]).source, "LC_ALL")
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_US", "OPSBENCH_LANG": "zh"]).language, .zh)
        XCTAssertEqual(Language.fromEnvironment([:]).language, .en)
        XCTAssertNil(Language(identifier: "fr_FR"))
    }

    func testLPicksTheBoundLanguage() {
        XCTAssertEqual(Language.with(.zh) { L("rows", "行") }, "行")
        XCTAssertEqual(Language.with(.en) { L("rows", "行") }, "rows")
        XCTAssertEqual(Language.with(.zh) { Language.with(.en) { Language.current } }, .en)
    }
}
