import Foundation
import OpsKit
import OpsKitTesting

/// The ask data in `../shared/data/ask` (tests skip when it is absent).
enum SharedData {
    static let root = OpsKitTesting.SharedData.url("ask")

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    /// Slow quality tests (full Banking77/CLINC150 training) run only when asked:
    /// `OPSBENCH_SLOW_TESTS=1 swift test -c release --filter AskTests`.
    static var slowTestsEnabled: Bool { ProcessInfo.processInfo.environment["OPSBENCH_SLOW_TESTS"] == "1" }

    /// Rows of a two-column CSV with a header (RFC 4180 quoting).
    static func csvPairs(_ path: String) throws -> [(String, String)] {
        try csvRows(root.appendingPathComponent(path)).dropFirst().filter { $0.count >= 2 }.map { ($0[0], $0[1]) }
    }

    /// A CSV file as a dataset of string columns (header = names).
    static func csvDataset(_ url: URL) throws -> Dataset { try CSVFixture.dataset(url) }

    /// Records of a CSV file (RFC 4180 quoting), header included.
    static func csvRows(_ url: URL) throws -> [[String]] { try CSVFixture.records(url) }

    /// CLINC150 `data_full.json`: split name → [(text, intent)].
    static func clinc() throws -> [String: [(String, String)]] {
        let data = try Data(contentsOf: root.appendingPathComponent("clinc150/data_full.json"))
        let raw = try JSONDecoder().decode([String: [[String]]].self, from: data)
        return raw.mapValues { $0.map { ($0[0], $0[1]) } }
    }
}
