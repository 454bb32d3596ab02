import Foundation
import OpsKit

/// How long the search runs. With an iteration budget the annealing schedule
/// follows the iteration count, so the same seed and count give the same
/// routes on every machine (a time limit then only cuts the search short).
/// Without one, the schedule follows the clock up to the time limit.
public struct SearchBudget: Sendable {
    public var iterations: Int?
    public var timeLimit: Double?
    public var seed: UInt64

    public init(iterations: Int?, timeLimit: Double?, seed: UInt64) {
        self.iterations = iterations
        self.timeLimit = timeLimit
        self.seed = seed
    }
}

/// The routes found and how the search went.
public struct SolveOutcome: Sendable {
    /// Customer node indices (1...n) per route, in visiting order.
    public var routes: [[Int]]
    public var distance: Double
    /// Customers that no route could take (non-empty only when the fleet or time windows are too tight).
    public var unassigned: [Int]
    public var iterations: Int
    public var initialDistance: Double
    public var stoppedEarly: Bool
}

/// Savings construction, granular local search, then SISR ruin-and-recreate
/// under simulated annealing, with local search on every new best solution.
public final class RoutingSolver {
    let space: SearchSpace

    public init(instance: Instance) {
        space = SearchSpace(instance: instance)
    }

    /// Runs the search. `shouldStop` is polled (Ctrl-C); `progress` gets the
    /// iteration count and the best distance so far, every 128 iterations and
    /// whenever the best improves.
    public func solve(
        budget: SearchBudget, shouldStop: () -> Bool = { false }, progress: (Int, Double) -> Void = { _, _ in }
    ) -> SolveOutcome {
        let clock = ContinuousClock.now
        func elapsed() -> Double {
            let d = ContinuousClock.now - clock
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        var rng = SeededGenerator(seed: budget.seed)
        let current = space.makeState(), candidate = space.makeState(), best = space.makeState()
        space.load(Savings.construct(space), into: current)
        let initial = space.recomputeDistance(current)
        let search = LocalSearch(space: space)
        search.run(current, rng: &rng)
        best.copy(from: current)
        progress(0, best.distance)
        let penalty = unassignedPenalty()
        func objective(_ s: RouteState) -> Double { s.distance + penalty * Double(s.unassignedCount) }
        let edges = Double(space.customers + max(1, current.usedRoutes))
        // Temperatures relative to the average edge of the first solution, so that any distance scale works.
        let averageEdge = current.distance / edges
        let startTemperature = 0.5 * averageEdge, endTemperature = 0.005 * averageEdge
        let ruin = RuinRecreate(space: space)
        let limit = budget.iterations ?? Int.max
        var iteration = 0, stoppedEarly = false, temperature = startTemperature
        while iteration < limit {
            if iteration & 127 == 0 {
                if shouldStop() { stoppedEarly = true; break }
                let seconds = elapsed()
                if let t = budget.timeLimit, seconds >= t { break }
                // The schedule follows the iteration budget when there is one (reproducible), else the clock.
                let fraction = budget.iterations.map { Double(iteration) / Double(max(1, $0)) }
                    ?? budget.timeLimit.map { seconds / $0 } ?? 1
                temperature = startTemperature * pow(endTemperature / startTemperature, min(1, fraction))
                progress(iteration, best.distance)
            }
            iteration += 1
            candidate.copy(from: current)
            guard ruin.apply(candidate, rng: &rng) else { continue }
            let threshold = objective(current) - temperature * log(1 - rng.nextUnit())
            guard objective(candidate) < threshold else { continue }
            current.copy(from: candidate)
            if current.unassignedCount == 0 && (best.unassignedCount > 0 || current.distance < best.distance - 1e-9) {
                search.run(current, rng: &rng)
                best.copy(from: current)
                progress(iteration, best.distance)
            }
        }
        return SolveOutcome(
            routes: best.routes(), distance: space.recomputeDistance(best),
            unassigned: (0..<best.unassignedCount).map { Int(best.unassigned[$0]) },
            iterations: iteration, initialDistance: initial, stoppedEarly: stoppedEarly)
    }

    /// The cost of leaving a customer out: more than any single insertion can cost.
    private func unassignedPenalty() -> Double {
        var far = 0.0
        for c in stride(from: 1, through: space.customers, by: 1) { far = max(far, space.d(0, c)) }
        return 4 * far + 1
    }
}
