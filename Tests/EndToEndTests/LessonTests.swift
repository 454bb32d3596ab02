import Foundation
import OpsKit
import PluginCatalog
import Testing
@testable import Workbench

/// Lessons: the file format, the runner with a scripted student (right and wrong answers, hints,
/// resume in a new session), and every bundled lesson completed by a right-answer student.
@Suite(.serialized) struct LessonTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/lessons")
    let directory = try! TemporaryDirectory()

    private func write(_ text: String) throws -> String { try directory.write("demo.lesson", text) }

    static let demo = """
        # 演示课程
        A two-step lesson.

        ## 建表
        Make a table.
        task: make t with three rows
        check: SELECT count(*) = 3 FROM t
        hint: UNION ALL joins rows
        hint: SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3
        answer: sql "SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3" --as t

        ## 求和
        检查：SELECT sum(v) FROM s
        期望：6.0
        容差：abs=0.01
        提示：sum(v)
        答案：sql "SELECT sum(v) AS v FROM t" --as s
        """

    @Test func theFormatReadsBothLanguagesOfKeys() throws {
        let lesson = try LessonParser.parse(Self.demo, path: "/x/demo.lesson")
        #expect(lesson.title == "演示课程" && lesson.introduction == ["A two-step lesson."])
        #expect(lesson.steps.map(\.title) == ["建表", "求和"])
        #expect(lesson.steps[0].hints.count == 2 && lesson.steps[0].tasks == ["make t with three rows"])
        #expect(lesson.steps[1].checks == [Lesson.Check(query: "SELECT sum(v) FROM s", expected: "6.0", tolerance: Tolerance(relative: 0, absolute: 0.01), location: "demo.lesson:13")])
        #expect(lesson.steps[1].answers == [#"sql "SELECT sum(v) AS v FROM t" --as s"#])
    }

    @Test func mistakesInALessonFileNameTheLine() {
        let cases: [(String, String)] = [
            ("## a\ncheck: SELECT 1", "no title"),
            ("# t\nhint: x", "demo.lesson:2"),
            ("# t\n## a\nexpect: 3\ncheck: SELECT 1", "demo.lesson:3"),
            ("# t\n## a\ncheck: SELECT 1\ntolerance: loose", "loose"),
            ("# t\n## a\ntask: nothing to check", "has no check"),
            ("# t\nneeds: users", "NAME = FILE"),
        ]
        for (text, expected) in cases {
            #expect(throws: OpsError.self) { try LessonParser.parse(text, path: "demo.lesson") }
            do { _ = try LessonParser.parse(text, path: "demo.lesson") } catch let error as OpsError {
                #expect(error.message.contains(expected), "\(text): \(error.message)")
            } catch {}
        }
    }

    @Test func aScriptedStudentGetsHintsOnWrongAnswersAndResumes() throws {
        let file = try write(Self.demo)
        let workspace = directory.url.appendingPathComponent("ws")
        do {
            let session = Session(workspace: try Workspace(directory: workspace), plugins: bundledPlugins, cancellation: CancellationFlag())
            let start = session.execute("lesson \(file)").output
            #expect(start.contains("演示课程") && start.contains("step 1 of 2: 建表") && start.contains("task: make t"), "\(start)")
            let early = session.execute("lesson check").output
            #expect(early.contains("the check could not run") && early.contains("hint 1 of 2: UNION ALL"), "\(early)")
            #expect(session.execute(#"sql "SELECT 1 AS v UNION ALL SELECT 2" --as t"#).succeeded)
            let wrong = session.execute("lesson check").output
            #expect(wrong.contains("not yet: the check gave 0") && wrong.contains("hint 2 of 2"), "\(wrong)")
            #expect(session.execute("lesson hint").output.contains("no more hints"))
            #expect(session.execute("lesson answer").output.contains("UNION ALL SELECT 3"))
            #expect(session.execute(#"sql "SELECT 1 AS v UNION ALL SELECT 2 UNION ALL SELECT 3" --as t"#).succeeded)
            let right = session.execute("lesson check").output
            #expect(right.contains("✓ step 1 of 2 done") && right.contains("step 2 of 2: 求和"), "\(right)")
            #expect(session.execute(#"sql "SELECT 5 AS v" --as s"#).succeeded)
            #expect(session.execute("lesson check").output.contains("got 5, expected 6.0 within abs=0.01"))
        }
        // a new session on the same workspace: the student comes back the next day
        let later = Session(workspace: try Workspace(directory: workspace), plugins: bundledPlugins, cancellation: CancellationFlag())
        #expect(later.execute("lesson check").output.contains("got 5"), "the only open lesson is the active one")
        let resumed = later.execute("lesson \(file)").output
        #expect(resumed.contains("resuming 演示课程 at step 2 of 2"), "\(resumed)")
        #expect(later.execute(#"sql "SELECT sum(v) AS v FROM t" --as s"#).succeeded)
        let done = later.execute("lesson check").output
        #expect(done.contains("lesson finished: 演示课程"), "\(done)")
        #expect(later.execute("lesson \(file)").output.contains("you have finished"))
        #expect(later.execute("lesson \(file) --restart").output.contains("step 1 of 2"))
        let progress = try later.workspace.dataset(named: "_lessons")
        #expect(progress.rowCount == 1)
    }

    @Test func lessonListShowsTheBundledLessonsAndProgress() throws {
        let session = try Session.temporary(plugins: bundledPlugins)
        setenv("OPSBENCH_LESSONS", Self.lessons.path, 1)
        defer { unsetenv("OPSBENCH_LESSONS") }
        let list = session.execute("lesson list").output
        for name in ["用户画像", "精准营销", "供应链", "智能客服"] { #expect(list.contains(name), "\(list)") }
        #expect(list.contains("not started"))
        #expect(!session.execute("lesson 没有这门课").succeeded)
    }

    /// Every shipped lesson can be finished by a student who types the answers.
    @Test(arguments: ["用户画像", "精准营销", "供应链", "智能客服"])
    func everyBundledLessonCanBeCompleted(_ name: String) throws {
        let path = Self.lessons.appendingPathComponent("\(name).lesson").path
        let lesson = try LessonLibrary.load(path)
        let session = try Session.temporary(plugins: bundledPlugins)
        let start = session.execute("lesson \(path)")
        #expect(start.succeeded, "\(start.output)")
        for (i, step) in lesson.steps.enumerated() {
            #expect(!step.answers.isEmpty, "step \(i + 1) of \(name) has an answer")
            let before = session.execute("lesson check")
            #expect(!before.output.contains("✓"), "\(name) step \(i + 1) passes before the work is done")
            for answer in step.answers {
                let result = session.execute(answer)
                #expect(result.succeeded, "\(name) step \(i + 1): \(answer)\n\(result.output)")
            }
            let check = session.execute("lesson check").output
            #expect(check.contains("✓ step \(i + 1) of \(lesson.steps.count) done"), "\(name) step \(i + 1): \(check)")
        }
        #expect(session.execute("lesson list").succeeded)
    }
}
