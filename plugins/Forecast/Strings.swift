import OpsKit

/// User-facing text of the forecast plugin in both interface languages (`L(en, zh)`),
/// in one place; Chinese wording follows the textbooks' terms (平均绝对误差, 安全库存, 再订货点).
enum Strings {
    /// Both languages (the plugin's `summary` is read once): help shows the interface language's half.
    static var pluginSummary: String {
        Localized(en: "Supply chain: demand forecasts per SKU, backtested model choice, inventory policy",
                  zh: "供应链：按 SKU 的需求预测、经回测的模型选择、库存策略").encoded
    }

    /// The columns of `forecast inventory`'s printed summary after the series label.
    static func inventoryHeaders(hasStock: Bool) -> [String] {
        [L("lead demand", "提前期需求"), L("safety stock", "安全库存"), L("reorder point", "再订货点")]
            + (hasStock ? [L("on hand", "现有库存"), L("cover", "可售天数"), L("P(stock-out)", "缺货概率"), L("order", "订货量")] : [])
    }
}

extension Strings {
    static var emptyDataset: String { L("the dataset has no rows", "数据集没有行") }
    static var emptyDatasetHint: String { L("load a table with one row per date (and per series)", "请载入每个日期（及每个序列）一行的表") }
    static var frequencyHint: String { L("give --freq H (hourly, needs date-times), D, W or M", "请给出 --freq H（小时，需要日期时间）、D、W 或 M") }
    static var dateHint: String {
        L("dates look like 2026-01-31, 2026/1/31, 2026年1月31日 or 2026-01-31 13:00", "日期形如 2026-01-31、2026/1/31、2026年1月31日 或 2026-01-31 13:00")
    }
    static var negativeHint: String {
        L("use --negative clip to set them to 0, or --negative keep to use them as they are", "用 --negative clip 置为 0，或 --negative keep 按原值使用")
    }

    static func hourlyNeedsTime(_ column: String) -> String {
        L("--freq H needs date-times, but '\(column)' holds dates", "--freq H 需要日期时间，但 '\(column)' 只有日期")
    }
    static func cannotInferFrequency(_ column: String) -> String {
        L("cannot tell the frequency of '\(column)': its dates are not hourly, daily, weekly or monthly",
          "无法判断 '\(column)' 的频率：日期既不是按小时、按日、按周，也不是按月")
    }
    static func seriesTooLong(_ length: Int) -> String {
        L("a series would span \(length) periods: the frequency is probably wrong", "一个序列将跨越 \(length) 个时段：频率可能有误")
    }
    static func negativeDemand(_ count: Int, column: String, row: Int, value: Double) -> String {
        L("\(count) negative value(s) in '\(column)' (first: row \(row), \(ValueFormat.double(value)))",
          "'\(column)' 中有 \(count) 个负值（第一个：第 \(row) 行，\(ValueFormat.double(value))）")
    }
    static func negativeClipped(_ count: Int, column: String) -> String {
        L("\(count) negative value(s) in '\(column)' clipped to 0", "'\(column)' 中 \(count) 个负值已置为 0")
    }
    static func negativeKept(_ count: Int, column: String) -> String {
        L("\(count) negative value(s) in '\(column)' kept as they are (returns?); --negative clip sets them to 0",
          "'\(column)' 中 \(count) 个负值按原值保留（退货？）；--negative clip 可置为 0")
    }
    static func duplicatesSummed(_ count: Int) -> String {
        L("\(count) row(s) fall on a period already taken in their series: values summed", "\(count) 行落在序列中已有的时段：数值已相加")
    }
    static func gapsFilled(_ count: Int) -> String { L("\(count) missing period(s) filled with zero demand", "\(count) 个缺失时段按零需求填补") }
    static func nullsAsZero(_ count: Int, column: String) -> String {
        L("\(count) empty value(s) in '\(column)' read as zero demand", "'\(column)' 中 \(count) 个空值按零需求处理")
    }
    static func nullDate(column: String, row: Int) -> String { L("row \(row): the date in '\(column)' is empty", "第 \(row) 行：'\(column)' 中的日期为空") }
    static func badDate(_ text: String, column: String, row: Int) -> String {
        L("row \(row): '\(text)' in '\(column)' is not a date", "第 \(row) 行：'\(column)' 中的 '\(text)' 不是日期")
    }
    static func notADateColumn(_ name: String, type: String) -> String {
        L("column '\(name)' (--date) holds \(type) values, not dates", "列 '\(name)'（--date）存放的是 \(type) 值，不是日期")
    }
}

