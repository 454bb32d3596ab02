import OpsKit

/// The `recommend` plugin.
public enum RecommendPlugin: Plugin {
    public static let name = "recommend"
    public static let version = "0.1.0"
    public static let summary = Strings.pluginSummary
    public static let commands: [any PluginCommand.Type] = [SimilarCommand.self, ForCommand.self, EvaluateCommand.self]
}
