import ArgumentParser
import OpsKit

// The typed option values of the recommend commands: ranges and choices with their help.

/// `--beta` of RP3beta: popularity penalty from 0 (none) to 2.
enum PopularityPenalty: RangeSpec { static let range = ValueRange(0.0...2.0) }

/// `--test-fraction`: strictly between 0 and 1.
enum OpenFraction: RangeSpec { static let range = ValueRange<Double>.between(exclusive: 0, 1) }

extension Method: ChoiceOption {
    var help: Localized {
        switch self {
        case .itemknn: return .init(en: "item-based neighbours (cosine, shrunk)", zh: "基于商品的近邻（余弦相似度，带收缩）")
        case .rp3beta: return .init(en: "random walk with a popularity penalty (--beta)", zh: "带流行度惩罚的随机游走（--beta）")
        case .ease: return .init(en: "EASE linear model (up to 8,000 items)", zh: "EASE 线性模型（最多 8,000 个商品）")
        case .content: return .init(en: "similar item texts (needs --catalog)", zh: "商品文本相似（需要 --catalog）")
        case .popular: return .init(en: "the most bought items", zh: "最畅销的商品")
        case .hybrid: return .init(en: "item neighbours blended with texts (needs --catalog)", zh: "商品近邻与文本相似的融合（需要 --catalog）")
        case .auto: return .init(en: "chosen on a validation split", zh: "按验证集自动选择")
        }
    }
}

extension Damping: ChoiceOption {
    var help: Localized {
        switch self {
        case .none: return .init(en: "the total as it is", zh: "合计本身")
        case .binary: return .init(en: "1 for any purchase", zh: "购买过即为 1")
        case .log: return .init(en: "ln(1 + total)", zh: "ln(1 + 合计)")
        case .bm25: return .init(en: "saturating at 2.2 (BM25, k₁ = 1.2)", zh: "饱和至 2.2（BM25，k₁ = 1.2）")
        }
    }
}

extension SplitKind: ChoiceOption {
    var help: Localized {
        switch self {
        case .leaveLast: return .init(en: "each user's last basket (or last time, or last row)", zh: "每位用户的最后一单（或最后时间、最后一行）")
        case .time: return .init(en: "every row from one cut-off time on (--cutoff)", zh: "某个截止时间（--cutoff）及之后的所有行")
        case .random: return .init(en: "a seeded random --test-fraction of each user's rows", zh: "每位用户随机留出 --test-fraction 比例的行（可复现）")
        }
    }
}
