import Foundation
import OpsKit
import Testing

@testable import Workbench

/// External plugins over the process protocol: the Python examples, and plugins that misbehave.
@Suite struct ExternalPluginTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("plugins/external")

    /// A session with a `groups` dataset (the example of Welch's paper as reprinted on Wikipedia) and its own OPSBENCH_HOME.
    func makeSession() throws -> (Session, URL) {
        let session = try Session.temporary(plugins: [])
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-home-" + UUID().uuidString)
        session.usePlugins(from: home)
        let a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
        let b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
        try session.workspace.apply([
            .put(StagedDataset(
                name: "groups",
                dataset: try Dataset(columns: [
                    Column(name: "组", strings: Array(repeating: "A", count: a.count) + Array(repeating: "B", count: b.count)),
                    Column(name: "value", doubles: a + b),
                ]),
                provenance: Provenance(command: "test", inputs: [], seed: nil)))
        ])
        return (session, home)
    }

    /// Writes a Python plugin that uses the SDK and behaves as `body` says on `run`.
    func writePlugin(_ name: String, run body: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-plugins-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = """
            import os, sys, time
            sys.path.insert(0, \(Self.examples.path.debugDescription))
            from opsbench_plugin import Plugin, Option
            plugin = Plugin("\(name)", "0.0.1", summary="test")
            @plugin.command("go", abstract="go", options=[Option("dataset", kind="positional", completion="dataset")])
            def go(ctx, dataset):
            \(body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            plugin.main()
            """
        let path = folder.appendingPathComponent(name + ".py").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func welchTTestMatchesSciPyAndCommitsItsResult() throws {
        let (session, _) = try makeSession()
        let added = session.execute("plugin add \(Self.examples.path)/stats.py")
        #expect(added.succeeded, "\(added.output)")
        let result = session.execute("stats ttest groups --value value --by 组 --as welch")
        #expect(result.succeeded, "\(result.output)")
        #expect(result.output.contains("t = -2.4554, df = 24.99, p = 0.02138"))
        let welch = try session.workspace.dataset(named: "welch")
        // scipy 1.17.1: stats.ttest_ind(a, b, equal_var=False) on the same data, computed once:
        // statistic -2.455356398286006, pvalue 0.021378001462866992, df 24.988529290231416
        let t = try welch.column("t").requireNumeric()[0], p = try welch.column("p_value").requireNumeric()[0]
        let df = try welch.column("df").requireNumeric()[0]
        #expect(abs(t - -2.455356398286006) < 1e-12)
        #expect(abs(p - 0.021378001462866992) < 1e-12)
        #expect(abs(df - 24.988529290231416) < 1e-9)
        #expect(session.workspace.entry(named: "welch")?.provenance?.inputs == ["groups"])
    }

    @Test func helpAndCompletionComeFromTheCacheAndValuesAreChecked() throws {
        let (session, home) = try makeSession()
        #expect(session.execute("plugin add \(Self.examples.path)/stats.py").succeeded)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("plugins/stats.json").path))
        // a new session on the same home knows the plugin without starting it
        let later = try Session.temporary(plugins: [])
        later.usePlugins(from: home)
        let help = later.execute("help stats ttest").output
        #expect(help.contains("stats ttest <dataset> --value <value> --by <by>"))
        #expect(help.contains("EXAMPLES") || help.contains("示例"))
        let groups = StagedDataset(
            name: "groups", dataset: try session.workspace.dataset(named: "groups"), provenance: Provenance(command: "t", inputs: [], seed: nil))
        try later.workspace.apply([.put(groups)])
        let completion = Completer(session: later).complete("stats ttest groups --value ")
        #expect(completion.candidates == ["value", "组"])
        let missing = later.execute("stats ttest groups --by 组")
        #expect(!missing.succeeded)
        #expect(missing.error?.code == .missingArgument)
        #expect(missing.error?.option == "--value")
    }

    @Test func completesColumnsOfTheDatasetAnotherOptionNames() throws {
        let (session, _) = try makeSession()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opsbench-plugins-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("stock.py").path
        try """
            import sys
            sys.path.insert(0, \(Self.examples.path.debugDescription))
            from opsbench_plugin import Plugin, Option
            plugin = Plugin("stock", "0.0.1", summary="test")
            @plugin.command("plan", abstract="plan", options=[
                Option("forecasts", kind="positional", completion="dataset"),
                Option("--on-hand", completion="dataset", required=False),
                Option("--stock", completion=("columns", "--on-hand"), required=False)])
            def plan(ctx, forecasts, on_hand, stock):
                ctx.print(stock)
            plugin.main()
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(session.execute("plugin add \(path)").succeeded)
        try session.workspace.apply([
            .put(StagedDataset(
                name: "inventory", dataset: try Dataset(columns: [Column(name: "库存", doubles: [1]), Column(name: "sku", strings: ["a"])]),
                provenance: Provenance(command: "t", inputs: [], seed: nil)))
        ])
        let completer = Completer(session: session)
        #expect(completer.complete("stock plan groups --on-hand inventory --stock ").candidates == ["sku", "库存"])
        #expect(completer.complete("stock plan groups --on-hand inv").candidates == ["inventory"])
        #expect(session.execute("stock plan groups --on-hand inventory --stock 库存").output == "库存\n")
    }

    @Test func hello() throws {
        let (session, _) = try makeSession()
        #expect(session.execute("plugin add \(Self.examples.path)/hello.py").succeeded)
        #expect(session.execute("hello greet --name 小明").output.contains("小明"))
        #expect(session.execute("plugin list").output.contains("hello"))
        #expect(session.execute("plugin remove hello").succeeded)
        #expect(session.execute("hello greet").error?.code == .unknownCommand)
    }

    @Test func sessionSurvivesAPluginThatDiesMidCall() throws {
        let (session, _) = try makeSession()
        let path = try writePlugin("crashy", run: "ctx.print('working')\nctx.store('half', {'x': [1]})\nos._exit(3)")
        #expect(session.execute("plugin add \(path)").succeeded)
        let before = session.workspace.datasetNames
        let result = session.execute("crashy go groups")
        #expect(!result.succeeded)
        #expect(result.error?.code == .plugin)
        #expect(result.output.contains("crashy"))
        #expect(session.workspace.datasetNames == before)
        #expect(session.execute("datasets").succeeded)
        // the next call starts the plugin afresh (and it dies again, reported again)
        #expect(session.execute("crashy go groups").error?.code == .plugin)
    }

    @Test func garbageAndHangsAreReported() throws {
        let (session, _) = try makeSession()
        let noisy = try writePlugin("noisy", run: "plugin._out.write('this is not json\\n'); plugin._out.flush()\ntime.sleep(5)")
        #expect(session.execute("plugin add \(noisy)").succeeded)
        let garbage = session.execute("noisy go groups")
        #expect(garbage.error?.code == .plugin)
        #expect(garbage.output.contains("this is not json"))
        let slow = try writePlugin("slow", run: "time.sleep(30)")
        #expect(session.execute("plugin add \(slow)").succeeded)
        session.externalHost.runTimeout = 1
        let started = Date()
        let hang = session.execute("slow go groups")
        #expect(hang.error?.code == .plugin)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(session.execute("datasets").succeeded)
    }

    @Test func pluginErrorsKeepTheirCodeAndOption() throws {
        let (session, _) = try makeSession()
        #expect(session.execute("plugin add \(Self.examples.path)/stats.py").succeeded)
        let result = session.execute("stats ttest groups --value value --by 组 --groups A,C")
        #expect(result.error?.code == .invalidValue)
        #expect(result.error?.option == "--groups")
        #expect(!session.workspace.datasetNames.contains("ttest"))
    }
}
