import Foundation

/// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking
/// Armijo line search, for smooth convex objectives with millions of
/// parameters. Curvature pairs are kept in `Float` to halve their memory.
struct LBFGS {
    var memory = 6
    var maxIterations = 300
    /// Stop when every gradient component is at most this (scikit-learn's `tol`).
    var gradientTolerance = 1e-4
    /// Stop when the relative decrease of the objective falls below this.
    var relativeTolerance = 1e-10

    struct Outcome {
        let iterations: Int
        let evaluations: Int
        let value: Double
        let converged: Bool
    }

    typealias Objective = (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Double

    /// Minimises `objective` from `x` (updated in place). `onIteration(iteration, value)`
    /// may throw (cancellation) to stop early.
    func minimize(
        _ x: inout [Double], objective: Objective, onIteration: (Int, Double) throws -> Void
    ) rethrows -> Outcome {
        let n = x.count
        var gradient = [Double](repeating: 0, count: n)
        var value = evaluate(objective, x, &gradient)
        var evaluations = 1
        var sHistory: [[Float]] = [], yHistory: [[Float]] = [], rhoHistory: [Double] = []
        var direction = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        var trialGradient = [Double](repeating: 0, count: n)
        var alphas = [Double](repeating: 0, count: memory)
        for iteration in 1...maxIterations {
            if Vector.maxAbs(gradient) <= gradientTolerance {
                return Outcome(iterations: iteration - 1, evaluations: evaluations, value: value, converged: true)
            }
            // Two-loop recursion: direction = -H·g.
            for i in 0..<n { direction[i] = -gradient[i] }
            for m in stride(from: sHistory.count - 1, through: 0, by: -1) {
                alphas[m] = rhoHistory[m] * Vector.dot(sHistory[m], direction)
                Vector.axpy(-alphas[m], yHistory[m], &direction)
            }
            if let s = sHistory.last, let y = yHistory.last {
                let gamma = Vector.dot(s, y) / Vector.dot(y, y)
                for i in 0..<n { direction[i] *= gamma }
            }
            for m in 0..<sHistory.count {
                let beta = rhoHistory[m] * Vector.dot(yHistory[m], direction)
                Vector.axpy(alphas[m] - beta, sHistory[m], &direction)
            }
            var slope = Vector.dot(gradient, direction)
            if slope >= 0 {  // not a descent direction: restart from steepest descent
                for i in 0..<n { direction[i] = -gradient[i] }
                slope = Vector.dot(gradient, direction)
                sHistory.removeAll(); yHistory.removeAll(); rhoHistory.removeAll()
            }
            var step = sHistory.isEmpty ? Swift.min(1, 1 / Swift.max(Vector.norm(gradient), 1e-12)) : 1
            var trialValue = 0.0
            var accepted = false
            for _ in 0..<40 {
                for i in 0..<n { trial[i] = x[i] + step * direction[i] }
                trialValue = evaluate(objective, trial, &trialGradient)
                evaluations += 1
                if trialValue <= value + 1e-4 * step * slope { accepted = true; break }
                let quadratic = -slope * step * step / (2 * (trialValue - value - slope * step))
                step = quadratic.isFinite ? Swift.min(Swift.max(quadratic, 0.1 * step), 0.5 * step) : 0.5 * step
            }
            guard accepted else {
                return Outcome(iterations: iteration, evaluations: evaluations, value: value, converged: false)
            }
            var s = [Float](repeating: 0, count: n), y = [Float](repeating: 0, count: n)
            for i in 0..<n {
                s[i] = Float(trial[i] - x[i])
                y[i] = Float(trialGradient[i] - gradient[i])
            }
            let curvature = Vector.dot(y, s)
            if curvature > 1e-12 {
                if sHistory.count == memory { sHistory.removeFirst(); yHistory.removeFirst(); rhoHistory.removeFirst() }
                sHistory.append(s); yHistory.append(y); rhoHistory.append(1 / curvature)
            }
            let decrease = (value - trialValue) / Swift.max(abs(value), abs(trialValue), 1)
            swap(&x, &trial)
            swap(&gradient, &trialGradient)
            value = trialValue
            try onIteration(iteration, value)
            if decrease <= relativeTolerance {
                return Outcome(iterations: iteration, evaluations: evaluations, value: value, converged: true)
            }
        }
        return Outcome(iterations: maxIterations, evaluations: evaluations, value: value, converged: false)
    }

    private func evaluate(_ objective: Objective, _ x: [Double], _ gradient: inout [Double]) -> Double {
        x.withUnsafeBufferPointer { xp in gradient.withUnsafeMutableBufferPointer { objective(xp, $0) } }
    }
}

/// Dense vector kernels over contiguous buffers.
enum Vector {
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<a.count { sum += a[i] * b[i] }
                return sum
            }
        }
    }

    static func dot(_ a: [Float], _ b: [Float]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<a.count { sum += Double(a[i]) * Double(b[i]) }
                return sum
            }
        }
    }

    static func dot(_ a: [Float], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum = 0.0
                for i in 0..<a.count { sum += Double(a[i]) * b[i] }
                return sum
            }
        }
    }

    /// y += alpha · x
    static func axpy(_ alpha: Double, _ x: [Float], _ y: inout [Double]) {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                for i in 0..<x.count { y[i] += alpha * Double(x[i]) }
            }
        }
    }

    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

    static func maxAbs(_ a: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            var m = 0.0
            for v in a { m = Swift.max(m, abs(v)) }
            return m
        }
    }
}