extension Strings {
    static var forecasting: String { L("forecasting", "预测中") }
}

extension Strings {
}

extension Strings {
    static var seriesHeader: String { L("series", "序列") }
    /// What `forecast explain --series` names, for "unknown series 'x' in forecasts" and its list of series.
    static var seriesKind: String { L("series", "序列") }
    static func inDataset(_ name: String) -> String { L(" in \(name)", "数据集 \(name) 中") }
    static var historyHeader: String { L("history", "历史") }
    static var modelHeader: String { L("model", "模型") }
    static var sparkHeader: String { L("recent │ forecast", "近期 │ 预测") }
    static var historyLegend: String { L("history", "历史") }
    static var forecastLegend: String { L("forecast", "预测") }
    static func moreSeries(_ count: Int, total: Int) -> String { L("… \(count) more series (\(total) in all)", "… 另有 \(count) 个序列（共 \(total) 个）") }
    static func chartTitle(_ key: String, model: String, level: Double) -> String {
        L("\(key): \(model), \(ValueFormat.double(level)) % interval", "\(key)：\(model)，\(ValueFormat.double(level))% 区间")
    }
}

extension Strings {
    static var predictAbstract: Localized {
        .init(en: "Forecast demand per series, with intervals and the model chosen for each.", zh: "按序列预测需求，给出区间和每个序列选用的模型。")
    }
    static var predictDiscussion: Localized {
        .init(en: """
            Missing dates stay missing (--gaps zero reads them as no sale) and repeated dates are summed. With --model auto \
            each series gets SBA when demand is intermittent (average interval between demands above 1.32), AutoETS by AICc \
            for one season up to 24 periods, and an MSTL combination for hourly or weekly seasons; --select backtest picks \
            the candidate with the lowest rolling-origin MASE instead. On daily and weekly data the built-in retail calendar \
            (--events auto) and the user's promotions give each event a lift, pooled over the series and shrunk per series. \
            Writes forecast, lo_L and hi_L per --level, and model (with events also events, lift and NAME_effects).
            """,
              zh: """
            缺失日期保持缺失（--gaps zero 视为无销售），重复日期相加。--model auto 下，间断需求（平均需求间隔大于 1.32）用 SBA，\
            季节周期不超过 24 的用按 AICc 选择的 AutoETS，小时或周度季节用 MSTL 组合；--select backtest 改为选滚动回测 MASE \
            最低的候选模型。日度和周度数据默认使用内置零售日历（--events auto）和用户促销：每个事件的提升在所有序列上合并估计，\
            再对各序列收缩。输出 forecast、每个 --level 的 lo_L 与 hi_L 以及 model（有事件时另有 events、lift 和 NAME_effects）。
            """)
    }
    static var selectNeedsAuto: String {
        L("--select backtest chooses among models only with --model auto; the named model is used", "--select backtest 仅在 --model auto 时选择模型；将使用指定的模型")
    }
    static func seasonDropped(_ period: Int, series: Int, total: Int) -> String {
        total == 1
            ? L("the series is shorter than two seasons of \(period) periods: fitted without that season",
                "序列短于两个 \(period) 期的季节：不含该季节拟合")
            : L("\(series) of \(total) series are shorter than two seasons of \(period) periods: fitted without that season",
                "\(total) 个序列中有 \(series) 个短于两个 \(period) 期的季节：不含该季节拟合")
    }
    static func modelCounts(_ models: [String]) -> String {
        var counts: [String: Int] = [:]
        for m in models { counts[m, default: 0] += 1 }
        let parts = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(6).map { "\($0.key) ×\($0.value)" }
        return L("models: ", "模型：") + parts.joined(separator: ", ") + (counts.count > 6 ? ", …" : "")
    }
    static func chartsLimited(_ shown: Int, total: Int) -> String { L("charts for the first \(shown) of \(total) series", "仅绘制 \(total) 个序列中的前 \(shown) 个") }
    static func predictStored(_ name: String, rows: Int, series: Int, horizon: Int, frequency: String) -> String {
        L("stored \(name): \(rows) rows (\(series) series × \(horizon) periods, frequency \(frequency))",
          "已保存 \(name)：\(rows) 行（\(series) 个序列 × \(horizon) 期，频率 \(frequency)）")
    }
}

