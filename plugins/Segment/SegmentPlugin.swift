import OpsKit

/// The `segment` plugin.
public enum SegmentPlugin: Plugin {
    public static let name = "segment"
    public static let version = "0.1.0"
    public static let summary = Text.pluginSummary
    public static let commands: [any PluginCommand.Type] = [
        KMeansCommand.self, RFMCommand.self, ExplainCommand.self, AssignCommand.self,
    ]
}
