/// Building blocks of SVG and HTML text: escaping and number formatting.
public enum SVGMarkup {
    /// Fonts for chart and report text, Chinese-capable first, each platform's
    /// CJK font named so a viewer without Noto still draws Chinese.
    public static let fontFamily = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

    /// `text` safe inside an element or a quoted attribute: `& < > " '` escaped,
    /// control characters (which XML forbids) dropped, except tab and newline.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal (`12`, `12.5`): stable text, small files.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// The width text takes at `fontSize`, estimated from display columns (a Chinese character is two).
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(DisplayWidth.of(text)) * fontSize * 0.56
    }
}

/// Accumulates SVG elements; every text and attribute value passes through ``SVGMarkup/escaped(_:)``.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        body += "<" + name
        for (key, value) in attributes { body += " \(key)=\"\(SVGMarkup.escaped(value))\"" }
        if let text { body += ">" + SVGMarkup.escaped(text) + "</\(name)>\n" } else { body += "/>\n" }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        var attributes = [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("stroke", stroke), ("stroke-width", n(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes)
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, opacity: Double? = nil, title: String? = nil) {
        var attributes = [("x", n(x)), ("y", n(y)), ("width", n(max(0, w))), ("height", n(max(0, h))), ("fill", fill)]
        if let opacity { attributes.append(("fill-opacity", n2(opacity))) }
        guard let title else { return element("rect", attributes) }
        body += "<rect" + attributes.map { " \($0.0)=\"\(SVGMarkup.escaped($0.1))\"" }.joined() + "><title>"
            + SVGMarkup.escaped(title) + "</title></rect>\n"
    }

    mutating func circle(_ x: Double, _ y: Double, r: Double, fill: String, title: String? = nil) {
        let attributes = [("cx", n(x)), ("cy", n(y)), ("r", n(r)), ("fill", fill)]
        guard let title else { return element("circle", attributes) }
        body += "<circle" + attributes.map { " \($0.0)=\"\(SVGMarkup.escaped($0.1))\"" }.joined() + "><title>"
            + SVGMarkup.escaped(title) + "</title></circle>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        var attributes = [
            ("points", points.map { n($0.0) + "," + n($0.1) }.joined(separator: " ")), ("fill", "none"),
            ("stroke", stroke), ("stroke-width", n(width)), ("stroke-linejoin", "round"),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("polyline", attributes)
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        guard points.count > 2 else { return }
        element("polygon", [
            ("points", points.map { n($0.0) + "," + n($0.1) }.joined(separator: " ")), ("fill", fill), ("fill-opacity", n2(opacity)),
        ])
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(
        _ value: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11, fill: String = "#333",
        bold: Bool = false, rotate: Double? = nil
    ) {
        var attributes = [("x", n(x)), ("y", n(y)), ("font-size", n(size)), ("fill", fill), ("text-anchor", anchor.rawValue)]
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotate { attributes.append(("transform", "rotate(\(n(rotate)) \(n(x)) \(n(y)))")) }
        element("text", attributes, text: value)
    }

    /// The finished document: an `<svg>` with a title (for screen readers and tooltips) and a white background.
    func document(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\""
            + " font-family=\"\(SVGMarkup.fontFamily)\" role=\"img\">\n<title>\(SVGMarkup.escaped(title))</title>\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body + "</svg>\n"
    }

    private func n(_ value: Double) -> String { SVGMarkup.number(value) }
    private func n2(_ value: Double) -> String { ValueFormat.fixed(value, digits: 2) }
}