extension Strings {
    static var backtestAbstract: Localized {
        .init(en: "Compare models by rolling-origin backtest: sMAPE, MASE, bias, interval coverage and service level.",
              zh: "用滚动原点回测比较模型：sMAPE、MASE（平均绝对标度误差）、偏差、区间覆盖率与服务水平。")
    }
    static var backtestDiscussion: Localized {
        .init(en: """
            Each of the last --folds windows of --horizon periods is forecast from the history before it (event effects too \
            are learned from that history only). MASE is scaled by the in-sample seasonal naive error; bias is forecast minus \
            actual (positive: over-forecast); service is the share of periods whose demand stayed within the upper 95 % bound, \
            fill rate the share of demand it would have met. With events, event days and ordinary days are scored apart \
            (mase_event, mase_ordinary, bias_pct_event).
            """,
              zh: """
            最后 --folds 个长为 --horizon 的窗口，各用其之前的历史预测（事件效应也只从该历史学得）。MASE 以样本内季节朴素法误差为标度；\
            偏差为预测减实际（正值：预测偏高）；服务水平为需求不超过 95% 上界的时段占比，满足率为该上界可满足的需求占比。有事件时，\
            事件日与平日分别评分（mase_event、mase_ordinary、bias_pct_event）。
            """)
    }
    static var backtesting: String { L("backtesting", "回测中") }
    static func tooShortForBacktest(_ count: Int, horizon: Int) -> String {
        L("\(count) series too short to hold out \(horizon) periods: left out", "\(count) 个序列太短，无法留出 \(horizon) 期：已略去")
    }
    static func bestModel(_ name: String, mase: String) -> String { L("lowest MASE: \(name) (\(mase))", "MASE 最低：\(name)（\(mase)）") }
    static func backtestStored(_ name: String, series: Int, models: Int, folds: Int, horizon: Int) -> String {
        L("stored \(name): \(series) series × \(models) models, \(folds) folds of \(horizon) periods",
          "已保存 \(name)：\(series) 个序列 × \(models) 个模型，\(folds) 折，每折 \(horizon) 期")
    }
}

extension Strings {
    static var inventoryAbstract: Localized {
        .init(en: "Reorder policy per SKU from forecasts: safety stock, reorder point, EOQ, cover and stock-out risk.",
              zh: "由预测得出每个 SKU 的补货策略：安全库存、再订货点、经济订货批量、可售天数与缺货风险。")
    }
    static var inventoryDiscussion: Localized {
        .init(en: """
            Demand over the lead time plus review period is summed from the forecasts (event-aware ones raise it when the lead \
            time spans an event); its error sd comes from the widest interval (hi_L) assuming independent period errors; \
            safety stock is z(service level) × sd and the reorder point demand plus safety stock. EOQ = √(2·annual \
            demand·order cost / holding cost). With --on-hand, SKUs at or below their reorder point are flagged with an order \
            quantity, and the stock-out probability is P(demand > stock on hand).
            """,
              zh: """
            提前期加盘点周期内的需求由预测值加总（含事件的预测在提前期跨越大促时会相应提高）；其误差标准差取自最宽区间（hi_L），\
            假定各期误差独立；安全库存 = z(服务水平) × 标准差，再订货点 = 需求 + 安全库存。经济订货批量 EOQ = √(2·年需求·订货成本 / \
            持有成本)。给出 --on-hand 时，库存不高于再订货点的 SKU 会标出订货量，缺货概率为 P(需求 > 现有库存)。
            """)
    }
    static var forecastsHint: String {
        L("pass a dataset written by `forecast predict` (columns date, forecast, lo_/hi_ bounds)", "请传入 `forecast predict` 写出的数据集（含日期、forecast 与 lo_/hi_ 区间列）")
    }
    static var nothingToReorder: String { L("no SKU is at or below its reorder point", "没有 SKU 处于或低于再订货点") }
    static func notForecasts(_ problem: String) -> String { L("this does not look like a forecasts dataset: \(problem)", "这不像预测结果数据集：\(problem)") }
    static func beyondHorizon(_ periods: Int, horizon: Int) -> String {
        L("lead time + review period (\(periods)) exceed the forecast horizon (\(horizon)): later periods repeat the average forecast",
          "提前期 + 盘点周期（\(periods)）超过预测期（\(horizon)）：之后各期按平均预测值计")
    }
    static func noStockFor(_ keys: [String]) -> String {
        L("no stock on hand for ", "没有现有库存：") + keys.prefix(5).joined(separator: ", ")
            + (keys.count > 5 ? L(" and \(keys.count - 5) more", " 等另外 \(keys.count - 5) 个") : "")
    }
    static func reorderNow(_ keys: [String]) -> String {
        L("reorder now (\(keys.count)): ", "立即补货（\(keys.count)）：") + keys.prefix(10).joined(separator: ", ") + (keys.count > 10 ? ", …" : "")
    }
    static func inventoryStored(_ name: String, skus: Int, serviceLevel: Double) -> String {
        L("stored \(name): \(skus) SKUs at service level \(ValueFormat.double(serviceLevel))", "已保存 \(name)：\(skus) 个 SKU，服务水平 \(ValueFormat.double(serviceLevel))")
    }
}

