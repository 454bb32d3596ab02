import ArgumentParser
import OpsKit

// The typed option values of the segment commands: ranges, choices with their help, `--k-range` and `--init`.

/// `--k`: from one cluster to a hundred thousand (values near Int.max are refused, not run).
enum ClusterCount: RangeSpec { static let range = ValueRange(1...100_000) }

/// `--n-init`: runs with different seeds.
enum RunCount: RangeSpec { static let range = ValueRange(1...1_000) }

/// `--max-iter`: iterations per run.
enum IterationCount: RangeSpec { static let range = ValueRange(1...1_000_000) }

/// `segment rfm --bins`: quantile bins per score.
enum BinCount: RangeSpec { static let range = ValueRange(2...10) }

/// `--by`: how `--k auto` picks K.
enum KChoiceRule: String, ChoiceOption {
    case silhouette, elbow

    var help: Localized {
        switch self {
        case .silhouette: return .init(en: "the K with the highest mean silhouette", zh: "平均轮廓系数最高的 K")
        case .elbow: return .init(en: "the elbow of the inertia curve (Kneedle)", zh: "惯性曲线的肘部（Kneedle 法）")
        }
    }
}

extension ScalingMethod: ChoiceOption {
    var help: Localized {
        switch self {
        case .standard: return .init(en: "subtract the mean, divide by the standard deviation", zh: "减均值、除以标准差")
        case .minmax: return .init(en: "map each feature onto 0…1", zh: "把每个特征映射到 0…1")
        case .robust: return .init(en: "subtract the median, divide by the interquartile range", zh: "减中位数、除以四分位距")
        case .log1p: return .init(en: "log(1 + x), then standard (for skewed spend)", zh: "先取 log(1 + x)，再标准化（适合偏态的消费金额）")
        case .none: return .init(en: "use the values as they are", zh: "不缩放，直接使用原值")
        }
    }
}

extension MissingPolicy: ChoiceOption {
    var help: Localized {
        switch self {
        case .drop: return .init(en: "leave out rows with empty cells", zh: "去掉有空值的行")
        case .mean: return .init(en: "fill empty cells with the column mean", zh: "用列均值填补空值")
        }
    }
}

extension KMeansAlgorithm: ChoiceOption {
    var help: Localized {
        switch self {
        case .lloyd: return .init(en: "full Lloyd iterations (exact)", zh: "完整的 Lloyd 迭代（精确）")
        case .minibatch: return .init(en: "mini-batch K-Means (for millions of rows)", zh: "小批量 K-Means（适合数百万行）")
        }
    }
}

extension KMeansRefinement: ChoiceOption {
    var help: Localized {
        switch self {
        case .hartigan:
            return .init(
                en: "after Lloyd, move single rows while that lowers the inertia (Hartigan)",
                zh: "Lloyd 之后逐行移动，只要能降低簇内平方和（Hartigan 法）")
        case .none: return .init(en: "keep Lloyd's result as it is", zh: "保留 Lloyd 的结果不变")
        }
    }
}

extension RFMMap: ChoiceOption {
    var help: Localized {
        switch self {
        case .grid: return .init(en: "the cells of the R/F grid", zh: "R/F 网格的各个格子")
        case .ranges: return .init(en: "the score ranges of the R rfm package", zh: "R 语言 rfm 包的分数区间")
        case .cn8: return .init(en: "the eight groups of Chinese marketing (重要价值客户 …)", zh: "八类客户（重要价值客户等）")
        }
    }
}

extension CN8Map.Split: ChoiceOption {
    var help: Localized {
        switch self {
        case .mean: return .init(en: "high means above the mean", zh: "高于均值为高")
        case .median: return .init(en: "high means above the median", zh: "高于中位数为高")
        }
    }
}

/// `--k-range LOW-HIGH`: the K tried by `--k auto`, each from 2 up to ``ClusterCount``'s largest.
enum KRangeBound: RangeSpec { static let range = ValueRange(lower: 2, upper: ClusterCount.range.upper) }
typealias ClusterRange = IntegerRange<KRangeBound>

/// `--init`: a seeding method, or the name of a dataset of centres in original units.
enum InitialCentres: DescribedValue, CustomStringConvertible {
    /// The seeding methods `--init` names.
    enum Method: String, ChoiceOption {
        case kMeansPlusPlus = "k-means++"
        case random

        static var aliases: [String: Method] { ["kmeans++": .kMeansPlusPlus] }

        var help: Localized {
            switch self {
            case .kMeansPlusPlus: return .init(en: "spread-out seeds (greedy k-means++)", zh: "分散的初始中心（贪心 k-means++）")
            case .random: return .init(en: "k distinct random rows", zh: "随机选取 k 个不同的行")
            }
        }
    }

    case method(Method)
    case dataset(String)

    init?(argument: String) {
        if let method = Method(argument: argument) { self = .method(method) } else { self = .dataset(argument) }
    }

    static var valueSpec: ValueSpec { .text }
    static var defaultCompletionKind: CompletionKind { .dataset }

    var description: String {
        switch self {
        case .method(let method): return method.rawValue
        case .dataset(let name): return name
        }
    }

    var defaultValueDescription: String { description }
}
