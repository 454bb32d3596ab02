import OpsKit

/// The `ask` plugin.
public enum AskPlugin: Plugin {
    public static let name = "ask"
    public static let version = "0.1.0"
    public static let summary = "Customer service: FAQ retrieval, intent recognition, multi-turn chat, hand-off"
    public static let commands: [any PluginCommand.Type] = []
}
