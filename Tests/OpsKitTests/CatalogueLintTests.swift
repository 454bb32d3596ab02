import Foundation
import XCTest

/// Source checks of the one-catalogue-per-module rule (docs/contributing.md):
/// user-facing text lives in catalogue files, and every catalogue entry gives both languages.
///
/// A catalogue is a Swift file whose name ends in `Strings.swift`, `Messages.swift` or `Text.swift`
/// and which gives texts with `L(en, zh)` or `Localized(en:zh:)`.
final class CatalogueLintTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where user-facing text is handed over: a literal with a word in it right there is English-only text
    /// outside a catalogue.
    static let patterns: [(name: String, regex: String)] = [
        ("help/abstract/discussion literal", ##"\b(help|abstract|discussion): "[^"]*[A-Za-z]{2}[^"]*""##),
        ("OpsError literal", ##"OpsError\("[^"]*[A-Za-z]{2}[^"]*""##),
        ("hint literal", ##"hint: "[^"]*[A-Za-z]{2}[^"]*""##),
        ("invalidOption problem literal", ##"invalidOption\([^,]*, "[^"]*[A-Za-z]{2}[^"]*""##),
        ("note/warn literal", ##"\.(note|warn|confirm)\("[^"]*[A-Za-z]{2}[^"]*""##),
        ("print literal", ##"context\.print\("[^"]*[A-Za-z]{2}[^"]*""##),
        ("ValidationError literal", ##"ValidationError\("[^"]*[A-Za-z]{2}[^"]*""##),
        ("unknown kind/list literal", ##"\b(kind|listLabel): "[^"]*[A-Za-z]{2}[^"]*""##),
        ("plugin summary literal", ##"static (let|var) summary(: String)? = "[^"]*[A-Za-z]{2}[^"]*""##),
        ("progress literal", ##"\.progress\("[^"]*[A-Za-z]{2}[^"]*""##),
        ("progress detail literal", ##"\bdetail: "[^"]*[A-Za-z]{2}[^"]*""##),
        ("table header literal", ##"headers = \["[^"]*[A-Za-z]{2}[^"]*""##),
    ]

    /// Catalogue entries whose text is the same in both languages (names, symbols, numbers).
    static let languageNeutral: Set<String> = [
        "static func seedSet(", "static func variableSet(", "static func at(", "static var standardInput:",
        "static func scriptFailure(", "static let prompt", "static func unknownTypedColumn(",
    ]

    func testNoEnglishOnlyLiteralsOutsideCatalogues() throws {
        var offences: [String] = []
        for file in try swiftFiles() {
            let source = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            if Self.isCatalogue(file, source) { continue }
            for (number, line) in source.components(separatedBy: "\n").enumerated() {
                // Interpolated values are not text: `"\(key): \(value)"` holds no words.
                let code = line.trimmingCharacters(in: .whitespaces)
                    .replacingOccurrences(of: #"\\\([^()]*\)"#, with: "", options: .regularExpression)
                if code.hasPrefix("//") { continue }
                for (name, regex) in Self.patterns where code.range(of: regex, options: .regularExpression) != nil {
                    offences.append("\(file):\(number + 1): \(name): \(code.prefix(100))")
                }
            }
        }
        XCTAssert(offences.isEmpty, "user-facing literals outside the catalogues (move them into the module's catalogue with L(en, zh)):\n"
            + offences.joined(separator: "\n"))
    }

    func testEveryCatalogueEntryHasBothLanguages() throws {
        var offences: [String] = []
        for file in try swiftFiles() {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            guard Self.isCatalogue(file, text) else { continue }
            for entry in Self.entries(text) {
                let words = entry.body.replacingOccurrences(of: #"\\\([^()]*\)"#, with: "", options: .regularExpression)
                let english = words.range(of: #""[^"\n]*[A-Za-z]{2}"#, options: .regularExpression) != nil
                let bilingual = entry.body.range(of: #"\p{Han}|\bL\(|Localized"#, options: .regularExpression) != nil
                let neutral = Self.languageNeutral.contains { entry.head.contains($0) }
                if english && !bilingual && !neutral { offences.append("\(file):\(entry.line): \(entry.head.prefix(100))") }
                if entry.body.range(of: #"zh: ""\s*\)|\bL\("[^"]+",\s*""\)"#, options: .regularExpression) != nil {
                    offences.append("\(file):\(entry.line): empty Chinese text: \(entry.head.prefix(80))")
                }
            }
        }
        XCTAssert(offences.isEmpty, "catalogue entries without both languages (write L(\"en\", \"中文\") or Localized(en:zh:)):\n"
            + offences.joined(separator: "\n"))
    }

    /// The checks themselves: a literal in `help:` is caught, a catalogue reference is not.
    func testPatternsCatchLiteralsAndPassCatalogueReferences() {
        func caught(_ line: String) -> Bool { Self.patterns.contains { line.range(of: $0.regex, options: .regularExpression) != nil } }
        XCTAssertTrue(caught(#"@Option(help: "Number of rows to show.") var rows = 10"#))
        XCTAssertTrue(caught(#"throw OpsError("no depot given", hint: Strings.needDepotHint)"#))
        XCTAssertTrue(caught(#"context.note("3 rows dropped")"#))
        XCTAssertTrue(caught(#"let progress = context.progress("k-means sweep", total: n)"#))
        XCTAssertTrue(caught(#"progress.advance(detail: "best inertia " + x)"#))
        XCTAssertTrue(caught(#"let headers = ["model", "sMAPE"]"#))
        XCTAssertTrue(caught(#"throw OpsError.invalidOption("--tol", "must be 0 or more")"#))
        XCTAssertFalse(caught(#"@Option(help: ArgumentHelp(Strings.rowsHelp)) var rows = 10"#))
        XCTAssertFalse(caught(#"throw OpsError(Strings.needDepot, hint: Strings.needDepotHint)"#))
        XCTAssertFalse(caught(#"context.print("  - " + line)"#))
        let entries = Self.entries("enum T {\n    static var a: String { L(\"x y\", \"甲\") }\n    static let b = \"plain words\"\n}\n")
        XCTAssertEqual(entries.map(\.line), [2, 3])
    }

    // MARK: Reading the sources

    /// A catalogue by its name that gives texts in both languages (`ProtocolMessages.swift`, `VisibleText.swift` do not).
    static func isCatalogue(_ file: String, _ source: String) -> Bool {
        ["Strings.swift", "Messages.swift", "Text.swift"].contains { file.hasSuffix($0) }
            && source.range(of: #"\bL\(|Localized\(en:|\.init\(en:"#, options: .regularExpression) != nil
    }

    /// The Swift files under Sources/ and plugins/, relative to the repository.
    func swiftFiles() throws -> [String] {
        var files: [String] = []
        for top in ["Sources", "plugins"] {
            let base = Self.root.appendingPathComponent(top)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".swift") { files.append(top + "/" + path) }
        }
        XCTAssertGreaterThan(files.count, 50, "the sources were not found from \(Self.root.path)")
        return files.sorted()
    }

    /// Each `static func/var/let` of a catalogue, with its line and the text up to the next one.
    static func entries(_ text: String) -> [(line: Int, head: String, body: String)] {
        let lines = text.components(separatedBy: "\n")
        let starts = lines.indices.filter {
            lines[$0].range(of: #"^\s*(public |private |fileprivate )?static (func|var|let) "#, options: .regularExpression) != nil
        }
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1] : lines.count
            return (start + 1, lines[start].trimmingCharacters(in: .whitespaces), lines[start..<end].joined(separator: "\n"))
        }
    }
}
