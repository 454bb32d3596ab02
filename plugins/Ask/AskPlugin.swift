import OpsKit

/// The `ask` plugin: FAQ retrieval, intent recognition, multi-turn chat, hand-off.
public enum AskPlugin: Plugin {
    public static let name = "ask"
    public static let version = "0.1.0"
    public static var summary: String { AskText.summary.encoded }
    public static let commands: [any PluginCommand.Type] = [
        KBCommand.self, TrainCommand.self, QueryCommand.self, ChatCommand.self, EvaluateCommand.self, TermsCommand.self,
    ]
    public static let defaultCommand: (any PluginCommand.Type)? = QueryCommand.self
}
