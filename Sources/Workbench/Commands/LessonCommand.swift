import ArgumentParser
import Foundation
import OpsKit

/// `lesson FILE|NAME [--restart]`, `lesson check`, `lesson hint`, `lesson answer`, `lesson list`:
/// a guided lesson run inside the REPL, its progress kept in the workspace.
struct LessonCommand: BuiltinCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: LessonMessages.abstract.encoded, discussion: LessonMessages.discussion.encoded)
    static let examples = ["lesson list", "lesson 用户画像", "lesson check", "lesson hint", "lesson examples/lessons/供应链.lesson --restart"]

    @Argument(help: ArgumentHelp(LessonMessages.targetHelp), completion: .file(extensions: ["lesson"])) var target: String
    @Flag(help: ArgumentHelp(LessonMessages.restartHelp)) var restart = false

    func run(in session: Session, context: CommandContext) throws {
        switch target {
        case "list": try list(session, context)
        case "check": try check(session, context)
        case "hint": try hint(session, context)
        case "answer": try answer(session, context)
        default: try start(session, context)
        }
    }

    private func start(_ session: Session, _ context: CommandContext) throws {
        let lesson = try LessonLibrary.load(try LessonLibrary.resolve(target))
        var progress = try LessonProgress.load(from: session.workspace)
        if restart { progress.remove(title: lesson.title) }
        for requirement in lesson.requirements where !session.workspace.datasetNames.contains(requirement.name) {
            session.executeQuietly("load \(requirement.name) \(LineTokenizer.quote(requirement.path))")
            guard session.workspace.datasetNames.contains(requirement.name) else {
                throw OpsError(LessonMessages.cannotLoad(requirement.name, requirement.path), hint: LessonMessages.cannotLoadHint)
            }
            context.print(LessonMessages.loadedForLesson(requirement.name))
        }
        let record = progress.record(for: lesson) ?? LessonProgress.Record(title: lesson.title, file: lesson.path, step: 0, hints: 0)
        if record.step == 0 && record.hints == 0 {
            context.print(LessonMessages.heading(lesson.title))
            for line in lesson.introduction { context.print(line) }
            context.print()
        } else if record.step < lesson.steps.count {
            context.print(LessonMessages.resuming(lesson.title, step: record.step + 1, of: lesson.steps.count))
        }
        progress.update(LessonProgress.Record(title: lesson.title, file: lesson.path, step: record.step, hints: record.hints))
        try progress.save(to: session.workspace, command: context.commandLine)
        session.activeLesson = lesson.path
        if record.step >= lesson.steps.count { return context.print(LessonMessages.alreadyFinished(lesson.title)) }
        present(lesson, step: record.step, context)
    }

    private func present(_ lesson: Lesson, step index: Int, _ context: CommandContext) {
        let step = lesson.steps[index]
        context.print(LessonMessages.stepHeading(index + 1, of: lesson.steps.count, title: step.title))
        for line in step.explanation { context.print(line) }
        for task in step.tasks { context.print(LessonMessages.task(task)) }
        context.print(LessonMessages.whenDone)
    }

    /// The active lesson and its progress; the only unfinished one when none was started in this session.
    private func active(_ session: Session) throws -> (Lesson, LessonProgress, LessonProgress.Record) {
        let progress = try LessonProgress.load(from: session.workspace)
        let path: String
        if let current = session.activeLesson {
            path = current
        } else {
            let open = progress.records.filter { record in (try? LessonLibrary.load(record.file)).map { record.step < $0.steps.count } ?? false }
            guard open.count == 1 else { throw OpsError(LessonMessages.noActiveLesson, hint: LessonMessages.seeLessonList) }
            path = open[0].file
        }
        let lesson = try LessonLibrary.load(path)
        let record = progress.record(for: lesson) ?? LessonProgress.Record(title: lesson.title, file: path, step: 0, hints: 0)
        guard record.step < lesson.steps.count else { throw OpsError(LessonMessages.alreadyFinished(lesson.title), hint: LessonMessages.restartHint(path)) }
        session.activeLesson = path
        return (lesson, progress, record)
    }

    private func check(_ session: Session, _ context: CommandContext) throws {
        var (lesson, progress, record) = try active(session)
        let step = lesson.steps[record.step]
        for (i, check) in step.checks.enumerated() {
            try context.checkCancellation()
            let outcome = LessonCheck.run(check, in: session.workspace)
            guard outcome == .passed else {
                context.print(LessonMessages.notYet(i + 1, of: step.checks.count, outcome: outcome, check: check))
                if record.hints < step.hints.count {
                    context.print(LessonMessages.hint(record.hints + 1, of: step.hints.count, step.hints[record.hints]))
                    record.hints += 1
                }
                progress.update(record)
                return try progress.save(to: session.workspace, command: context.commandLine)
            }
        }
        record.step += 1
        record.hints = 0
        progress.update(record)
        try progress.save(to: session.workspace, command: context.commandLine)
        context.print(LessonMessages.stepDone(record.step, of: lesson.steps.count))
        if record.step == lesson.steps.count { return context.print(LessonMessages.finished(lesson.title)) }
        context.print()
        present(lesson, step: record.step, context)
    }

    private func hint(_ session: Session, _ context: CommandContext) throws {
        var (lesson, progress, record) = try active(session)
        let hints = lesson.steps[record.step].hints
        guard record.hints < hints.count else { return context.print(LessonMessages.noMoreHints) }
        context.print(LessonMessages.hint(record.hints + 1, of: hints.count, hints[record.hints]))
        record.hints += 1
        progress.update(record)
        try progress.save(to: session.workspace, command: context.commandLine)
    }

    private func answer(_ session: Session, _ context: CommandContext) throws {
        let (lesson, _, record) = try active(session)
        let answers = lesson.steps[record.step].answers
        guard !answers.isEmpty else { return context.print(LessonMessages.noAnswer) }
        context.print(LessonMessages.answerHeading)
        for line in answers { context.print("  " + line) }
    }

    private func list(_ session: Session, _ context: CommandContext) throws {
        let progress = try LessonProgress.load(from: session.workspace)
        let files = LessonLibrary.bundled()
        guard !files.isEmpty else { return context.print(LessonMessages.noLessons(LessonLibrary.folders)) }
        var rows: [[String]] = []
        for file in files {
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            guard let lesson = try? LessonLibrary.load(file) else {
                rows.append([name, LessonMessages.unreadable, "", ""])
                continue
            }
            let state = progress.record(for: lesson).map { LessonMessages.progress($0.step, of: lesson.steps.count) } ?? LessonMessages.notStarted
            rows.append([name, lesson.title, String(lesson.steps.count), state])
        }
        context.table(headers: LessonMessages.listHeaders, rows: rows, alignments: [.left, .left, .right, .left])
    }
}