// MARK: Calendar and events

extension Strings {
    static var calendarAbstract: Localized {
        .init(en: "The built-in Chinese retail calendar as a dataset: festivals, shopping festivals, official days off and make-up working days.",
              zh: "内置中国零售日历（数据集）：节日、电商大促、法定假日与调休上班日。")
    }
    static var calendarDiscussion: Localized {
        .init(en: """
            One row per day and event: date, event, kind (festival, shopping, holiday, workday, logistics), role (pre, peak, \
            after, off, makeup) and offset (days from the peak). Lunar festivals (春节, 元宵, 端午, 七夕, 中秋) are computed from \
            new moons and solar terms for 2000–2050; 清明 from the solar term; official days off and 调休 for the years the \
            State Council has published (2015–2026). Edit the dataset with sql and pass it to `forecast predict --events`. \
            Without --from, the current year.
            """,
              zh: """
            每天每个事件一行：date、event、kind（festival 节日、shopping 大促、holiday 法定假日、workday 调休上班、logistics 快递停运）、\
            role（pre 预热、peak 高峰、after 返场、off 放假、makeup 补班）和 offset（距高峰的天数）。农历节日（春节、元宵、端午、七夕、中秋）\
            由朔日与节气推算，覆盖 2000–2050 年；清明取节气日；法定假日与调休取国务院已公布的年份（2015–2026）。可用 sql 修改后\
            传给 `forecast predict --events`。不给 --from 时为今年。
            """)
    }
    static var calendarFromHelp: Localized { .init(en: "First day (default: 1 January of this year).", zh: "起始日期（默认今年 1 月 1 日）。") }
    static var calendarToHelp: Localized { .init(en: "Last day (default: 31 December of the --from year).", zh: "结束日期（默认 --from 当年 12 月 31 日）。") }
    static var calendarToBeforeFrom: String { L("the last day is before the first", "结束日期早于起始日期") }
    static var calendarRangeHint: String { L("give days such as --from 2026-01-01 --to 2026-12-31", "例如 --from 2026-01-01 --to 2026-12-31") }
    static func calendarOutOfRange(_ years: ClosedRange<Int>) -> String {
        L("the built-in calendar covers \(years.lowerBound)–\(years.upperBound)", "内置日历覆盖 \(years.lowerBound)–\(years.upperBound) 年")
    }
    static func officialDaysMissing(_ years: [Int], published: ClosedRange<Int>) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        return L("official days off and make-up working days are built in for \(published.lowerBound)–\(published.upperBound) only, not for \(list)",
                 "法定假日与调休仅内置 \(published.lowerBound)–\(published.upperBound) 年，不含 \(list) 年")
    }
    static func calendarStored(_ name: String, rows: Int, events: Int, from: String, to: String) -> String {
        L("stored \(name): \(rows) rows (\(events) events, \(from) … \(to))", "已保存 \(name)：\(rows) 行（\(events) 个事件，\(from) … \(to)）")
    }

    static var eventsHelp: Localized {
        .init(en: "Events as model inputs: auto (the built-in calendar, on daily and weekly data), none, or datasets of events (date or start/end, event, optional intensity and series column), comma-separated; auto among them adds the calendar.",
              zh: "作为模型输入的事件：auto（内置日历，用于日度和周度数据）、none，或逗号分隔的事件数据集（date 或 start/end、event，可选 intensity 和序列列）；其中写 auto 表示同时使用内置日历。")
    }
    static var regressorsHelp: Localized {
        .init(en: "Known covariates from the sales dataset (price, promotion flag), comma-separated; their future values come from --future.",
              zh: "销售数据集中的已知协变量（价格、促销标记），逗号分隔；未来取值由 --future 提供。")
    }
    static var futureHelp: Localized {
        .init(en: "Dataset with the future values of --regressors (date, series column and the regressor columns).",
              zh: "--regressors 的未来取值数据集（日期列、序列列与协变量列）。")
    }
    static var gapsHelp: Localized {
        .init(en: "Periods without a row: missing (unknown, not read as demand) or zero (no sale that period).",
              zh: "没有记录的时段：missing（未知，不当作需求）或 zero（当期无销售）。")
    }
    static func futureHint(_ date: String, by: String?, columns: [String]) -> String {
        let cols = ([date] + (by.map { [$0] } ?? []) + columns).joined(separator: ", ")
        return L("--future names a dataset with columns \(cols) and one row per series and period ahead",
                 "--future 指定的数据集需含列 \(cols)，每个序列的每个预测时段一行")
    }
    static func futureMissing(_ dataset: String, column: String, series: String, date: String) -> String {
        L("--future \(dataset) has no value of '\(column)' for \(series) on \(date)", "--future \(dataset) 缺少 \(series) 在 \(date) 的 '\(column)' 取值")
    }
    static var futureWithoutRegressors: String { L("--future is used only with --regressors: ignored", "--future 仅与 --regressors 一起使用：已忽略") }
    static func eventsNeedDailyOrWeekly(_ frequency: String) -> String {
        L("events and regressors are used with daily and weekly data; the frequency here is \(frequency): ignored",
          "事件与协变量仅用于日度和周度数据；此处频率为 \(frequency)：已忽略")
    }
    static func eventsOutside(_ dataset: String, events: [String]) -> String {
        L("\(dataset): \(events.prefix(5).joined(separator: ", ")) fall entirely outside the history and the forecast: ignored",
          "\(dataset)：\(events.prefix(5).joined(separator: "、")) 完全落在历史与预测区间之外：已忽略")
    }
    static func shortEventsInWeeks(_ events: [String]) -> String {
        let list = events.prefix(6).joined(separator: ", ") + (events.count > 6 ? ", …" : "")
        return L("weekly data: \(list) last less than a week; each counts as its share of the week it falls in",
                 "周度数据：\(list) 不足一周，按其所在周的天数占比计入")
    }
    static func eventBorrowed(_ event: String, series: [String]) -> String {
        let list = series.prefix(5).joined(separator: ", ") + (series.count > 5 ? " and \(series.count - 5) more" : "")
        let listZh = series.prefix(5).joined(separator: "、") + (series.count > 5 ? " 等 \(series.count) 个序列" : "")
        return L("no past \(event) in the history of \(list): effect borrowed from the other series",
                 "\(listZh) 的历史中没有 \(event)：效应借自其他序列")
    }
    static func eventNeverSeen(_ event: String) -> String {
        L("no past \(event) in any series' history: no effect learned for it", "所有序列的历史中都没有 \(event)：无法估计其效应")
    }
    static var eventsHeader: String { L("events ahead", "未来事件") }
    static var eventsHint: String {
        L("an events dataset has a date column (or start and end), an event (or name) column, and optionally kind, role, offset, intensity and the series column",
          "事件数据集需有 date 列（或 start 与 end）、event（或 name）列，可选 kind、role、offset、intensity 及序列列")
    }
    static func eventsNeedName(_ dataset: String, columns: [String]) -> String {
        L("\(dataset) has no event or name column (columns: \(columns.joined(separator: ", ")))",
          "\(dataset) 没有 event 或 name 列（现有列：\(columns.joined(separator: ", "))）")
    }
    static func eventsNeedDate(_ dataset: String) -> String { L("\(dataset) has no date column, nor start and end", "\(dataset) 没有 date 列，也没有 start 与 end 列") }
    static func eventRowEmpty(_ dataset: String, row: Int, column: String) -> String {
        L("\(dataset) row \(row): '\(column)' is empty", "\(dataset) 第 \(row) 行：'\(column)' 为空")
    }
    static func eventEndsBeforeStart(_ dataset: String, row: Int) -> String {
        L("\(dataset) row \(row): end is before start", "\(dataset) 第 \(row) 行：end 早于 start")
    }
    static func eventTooLong(_ dataset: String, row: Int, days: Int) -> String {
        L("\(dataset) row \(row): the event lasts \(days) days (at most 366)", "\(dataset) 第 \(row) 行：事件持续 \(days) 天（最多 366 天）")
    }
    static func badIntensity(_ dataset: String, row: Int) -> String {
        L("\(dataset) row \(row): intensity must be a number from 0 to 100", "\(dataset) 第 \(row) 行：intensity 须为 0 到 100 之间的数")
    }
    static var intensityHint: String { L("e.g. the discount depth 0.3, or 1 for an ordinary promotion", "例如折扣力度 0.3，普通促销为 1") }
    static func badEventField(_ dataset: String, row: Int, column: String, value: String) -> String {
        L("\(dataset) row \(row): '\(value)' is not a valid \(column)", "\(dataset) 第 \(row) 行：'\(value)' 不是有效的 \(column)")
    }
    static func oneOf(_ values: [String]) -> String { L("use one of: \(values.joined(separator: ", "))", "可选：\(values.joined(separator: ", "))") }
    static func badEventDate(_ dataset: String, row: Int, column: String, value: String) -> String {
        L("\(dataset) row \(row): '\(value)' in '\(column)' is not a date", "\(dataset) 第 \(row) 行：'\(column)' 中的 '\(value)' 不是日期")
    }
    static func eventDateOutOfRange(_ dataset: String, row: Int, column: String, value: String) -> String {
        L("\(dataset) row \(row): \(value) in '\(column)' is out of range (1900–2100)", "\(dataset) 第 \(row) 行：'\(column)' 中的 \(value) 超出范围（1900–2100）")
    }
    static func eventDuplicates(_ dataset: String, count: Int) -> String {
        L("\(dataset): \(count) overlapping day(s) of the same event counted once", "\(dataset)：同一事件重叠的 \(count) 天只计一次")
    }
    static func gapsKept(_ count: Int) -> String {
        L("\(count) missing period(s) kept as missing, not zero demand (--gaps zero reads them as no sale)",
          "\(count) 个缺失时段保持缺失，不当作零需求（--gaps zero 视为无销售）")
    }
}

