/// Every user-facing text of the `ask` plugin, in one place for translation.
enum AskText {
    static func badSynonymLine(source: String, line: Int, text: String) -> String {
        "\(source):\(line): '\(text)' is not a synonym group"
    }
    static let synonymHint = "write one group per line: 快递 = 物流 = 配送"
    static func notAKnowledgeBase(_ name: String) -> String { "dataset '\(name)' is not a knowledge base" }
    static let kbHint = "build one with: ask kb FAQ --question COL --answer COL --as NAME"
    static func badStoredSetting(_ name: String, _ key: String) -> String {
        "knowledge base '\(name)' has a bad setting '\(key)'"
    }
}
