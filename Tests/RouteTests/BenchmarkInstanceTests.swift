import Foundation
import OpsKit
import OpsKitTesting
import Testing

@testable import Route

@Suite(.enabled(if: SharedData.exists("vrp/A-n32-k5.vrp"), "needs ../shared/data/vrp next to the repository"))
struct BenchmarkInstanceTests {
    private func load(_ name: String) throws -> InstanceFile {
        let url = SharedData.url("vrp/" + name)
        return try InstanceFile.parse(String(contentsOf: url, encoding: .utf8), file: name)
    }

    /// The shipped CVRPLIB solution of A-n32-k5 re-costs to its BKS, 784.
    @Test func knownSolutionCostsItsBKS() throws {
        let instance = try load("A-n32-k5.vrp").makeInstance()
        let routes = [[21, 31, 19, 17, 13, 7, 26], [12, 1, 16, 30], [27, 24], [29, 18, 8, 9, 22, 15, 10, 25, 5, 20], [14, 28, 11, 4, 23, 3, 2, 6]]
        let evaluation = RouteEvaluation(instance: instance, routes: routes)
        #expect(evaluation.distance == 784)
        #expect(evaluation.violations.isEmpty)
    }

    /// The search reaches A-n32-k5's best known 784 (within 1%) in a fixed iteration budget.
    @Test func reachesBKSOnA32() throws {
        let instance = try load("A-n32-k5.vrp").makeInstance()
        let outcome = RoutingSolver(instance: instance).solve(budget: SearchBudget(iterations: 20_000, timeLimit: 20, seed: 1))
        #expect(outcome.unassigned.isEmpty)
        #expect(outcome.distance <= 784 * 1.01)
        #expect(RouteEvaluation(instance: instance, routes: outcome.routes).violations.isEmpty)
        #expect(outcome.routes.flatMap { $0 }.sorted() == Array(1...31))
    }

    /// Solomon C101 under the DIMACS convention: feasible, and close to 827.3.
    @Test func solvesSolomonC101Feasibly() throws {
        let file = try load("C101.txt")
        #expect(file.vehicles == 25 && file.capacity == 200 && file.convention == .dimacs)
        let instance = file.makeInstance()
        let outcome = RoutingSolver(instance: instance).solve(budget: SearchBudget(iterations: 5_000, timeLimit: 20, seed: 1))
        #expect(outcome.unassigned.isEmpty)
        #expect(RouteEvaluation(instance: instance, routes: outcome.routes).violations.isEmpty)
        #expect(outcome.distance <= 827.3 * 1.03)
    }
}