extension Strings {
    /// The columns of `forecast backtest`'s overall table (metric codes such as sMAPE and MASE stay as they are).
    static var backtestHeaders: [String] {
        [L("model", "模型"), "sMAPE", "MASE", L("MAE", "平均绝对误差"), L("bias", "偏差"), L("bias %", "偏差 %"),
         L("cover 80", "80% 覆盖率"), L("cover 95", "95% 覆盖率"), L("service", "服务水平"), L("fill rate", "满足率")]
    }
    static var maseEventHeader: String { L("MASE events", "事件日 MASE") }
    static var maseOrdinaryHeader: String { L("MASE ordinary", "平日 MASE") }
    static var biasEventHeader: String { L("bias % events", "事件日偏差 %") }
}

// MARK: Model descriptions

extension Strings {
    enum Component { case none, additive, multiplicative, damped }

    static func etsModel(error: Component, trend: Component, season: Component) -> String {
        func word(_ c: Component, _ en: String, _ zh: String) -> String {
            switch c {
            case .none: return L("no \(en)", "无\(zh)")
            case .additive: return L("additive \(en)", "加法\(zh)")
            case .multiplicative: return L("multiplicative \(en)", "乘法\(zh)")
            case .damped: return L("damped \(en)", "阻尼\(zh)")
            }
        }
        return L("exponential smoothing: ", "指数平滑：") + [word(error, "error", "误差"), word(trend, "trend", "趋势"), word(season, "season", "季节")]
            .joined(separator: listSeparator)
    }
    static var listSeparator: String { L(", ", "、") }
    static var withEvents: String { L("with event effects", "含事件效应") }
    static var comboModel: String { L("combination of seasonal decomposition and a second model", "季节分解与另一模型的组合") }
    static var mstlModel: String { L("multiple seasonal decomposition (MSTL) with exponential smoothing", "多季节分解（MSTL）加指数平滑") }
    static var naiveModel: String { L("naive: the last value", "朴素法：取最后一个值") }
    static var seasonalNaiveModel: String { L("seasonal naive: the value one season ago", "季节朴素法：取上一季同期值") }
    static var driftModel: String { L("drift: the line through the first and last values", "漂移法：首尾两点连线外推") }
    static var movingAverageModel: String { L("moving average", "移动平均") }
    static var thetaModel: String { L("theta method", "Theta 法") }
    static var crostonModel: String { L("Croston's method for intermittent demand", "Croston 间断需求法") }
    static var sbaModel: String { L("Syntetos–Boylan approximation for intermittent demand", "SBA 间断需求法") }
    static var tsbModel: String { L("TSB method for intermittent demand", "TSB 间断需求法") }
}

