import OpsKit

/// The `forecast` plugin.
public enum ForecastPlugin: Plugin {
    public static let name = "forecast"
    public static let version = "0.1.0"
    public static let summary = Strings.pluginSummary
    public static let commands: [any PluginCommand.Type] = [PredictCommand.self, BacktestCommand.self, InventoryCommand.self, CalendarCommand.self, ExplainCommand.self]
}
