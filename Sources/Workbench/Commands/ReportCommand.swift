import ArgumentParser
import OpsKit

/// `report FILE.html [--transcript T] [--title TEXT]`: the session, or a replayed transcript, as one HTML page.
struct ReportCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: WorkshopMessages.reportAbstract.encoded, discussion: WorkshopMessages.reportDiscussion.encoded)
    static let examples = ["report session.html", "report lesson1.html --transcript lesson1.opsb", "report 周报.html --title 十一月运营周报"]

    @Argument(help: ArgumentHelp(WorkshopMessages.reportFileHelp), completion: .file(extensions: ["html"])) var file: String
    @Option(help: ArgumentHelp(WorkshopMessages.reportTranscriptHelp), completion: .file(extensions: ["opsb"])) var transcript: String?
    @Option(help: ArgumentHelp(WorkshopMessages.reportTitleHelp)) var title: String?

    func run(in session: Session, context: CommandContext) throws {
        guard let transcript else {
            return try write(
                HTMLReport(
                    title: title ?? WorkshopMessages.reportSessionTitle,
                    subtitle: WorkshopMessages.reportSessionSubtitle(session.workspace.directory.path), log: session.log,
                    workspace: session.workspace), context: context)
        }
        let replay = try TranscriptReplay(like: session)
        try replay.run(path: FilePath.expandingTilde(transcript), checkCancellation: context.checkCancellation)
        // the replay's workspace lives as long as the replay: keep it until the page is written
        try withExtendedLifetime(replay) {
            try write(
                HTMLReport(
                    title: title ?? WorkshopMessages.reportTranscriptTitle(transcript), subtitle: WorkshopMessages.reportTranscriptSubtitle,
                    log: replay.session.log, workspace: replay.session.workspace), context: context)
        }
    }

    private func write(_ report: HTMLReport, context: CommandContext) throws {
        var report = report
        report.checkCancellation = context.checkCancellation
        let (html, charts) = try report.render()
        context.print(try OutputFile.write(html, to: file, context: context))
        context.print(WorkshopMessages.reportWritten(commands: report.log.count, charts: charts))
    }
}
