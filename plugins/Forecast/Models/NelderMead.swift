/// Derivative-free minimisation (Nelder–Mead simplex with the standard
/// reflection 1, expansion 2, contraction ½ and shrink ½), as R's `optim`
/// uses for exponential smoothing. Infeasible points return `.infinity`.
struct NelderMead {
    /// Stop when the simplex's best and worst values agree to this relative tolerance.
    var relativeTolerance = 1e-8
    /// Upper bound on objective evaluations.
    var maxEvaluations = 1000

    /// Minimises `objective` from `start`, with a first simplex spread by `steps`.
    /// `objective` receives a scratch vector of the same length as `start`.
    func minimize(
        start: [Double], steps: [Double], objective: (UnsafeBufferPointer<Double>) -> Double
    ) -> (point: [Double], value: Double, evaluations: Int) {
        let d = start.count
        let stride = d
        // vertices stored row-wise in one flat buffer: (d + 1) × d
        var vertices = [Double](repeating: 0, count: (d + 1) * d)
        var values = [Double](repeating: 0, count: d + 1)
        var centroid = [Double](repeating: 0, count: d)
        var trial = [Double](repeating: 0, count: d)
        var trial2 = [Double](repeating: 0, count: d)
        var evaluations = 0
        func evaluate(_ point: [Double]) -> Double {
            evaluations += 1
            let v = point.withUnsafeBufferPointer { objective($0) }
            return v.isNaN ? .infinity : v
        }
        func replace(_ index: Int, with point: [Double], value: Double) {
            for j in 0..<d { vertices[index * stride + j] = point[j] }
            values[index] = value
        }
        for i in 0...d {
            for j in 0..<d { vertices[i * stride + j] = start[j] + (i == j + 1 ? steps[j] : 0) }
            values[i] = evaluate(Array(vertices[(i * stride)..<(i * stride + d)]))
        }
        var order = Array(0...d)
        while evaluations < maxEvaluations {
            order.sort { values[$0] < values[$1] }
            let best = order[0], worst = order[d], secondWorst = order[d - 1]
            let fBest = values[best], fWorst = values[worst]
            if fWorst.isFinite, abs(fWorst - fBest) <= relativeTolerance * (abs(fBest) + relativeTolerance) { break }
            for j in 0..<d { centroid[j] = 0 }
            for i in 0...d where i != worst {
                for j in 0..<d { centroid[j] += vertices[i * stride + j] }
            }
            for j in 0..<d { centroid[j] /= Double(d) }
            for j in 0..<d { trial[j] = centroid[j] + (centroid[j] - vertices[worst * stride + j]) }
            let fReflect = evaluate(trial)
            if fReflect < fBest {
                for j in 0..<d { trial2[j] = centroid[j] + 2 * (centroid[j] - vertices[worst * stride + j]) }
                let fExpand = evaluate(trial2)
                if fExpand < fReflect { replace(worst, with: trial2, value: fExpand) } else { replace(worst, with: trial, value: fReflect) }
                continue
            }
            if fReflect < values[secondWorst] {
                replace(worst, with: trial, value: fReflect)
                continue
            }
            let outside = fReflect < fWorst
            for j in 0..<d {
                let far = outside ? trial[j] : vertices[worst * stride + j]
                trial2[j] = centroid[j] + 0.5 * (far - centroid[j])
            }
            let fContract = evaluate(trial2)
            if fContract < min(fReflect, fWorst) {
                replace(worst, with: trial2, value: fContract)
                continue
            }
            if outside, fReflect < fWorst { replace(worst, with: trial, value: fReflect) }
            for i in 0...d where i != best {
                for j in 0..<d {
                    vertices[i * stride + j] = vertices[best * stride + j] + 0.5 * (vertices[i * stride + j] - vertices[best * stride + j])
                    trial[j] = vertices[i * stride + j]
                }
                values[i] = evaluate(trial)
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return (Array(vertices[(bestIndex * stride)..<(bestIndex * stride + d)]), values[bestIndex], evaluations)
    }
}
