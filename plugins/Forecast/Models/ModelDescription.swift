import OpsKit

/// Plain words for a model's short code (`ets(M,N,M)` → "exponential smoothing:
/// multiplicative error, no trend, multiplicative season"), in the interface language.
enum ModelDescription {
    static func describe(_ code: String) -> String {
        var code = code
        var parts: [String] = []
        if code.hasSuffix("+events") {
            code.removeLast("+events".count)
            parts.append(Strings.withEvents)
        }
        return ([base(code)] + parts).joined(separator: Strings.listSeparator)
    }

    private static func base(_ code: String) -> String {
        if code.hasPrefix("combo(") { return Strings.comboModel }
        if code.hasPrefix("mstl(") { return Strings.mstlModel }
        if code.hasPrefix("ets("), code.hasSuffix(")") {
            let inner = code.dropFirst(4).dropLast().split(separator: ",").map(String.init)
            guard inner.count == 3 else { return code }
            return Strings.etsModel(error: component(inner[0]), trend: trend(inner[1]), season: component(inner[2]))
        }
        let name = code.prefix { $0.isLetter || $0 == "-" }
        switch name {
        case "naive": return Strings.naiveModel
        case "snaive": return Strings.seasonalNaiveModel
        case "drift": return Strings.driftModel
        case "ma": return Strings.movingAverageModel
        case "theta": return Strings.thetaModel
        case "croston": return Strings.crostonModel
        case "sba": return Strings.sbaModel
        case "tsb": return Strings.tsbModel
        default: return code
        }
    }

    private static func component(_ letter: String) -> Strings.Component {
        switch letter {
        case "A": return .additive
        case "M": return .multiplicative
        default: return .none
        }
    }

    private static func trend(_ text: String) -> Strings.Component {
        text.hasSuffix("d") ? .damped : component(text)
    }
}
