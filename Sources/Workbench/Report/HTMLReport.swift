import OpsKit

/// One self-contained HTML page of a session's commands: each command, its output, the
/// tables it stored and the charts that fit them, as inline SVG. No script, no network:
/// a Content-Security-Policy forbids both, styles are inline, and every text from data
/// is escaped.
struct HTMLReport {
    /// Rows of each stored dataset shown as a table.
    static let tableRows = 10
    /// Output lines shown per command before the rest is cut.
    static let outputLines = 200

    var title: String
    var subtitle: String
    var log: SessionLog
    var workspace: Workspace
    /// Checked between commands: Ctrl-C stops a long report.
    var checkCancellation: () throws -> Void = {}

    /// The page, and how many charts it holds.
    func render() throws -> (html: String, charts: Int) {
        let charts = ResultCharts(workspace: workspace)
        // a dataset replaced later is shown where it was stored last
        var lastStore: [String: Int] = [:]
        for (i, entry) in log.entries.enumerated() { for name in entry.stored { lastStore[name] = i } }
        var body = "", chartCount = 0
        for (i, entry) in log.entries.enumerated() {
            try checkCancellation()
            body += "<section class=\"step\(entry.succeeded ? "" : " failed")\" id=\"step-\(i + 1)\">\n"
            body += "<h2><span class=\"n\">\(i + 1)</span><code>\(e(entry.line))</code>"
            body += entry.succeeded ? "" : " <span class=\"bad\">\(e(WorkshopMessages.reportFailed))</span>"
            body += "</h2>\n"
            let output = Self.shortened(entry.output)
            if !output.isEmpty { body += "<pre class=\"out\">\(e(output))</pre>\n" }
            for name in entry.stored where lastStore[name] == i {
                guard let dataset = try? workspace.preview(named: name, rows: Self.tableRows),
                    let rows = workspace.entry(named: name)?.rowCount
                else { continue }
                body += "<h3>\(e(name)) <small>\(e(WorkshopMessages.reportShape(rows: rows, columns: dataset.columns.count)))</small></h3>\n"
                body += Self.table(dataset, total: rows)
                for chart in charts.charts(for: name) {
                    chartCount += 1
                    body += "<figure>\n\(chart.svg)<figcaption>\(e(chart.title))</figcaption>\n</figure>\n"
                }
            }
            body += "</section>\n"
        }
        let failed = log.entries.filter { !$0.succeeded }.count
        let summary = WorkshopMessages.reportSummary(commands: log.count, failed: failed, charts: chartCount)
        let html = """
            <!DOCTYPE html>
            <html lang="\(Language.current == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="opsbench report">
            <title>\(e(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header><h1>\(e(title))</h1><p>\(e(subtitle))</p><p class="summary">\(e(summary))</p></header>
            <main>
            \(body)</main>
            </body>
            </html>

            """
        return (html, chartCount)
    }

    private func e(_ text: String) -> String { SVGMarkup.escaped(text) }

    /// The first ``outputLines`` lines of a command's output, with a note of how many were cut.
    static func shortened(_ output: String) -> String {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count > outputLines else { return lines.joined(separator: "\n") }
        return lines.prefix(outputLines).joined(separator: "\n") + "\n" + WorkshopMessages.reportMoreLines(lines.count - outputLines)
    }

    /// A dataset's first rows as an HTML table, numbers right-aligned, phone numbers masked
    /// (a report is handed to people outside the team).
    static func table(_ dataset: Dataset, total: Int) -> String {
        var html = "<div class=\"scroll\"><table>\n<thead><tr>"
        for column in dataset.columns { html += "<th>\(SVGMarkup.escaped(column.name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in 0..<dataset.rowCount {
            html += "<tr>"
            for column in dataset.columns {
                let value = column.isNull(row) ? "" : column.formatted(at: row)
                html += column.type.isNumeric ? "<td class=\"num\">" : "<td>"
                html += SVGMarkup.escaped(column.type == .string ? PhoneMasker.masked(value) : value) + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        if total > dataset.rowCount { html += "<p class=\"more\">\(SVGMarkup.escaped(WorkshopMessages.reportMoreRows(total - dataset.rowCount)))</p>\n" }
        return html
    }

    static let style = """
        body{font-family:\(SVGMarkup.fontFamily);margin:0;background:#f6f7f9;color:#222;line-height:1.5}
        header{background:#28465f;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0}
        main{max-width:1000px;margin:0 auto;padding:12px 20px 40px}
        .step{background:#fff;border:1px solid #dde2e8;border-radius:6px;margin:14px 0;padding:10px 16px}
        .step.failed{border-color:#d9534f}.bad{color:#d9534f;font-size:13px}
        h2{font-size:15px;margin:4px 0 8px;font-weight:normal}h2 code{font-size:14px;word-break:break-all}
        .n{display:inline-block;min-width:26px;color:#888;font-size:13px}
        h3{font-size:14px;margin:14px 0 6px}h3 small{color:#777;font-weight:normal}
        pre.out{background:#f3f4f6;padding:8px 10px;overflow-x:auto;font-size:12px;margin:6px 0;
        font-family:'Noto Sans Mono CJK SC','Sarasa Mono SC',Menlo,Consolas,monospace}
        .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:12px}
        th,td{border:1px solid #e1e4e8;padding:3px 8px;text-align:left;white-space:nowrap}th{background:#f0f2f5}
        td.num{text-align:right;font-variant-numeric:tabular-nums}.more{color:#777;font-size:12px;margin:4px 0}
        figure{margin:12px 0}figure svg{max-width:100%;height:auto;border:1px solid #eee}figcaption{font-size:12px;color:#666}
        """
}
