import Foundation
import OpsKit
import Testing

@testable import Workbench

@Suite struct SessionTests {
    func makeSession() throws -> Session {
        let session = try Session.temporary(plugins: [ProbePlugin.self])
        try session.workspace.apply([
            .put(StagedDataset(
                name: "users",
                dataset: try Dataset(columns: [
                    Column(name: "用户ID", strings: ["U1", "U2", "U3"]), Column(name: "购买金额", doubles: [1, 2, 3]),
                ]),
                provenance: Provenance(command: "test", inputs: [], seed: nil)))
        ])
        return session
    }

    @Test func runsAPluginCommandAndStoresItsResult() throws {
        let session = try makeSession()
        let result = session.execute("probe count users --as n")
        #expect(result.succeeded)
        #expect(result.output == "3 rows\n")
        #expect(try session.workspace.dataset(named: "n").columns[0].values == .integers([3]))
        #expect(session.workspace.entry(named: "n")?.provenance?.inputs == ["users"])
        #expect(session.workspace.entry(named: "n")?.provenance?.seed == 42)
    }

    @Test func failedCommandLeavesWorkspaceUnchanged() throws {
        let session = try makeSession()
        for kind in ["ops", "cancel", "other"] {
            let result = session.execute("probe fail --kind \(kind)")
            #expect(!result.succeeded)
            #expect(result.output.hasPrefix(kind == "cancel" ? "cancelled" : "error:"))
            #expect(session.workspace.datasetNames == ["users"])
        }
    }

    @Test func unknownCommandsSuggestTheClosest() throws {
        let session = try makeSession()
        let result = session.execute("prob count users")
        #expect(!result.succeeded)
        #expect(result.output.contains("unknown command 'prob' — did you mean 'probe'?"))
        #expect(session.execute("shwo users").output.contains("did you mean 'show'?"))
        let option = session.execute("probe count users --colum x")
        #expect(option.output.contains("did you mean '--column'?"))
        #expect(option.output.contains("help probe count"))
    }

    @Test func unknownColumnListsColumns() throws {
        let session = try makeSession()
        let result = session.execute("probe count users --column 购买金")
        #expect(!result.succeeded)
        #expect(result.output.contains("unknown column '购买金' in --column — did you mean '购买金额'?"))
        #expect(result.output.contains("columns: 用户ID, 购买金额"))
    }

    @Test func defaultCommandTakesTheRestOfTheLine() throws {
        let session = try makeSession()
        #expect(session.execute(#"probe "退货要多久?" b"#).output == "退货要多久?|b\n")
    }

    @Test func helpIsGeneratedWithExamples() throws {
        let session = try makeSession()
        let overview = session.execute("help").output
        #expect(overview.contains("load"))
        #expect(overview.contains("probe count"))
        let command = session.execute("help probe count").output
        #expect(command.contains("USAGE: probe count <dataset>"))
        #expect(command.contains("--as"))
        #expect(command.contains("EXAMPLES:\n  probe count users --as n"))
        #expect(session.execute("probe count --help").output == command)
        #expect(session.execute("help probe").output.contains("Commands:"))
        #expect(session.execute("plugins").output.contains("1.2.3"))
        #expect(session.execute("help probe cont").output.contains("unknown probe command 'cont' — did you mean 'count'?"))
    }

    @Test func setSeedChangesTheDefault() throws {
        let session = try makeSession()
        #expect(session.execute("set seed 7").succeeded)
        session.execute("probe count users")
        #expect(session.workspace.entry(named: "counts")?.provenance?.seed == 7)
        #expect(!session.execute("set seed minus").succeeded)
    }

    @Test func builtinsManageDatasets() throws {
        let session = try makeSession()
        #expect(session.execute("rename users customers").succeeded)
        #expect(session.workspace.datasetNames == ["customers"])
        #expect(session.execute("rename nothing x").output.contains("unknown dataset 'nothing'"))
        #expect(session.execute("show customers --rows 2").output.contains("… 1 more"))
        #expect(session.execute("schema customers").output.contains("购买金额  double"))
        #expect(session.execute("drop customers").succeeded)
        #expect(session.workspace.datasetNames.isEmpty)
        #expect(session.execute("datasets").output.contains("no datasets yet"))
    }

    @Test func historyListsCommands() throws {
        let session = try makeSession()
        session.execute("datasets")
        session.execute("# a comment")
        session.execute("set seed 3")
        #expect(session.execute("history").output == "    1  datasets\n    2  set seed 3\n")
    }
}
