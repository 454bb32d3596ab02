import OpsKit

/// The `route` plugin: capacitated vehicle routing, with time windows, from one depot.
public enum RoutePlugin: Plugin {
    public static let name = "route"
    public static let version = "0.1.0"
    public static var summary: String { Strings.summary.encoded }
    public static let commands: [any PluginCommand.Type] = [SolveCommand.self, ImportCommand.self, CheckCommand.self]
}
