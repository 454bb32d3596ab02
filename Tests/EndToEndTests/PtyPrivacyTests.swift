import Foundation
import Testing

/// Phone numbers typed at the interactive shell are masked in the history file.
@Suite(.serialized, .enabled(if: OpsbenchBinary.isBuilt, "the opsbench binary is not built: run swift build before swift test"))
struct PtyPrivacyTests {
    @Test func theHistoryFileKeepsPhoneNumbersMasked() throws {
        let directory = try TemporaryDirectory()
        let terminal = try PseudoTerminal(in: directory)
        try #require(terminal.waitFor("opsbench>"), "no prompt; \(terminal.dump)")
        terminal.type("set phone 13812345678" + PseudoTerminal.enter)
        try #require(terminal.waitFor("phone = 13812345678"), "\(terminal.dump)")
        terminal.type("set office \"(021) 1234 5678\"" + PseudoTerminal.enter)
        try #require(terminal.waitFor("opsbench>", count: 3), "\(terminal.dump)")
        terminal.type("quit" + PseudoTerminal.enter)
        #expect(terminal.waitForExit() == 0)
        let saved = try directory.read("history")
        #expect(!saved.contains("13812345678") && !saved.contains("1234"), "\(saved)")
        #expect(saved.contains("5678") && saved.contains("phone"), "\(saved)")
    }
}
