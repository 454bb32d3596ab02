import Foundation
import OpsKitTesting

/// Readers of the shared benchmark data in `../shared/data/forecast`.
enum TestData {
    static let forecastDirectory = SharedData.url("forecast")

    static var available: Bool { SharedData.exists("forecast/m4-weekly-train.csv") }

    /// Reads an M4 wide CSV (id, then values; short rows padded with empty cells).
    static func m4(_ file: String) throws -> [(id: String, values: [Double])] {
        let text = try String(contentsOf: forecastDirectory.appendingPathComponent(file), encoding: .utf8)
        var rows: [(String, [Double])] = []
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            guard let id = cells.first else { continue }
            rows.append((id, cells.dropFirst().compactMap { Double($0) }))
        }
        return rows
    }

    /// The last `count` fields of every row of a CSV, as numbers (leading text fields may hold quoted commas).
    static func numericRows(_ file: String, lastFields count: Int) throws -> [[Double]] {
        let text = try String(contentsOf: forecastDirectory.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).suffix(count).compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        }
    }
}
