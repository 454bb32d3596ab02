import ArgumentParser
import OpsKit

// The typed option values of the forecast commands: ranges and choices with their help.

/// `--horizon`, `--lead-time`: from one period to ten thousand.
enum PeriodCount: RangeSpec { static let range = ValueRange(1...10_000) }

/// `--review-period`: 0 (continuous review) to ten thousand periods.
enum ReviewPeriods: RangeSpec { static let range = ValueRange(0...10_000) }

/// `--folds`: rolling origins of a backtest.
enum FoldCount: RangeSpec { static let range = ValueRange(1...100) }

/// `--service-level`: the cycle service level a policy aims at.
enum ServiceLevel: RangeSpec { static let range = ValueRange(0.5...0.9999) }

/// `--season N`: a seasonal period.
enum SeasonLength: RangeSpec { static let range = ValueRange(1...10_000) }

/// A catalogue text in both languages, for a choice's help.
private func bothLanguages(_ text: @autoclosure () -> String) -> Localized {
    Localized(en: Language.with(.en, text), zh: Language.with(.zh, text))
}

extension ModelKind: ChoiceOption {
    var help: Localized {
        switch self {
        case .auto: return .init(en: "chosen per series (see --select)", zh: "按序列自动选择（见 --select）")
        case .naive: return bothLanguages(Strings.naiveModel)
        case .snaive: return bothLanguages(Strings.seasonalNaiveModel)
        case .drift: return bothLanguages(Strings.driftModel)
        case .ma: return bothLanguages(Strings.movingAverageModel)
        case .ses: return .init(en: "simple exponential smoothing", zh: "简单指数平滑")
        case .holt: return .init(en: "Holt's linear trend", zh: "Holt 线性趋势法")
        case .damped: return .init(en: "Holt's damped trend", zh: "Holt 阻尼趋势法")
        case .holtWinters: return .init(en: "Holt-Winters (trend and season)", zh: "Holt-Winters（趋势与季节）")
        case .ets: return .init(en: "exponential smoothing chosen by AICc", zh: "按 AICc 选择的指数平滑")
        case .theta: return bothLanguages(Strings.thetaModel)
        case .mstl: return bothLanguages(Strings.mstlModel)
        case .croston: return bothLanguages(Strings.crostonModel)
        case .sba: return bothLanguages(Strings.sbaModel)
        case .tsb: return bothLanguages(Strings.tsbModel)
        }
    }
}

/// `--select`: how `--model auto` chooses.
enum ModelSelectionRule: String, ChoiceOption {
    case aicc, backtest

    var help: Localized {
        switch self {
        case .aicc: return .init(en: "ETS by AICc, SBA for intermittent demand", zh: "按 AICc 选 ETS，间断需求用 SBA")
        case .backtest: return .init(en: "the lowest rolling-origin MASE", zh: "滚动回测 MASE 最低者")
        }
    }
}

extension Frequency: ChoiceOption {
    var help: Localized {
        switch self {
        case .hourly: return .init(en: "hourly", zh: "每小时")
        case .daily: return .init(en: "daily", zh: "每日")
        case .weekly: return .init(en: "weekly", zh: "每周")
        case .monthly: return .init(en: "monthly", zh: "每月")
        }
    }
}

extension NegativePolicy: ChoiceOption {
    var help: Localized {
        switch self {
        case .keep: return .init(en: "keep negative demand, with a warning", zh: "保留负需求并警告")
        case .clip: return .init(en: "set negative demand to 0", zh: "把负需求置为 0")
        case .error: return .init(en: "refuse a series with negative demand", zh: "遇到负需求即报错")
        }
    }
}

extension GapPolicy: ChoiceOption {
    var help: Localized {
        switch self {
        case .missing: return .init(en: "unknown, not read as demand", zh: "未知，不当作需求")
        case .zero: return .init(en: "no sale that period", zh: "当期无销售")
        }
    }
}
