import Foundation
import OpsKit

/// The built-in e-commerce customer-service lexicon (Resources/lexicon.txt):
/// synonym groups in Chinese with English counterparts, read once.
enum Lexicon {
    static let fileName = "lexicon.txt"

    /// The built-in groups; empty (with the bundled file missing) rather than failing.
    static let groups: [[String]] = {
        guard let data = ChineseResources.bundledFile(fileName, in: Bundle.module),
            let text = String(data: data, encoding: .utf8),
            let table = try? SynonymTable(parsing: text, source: fileName)
        else { return [] }
        return table.groups
    }()

    /// The synonyms in force: the built-in groups (when `builtIn`), then the user's, which win.
    static func table(builtIn: Bool, user: [[String]]) -> SynonymTable {
        SynonymTable(groups: (builtIn ? groups : []) + user)
    }
}
