import Ask
import Forecast
import OpsKit
import Recommend
import Route
import Segment

/// The plugins that ship with opsbench, in the order `plugins` lists them.
/// Adding a plugin is a folder under plugins/, its name in Package.swift, and one line here.
public let bundledPlugins: [any Plugin.Type] = [
    SegmentPlugin.self,
    RecommendPlugin.self,
    ForecastPlugin.self,
    RoutePlugin.self,
    AskPlugin.self,
]
