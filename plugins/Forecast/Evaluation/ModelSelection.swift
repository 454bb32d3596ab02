/// `--select backtest`: the candidate with the lowest rolling-origin MASE wins.
enum ModelSelection {
    /// Candidates for a series: Croston/SBA/TSB for intermittent demand, otherwise
    /// the automatic model, AutoETS, Theta, damped trend and (seasonal series) seasonal naive.
    static func candidates(for profile: SeriesProfile) -> [ModelKind] {
        if profile.isIntermittent { return [.croston, .sba, .tsb] }
        return profile.seasons.isEmpty ? [.auto, .theta, .damped, .naive] : [.auto, .ets, .theta, .damped, .snaive]
    }

    /// The best candidate and its backtest score (MASE, then sMAPE on ties or when MASE is undefined).
    static func choose(_ y: [Double], seasons: [Int], horizon: Int, folds: Int) -> (ModelKind, BacktestScore)? {
        let profile = SeriesProfile(y, seasons: seasons)
        var best: (ModelKind, BacktestScore)?
        for kind in candidates(for: profile) {
            guard let score = Backtest.evaluate(y, model: kind, seasons: seasons, horizon: horizon, folds: folds) else { continue }
            if let current = best {
                let a = score.mase.isNaN ? score.smape : score.mase, b = current.1.mase.isNaN ? current.1.smape : current.1.mase
                if a < b { best = (kind, score) }
            } else {
                best = (kind, score)
            }
        }
        return best
    }
}
