import OpsKit

/// The `recommend` plugin.
public enum RecommendPlugin: Plugin {
    public static let name = "recommend"
    public static let version = "0.1.0"
    public static let summary = "Precision marketing: content-based and item-based recommendations, offline evaluation"
    public static let commands: [any PluginCommand.Type] = []
}