// MARK: explain

extension Strings {
    static var explainAbstract: Localized {
        .init(en: "Explain one series' forecast in plain words: level, trend, weekly pattern, event lifts, model, error and interval.",
              zh: "用通俗的话解释一个序列的预测：水平、趋势、周内规律、事件提升、模型、误差与区间。")
    }
    static var explainDiscussion: Localized {
        .init(en: "Reads a dataset written by `forecast predict` and, when present, its `<name>_effects` companion (the learned event effects). --date adds that day's numbers.",
              zh: "读取 `forecast predict` 写出的数据集及其 `<名称>_effects`（学到的事件效应）。--date 给出当天的数字。")
    }
    static var explainForecastsHelp: Localized { .init(en: "Forecasts from `forecast predict`.", zh: "`forecast predict` 的预测结果。") }
    static var explainSeriesHelp: Localized { .init(en: "The series (e.g. the SKU) to explain.", zh: "要解释的序列（如 SKU）。") }
    static var explainDateHelp: Localized { .init(en: "A day of the forecast to explain in detail.", zh: "要详细解释的预测日期。") }
    static func explainNeedsSeries(_ count: Int) -> String { L("the forecasts hold \(count) series: name one with --series", "预测结果含 \(count) 个序列：请用 --series 指定一个") }
    static func explainSeriesHint(_ examples: String) -> String { L("e.g. --series \(examples)", "例如 --series \(examples)") }
    static func explainModel(_ series: String, code: String, description: String) -> String {
        L("\(series): model \(code) (\(description)).", "\(series)：模型 \(code)（\(description)）。")
    }
    static func explainBacktest(_ mase: String) -> String {
        L("Holdout error on the last horizon before the forecast: MASE \(mase) (below 1 beats the seasonal naive forecast).",
          "预测前最后一个区间的回测误差：MASE \(mase)（小于 1 表示优于季节朴素法）。")
    }
    static func explainLevel(_ level: String, perDay: Bool) -> String {
        perDay ? L("Level: about \(level) a day on ordinary days at the start of the forecast.", "水平：预测开始时平日约每天 \(level)。")
               : L("Level: about \(level) a period on ordinary periods at the start of the forecast.", "水平：预测开始时平常时段约每期 \(level)。")
    }
    static func explainTrend(_ change: String) -> String {
        L("Trend: ordinary demand changes \(change) from the first to the last week of the forecast.", "趋势：平日需求从预测首周到末周变化 \(change)。")
    }
    static func weekdayName(_ d: Int) -> String {
        let en = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
        let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        return L(en[d], zh[d])
    }
    static func explainWeekly(high: Int, highChange: String, low: Int, lowChange: String) -> String {
        L("Weekly pattern: \(weekdayName(high)) \(highChange) and \(weekdayName(low)) \(lowChange) against the average day.",
          "周内规律：\(weekdayName(high)) \(highChange)，\(weekdayName(low)) \(lowChange)（相对平均日）。")
    }
    static var explainNoWeekly: String { L("Weekly pattern: none to speak of.", "周内规律：不明显。") }
    static func explainEvent(_ event: String, change: String, on day: String, years: [String]) -> String {
        let list = years.joined(separator: L(" and ", "、"))
        return day.isEmpty ? L("\(event): \(change), learned from \(list).", "\(event)：\(change)，从 \(list) 年学得。")
                           : L("\(event): \(change) on \(day), learned from \(list).", "\(event)：\(day) \(change)，从 \(list) 年学得。")
    }
    static func explainEventBorrowed(_ event: String, change: String, on day: String) -> String {
        L("\(event): \(change)\(day.isEmpty ? "" : " on \(day)"), borrowed from the other series (none in this series' history).",
          "\(event)：\(day.isEmpty ? "" : "\(day) ")\(change)，借自其他序列（本序列历史中没有）。")
    }
    static func explainInterval(ordinary: String, growth: String) -> String {
        L("Interval: the 95 % bounds lie about ±\(ordinary.dropFirst()) around the forecast on ordinary days, and widen \(growth)× from the first to the last period as uncertainty accumulates.",
          "区间：平日 95% 区间约为预测值的 ±\(ordinary.dropFirst())，随误差累积从首期到末期放宽 \(growth) 倍。")
    }
    static func explainIntervalEvents(_ width: String) -> String {
        L("On event days they lie ±\(width.dropFirst()): the lift itself is uncertain.", "事件日约为 ±\(width.dropFirst())：事件提升本身也不确定。")
    }
    static func explainDay(_ day: String, forecast: String, base: String, events: String, change: String, lower: String, upper: String) -> String {
        events.isEmpty
            ? L("\(day): forecast \(forecast), 95 % interval \(lower) – \(upper); an ordinary day.", "\(day)：预测 \(forecast)，95% 区间 \(lower) – \(upper)；平日。")
            : L("\(day): forecast \(forecast) = ordinary \(base) × events \(events) (\(change)); 95 % interval \(lower) – \(upper).",
                "\(day)：预测 \(forecast) = 平日 \(base) × 事件 \(events)（\(change)）；95% 区间 \(lower) – \(upper)。")
    }
    static func explainDayOutside(_ day: String, first: String, last: String) -> String {
        L("\(day) is not in the forecast (\(first) … \(last)).", "\(day) 不在预测区间内（\(first) … \(last)）。")
    }
}

