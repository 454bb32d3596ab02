import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OpsKit
import Testing

/// The SVG chart library: well-formed documents, escaped text, fonts with Chinese fallbacks, the parts each chart draws.
@Suite struct SVGChartTests {
    /// Element names of a document, in order; fails the test when it is not well-formed XML.
    private func elements(_ svg: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var names: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                names.append(name)
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector.names
    }

    @Test func textFromDataIsEscapedAndControlCharactersDropped() throws {
        #expect(SVGMarkup.escaped(#"<b>"A&B"</b> 'x'"#) == "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;")
        #expect(SVGMarkup.escaped("a\u{1B}[2Jb\u{0}") == "a[2Jb")
        let chart = SVGBarChart(title: "</svg><script>alert(1)</script>", categories: ["<i>", "购买&金额"], series: [.init(label: "n", values: [1, 2])])
        let svg = chart.render()
        #expect(!svg.contains("<script>") && !svg.contains("<i>"))
        #expect(svg.contains("购买&amp;金额"))
        #expect(try elements(svg).filter { $0 == "rect" }.count >= 3, "background and two bars")
    }

    @Test func fontsNameChineseFallbacks() {
        let svg = SVGLineChart(title: "销量", series: [.init(label: "历史", x: [1, 2, 3], y: [3, 1, 2])]).render()
        #expect(svg.contains("font-family=\"'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\""))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("<title>销量</title>"))
    }

    @Test func aLineChartDrawsItsSeriesBandAndEvents() throws {
        var chart = SVGLineChart(title: "forecast", series: [
            .init(label: "history", x: [0, 1, 2, 3], y: [5, 6, .nan, 7]),
            .init(label: "forecast", x: [3, 4, 5], y: [7, 8, 9], dashed: true),
        ])
        chart.bands = [.init(label: "95%", x: [3, 4, 5], lower: [6, 6, 7], upper: [8, 10, 11], colorIndex: 1)]
        chart.events = [.init(label: "双11", start: 4, end: 5)]
        chart.xFormat = .date
        let svg = chart.render()
        let names = try elements(svg)
        #expect(names.filter { $0 == "polyline" }.count == 2, "the NaN cuts the history; its lone last point is a dot")
        #expect(svg.components(separatedBy: "</circle>").count - 1 == 1)
        #expect(names.filter { $0 == "polygon" }.count == 1)
        #expect(svg.contains("stroke-dasharray=\"5 4\""))
        #expect(svg.contains(">双11</text>"))
        #expect(svg.contains("1970-01-0"), "day numbers are labelled as dates")
    }

    @Test func barsStartAtZeroAndCarryIntervals() throws {
        var chart = SVGBarChart(title: "ndcg", categories: ["a", "b"], series: [.init(label: "ndcg", values: [0.2, 0.1], intervals: [(0.15, 0.25), (0.05, 0.12)])])
        chart.reference = 0.15
        let svg = chart.render()
        let names = try elements(svg)
        #expect(names.filter { $0 == "rect" }.count == 3)
        #expect(names.filter { $0 == "line" }.count >= 6 + 1, "two whiskers of three lines and the reference")
        #expect(svg.contains(">0.00</text>"), "the axis includes zero")
    }

    @Test func aScatterDrawsGroupsPathsAndLandmarks() throws {
        var chart = SVGScatterChart(title: "routes", points: [.init(x: 1, y: 1, group: 0), .init(x: 2, y: 3, group: 1), .init(x: 4, y: 1, group: 1)])
        chart.paths = [.init(points: [(0, 0), (1, 1), (0, 0)], group: 0), .init(points: [(0, 0), (2, 3), (4, 1), (0, 0)], group: 1)]
        chart.landmarks = [.init(x: 0, y: 0, label: "D0")]
        chart.groupLabels = ["车辆 1", "车辆 2"]
        chart.equalAspect = true
        let svg = chart.render()
        let names = try elements(svg)
        #expect(names.filter { $0 == "circle" }.count == 3)
        #expect(names.filter { $0 == "polyline" }.count == 2)
        #expect(svg.contains(">D0</text>") && svg.contains(">车辆 2</text>"))
        #expect(svg.contains(ChartPalette.color(1)))
    }

    @Test func theSameInputGivesTheSameBytes() {
        let make = { SVGLineChart(title: "t", series: [.init(label: "a", x: [1, 2, 3], y: [0.1, 0.25, 0.2])]).render() }
        #expect(make() == make())
    }
}