// MARK: Option help

extension Strings {
    static var foldsHelp: Localized { .init(en: "Number of rolling origins: the last FOLDS windows of --horizon periods.", zh: "滚动原点个数：最后 FOLDS 个长为 --horizon 的窗口。") }
    static var modelsHelp: Localized { .init(en: "Models to compare, comma-separated.", zh: "要比较的模型，逗号分隔。") }
    static var forecastsHelp: Localized { .init(en: "Forecasts from `forecast predict`.", zh: "`forecast predict` 的预测结果。") }
    static var leadTimeHelp: Localized { .init(en: "Periods between placing an order and receiving it.", zh: "从下单到到货的期数（提前期）。") }
    static var reviewPeriodHelp: Localized { .init(en: "Periods between stock reviews (0: continuous review).", zh: "两次盘点之间的期数（0：连续盘点）。") }
    static var serviceLevelHelp: Localized { .init(en: "Probability of not running out before the next order arrives (0.5 to 0.9999).", zh: "下一批货到达前不缺货的概率（服务水平，0.5 到 0.9999）。") }
    static var onHandHelp: Localized { .init(en: "Dataset with the stock on hand per SKU (same SKU column as the forecasts).", zh: "每个 SKU 现有库存的数据集（SKU 列与预测结果相同）。") }
    static var stockHelp: Localized { .init(en: "Stock column of --on-hand.", zh: "--on-hand 中的库存列。") }
    static var orderCostHelp: Localized { .init(en: "Fixed cost of placing one order (for the EOQ).", zh: "每次订货的固定成本（用于经济订货批量）。") }
    static var holdingCostHelp: Localized { .init(en: "Cost of holding one unit for a year (for the EOQ).", zh: "一件货持有一年的成本（用于经济订货批量）。") }
    static var unitCostHelp: Localized { .init(en: "Cost of one unit (values the safety stock).", zh: "单位成本（用于计算安全库存金额）。") }
    static var modelHelp: Localized { .init(en: "Model: auto, naive, snaive, drift, ma, ses, holt, damped, holt-winters, ets, theta, mstl, croston, sba or tsb.", zh: "模型：auto、naive、snaive、drift、ma、ses、holt、damped、holt-winters、ets、theta、mstl、croston、sba 或 tsb。") }
    static var selectHelp: Localized { .init(en: "How --model auto chooses: aicc (ETS by AICc, SBA for intermittent demand) or backtest (lowest rolling-origin MASE).", zh: "--model auto 的选择方式：aicc（按 AICc 选 ETS，间断需求用 SBA）或 backtest（滚动回测 MASE 最低）。") }
    static var levelHelp: Localized { .init(en: "Interval coverages in percent, e.g. 80,95.", zh: "区间覆盖率（百分数），例如 80,95。") }
    static var plotHelp: Localized { .init(en: "Chart history, forecast and interval (always shown for a single series).", zh: "绘制历史、预测与区间（单个序列时总会绘制）。") }
    static var salesHelp: Localized { .init(en: "Sales dataset: one row per date (and per series).", zh: "销售数据集：每个日期（及每个序列）一行。") }
    static var dateHelp: Localized { .init(en: "Date column (date, date-time, or text such as 2026-01-31).", zh: "日期列（日期、日期时间，或如 2026-01-31 的文本）。") }
    static var valueHelp: Localized { .init(en: "Demand column (numeric).", zh: "需求列（数值）。") }
    static var byHelp: Localized { .init(en: "Series column, e.g. the SKU: one forecast per value.", zh: "序列列，如 SKU：每个取值一条预测。") }
    static var freqHelp: Localized { .init(en: "Frequency: auto, H, D, W or M.", zh: "频率：auto、H、D、W 或 M。") }
    static var seasonHelp: Localized { .init(en: "Seasonal periods: auto (H 24,168; D 7 and 365 on long series; W 52; M 12), N or N1,N2, or none.", zh: "季节周期：auto（H 24,168；D 7，长序列加 365；W 52；M 12）、N 或 N1,N2，或 none。") }
    static var negativeHelp: Localized { .init(en: "Negative demand: keep (with a warning), clip (to 0) or error.", zh: "负需求：keep（保留并警告）、clip（置为 0）或 error（报错）。") }
    static var horizonHelp: Localized { .init(en: "Forecast horizon in periods (1 to 10000).", zh: "预测期数（1 到 10000）。") }
}
