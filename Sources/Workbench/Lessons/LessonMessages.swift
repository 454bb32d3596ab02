import OpsKit

/// The sentences of `lesson` and of reading lesson files.
enum LessonMessages {
    static var abstract: Localized {
        Localized(en: "Guided lessons: lesson list, lesson NAME|FILE, then lesson check / lesson hint as you work.",
                  zh: "引导式课程：lesson list 列出课程，lesson 名称|文件 开始或继续，完成任务后 lesson check，需要时 lesson hint。")
    }
    static var discussion: Localized {
        Localized(
            en: """
                A lesson is a plain-text file of steps (docs/lessons.md): an explanation, a task, a check run against your \
                datasets, hints shown one at a time when a check fails. Work in the REPL as usual, then type lesson check. \
                Progress is kept in the workspace (the dataset _lessons), so lesson NAME resumes where you stopped; \
                --restart starts again. lesson answer shows the instructor's solution of the current step. Bundled lessons \
                are in examples/lessons (or the folders in $OPSBENCH_LESSONS).
                """,
            zh: """
                课程是一个纯文本文件（见 docs/lessons.md），由若干步骤组成：讲解、任务、针对你的数据集的检查，以及检查未通过时逐条给出的提示。\
                像平常一样在 REPL 中操作，完成后输入 lesson check。进度保存在工作区（数据集 _lessons）中，再次输入 lesson 名称 即从上次停下的地方继续；\
                --restart 从头开始。lesson answer 显示当前步骤的参考答案。自带课程位于 examples/lessons（或 $OPSBENCH_LESSONS 指定的目录）。
                """)
    }
    static var targetHelp: Localized {
        Localized(en: "A lesson file or name, or list, check, hint, answer.", zh: "课程文件或名称，或 list、check、hint、answer。")
    }
    static var restartHelp: Localized { Localized(en: "Start the lesson again from its first step.", zh: "从第一步重新开始课程。") }

    static var listHeaders: [String] { [L("name", "名称"), L("lesson", "课程"), L("steps", "步数"), L("progress", "进度")] }
    static var notStarted: String { L("not started", "未开始") }
    static var unreadable: String { L("(cannot be read: try lesson NAME for the error)", "（无法读取：用 lesson 名称 查看错误）") }
    static func progress(_ done: Int, of total: Int) -> String {
        done >= total ? L("finished", "已完成") : L("\(done) of \(total) steps done", "已完成 \(done)/\(total) 步")
    }
    static func noLessons(_ folders: [String]) -> String {
        L("no lessons found in \(folders.joined(separator: ", ")) (set OPSBENCH_LESSONS to a folder of .lesson files)",
          "在 \(folders.joined(separator: "、")) 中没有找到课程（可将 OPSBENCH_LESSONS 设为存放 .lesson 文件的目录）")
    }
    static func noSuchLesson(_ reference: String) -> String {
        L("there is no lesson file or bundled lesson '\(reference)'", "没有名为 '\(reference)' 的课程文件或自带课程")
    }
    static var seeLessonList: String { L("lesson list shows the bundled lessons; lesson FILE starts one", "lesson list 列出自带课程；lesson 文件 开始一门课程") }
    static var noActiveLesson: String { L("no lesson is in progress", "当前没有进行中的课程") }
    static func restartHint(_ path: String) -> String { L("lesson \(path) --restart starts it again", "lesson \(path) --restart 可重新开始") }
    static func cannotLoad(_ name: String, _ path: String) -> String {
        L("the lesson needs the dataset \(name) and could not load it from \(path)", "课程需要数据集 \(name)，但无法从 \(path) 载入")
    }
    static var cannotLoadHint: String { L("load it yourself with load NAME FILE, then start the lesson again", "请先用 load 名称 文件 自行载入，再重新开始课程") }
    static func loadedForLesson(_ name: String) -> String { L("loaded \(name) for the lesson", "已为课程载入 \(name)") }

    static func heading(_ title: String) -> String { "== \(title) ==" }
    static func resuming(_ title: String, step: Int, of total: Int) -> String {
        L("resuming \(title) at step \(step) of \(total)", "继续课程 \(title)：第 \(step) 步（共 \(total) 步）")
    }
    static func stepHeading(_ step: Int, of total: Int, title: String) -> String {
        L("-- step \(step) of \(total): \(title) --", "-- 第 \(step) 步（共 \(total) 步）：\(title) --")
    }
    static func task(_ text: String) -> String { L("task: ", "任务：") + text }
    static var whenDone: String {
        L("(when done: lesson check; stuck: lesson hint)", "（完成后输入 lesson check；卡住时输入 lesson hint）")
    }
    static func notYet(_ index: Int, of total: Int, outcome: LessonCheck.Outcome, check: Lesson.Check) -> String {
        let which = total > 1 ? L(" (check \(index) of \(total))", "（第 \(index) 项检查，共 \(total) 项）") : ""
        switch outcome {
        case .passed: return ""
        case .wrong(let got):
            let shown = got ?? L("no rows", "无结果行")
            if let expected = check.expected {
                let within = check.tolerance.map { L(" within \($0.description)", "，容差 \($0.description)") } ?? ""
                return L("not yet\(which): got \(shown), expected \(expected)\(within)", "还没完成\(which)：得到 \(shown)，期望 \(expected)\(within)")
            }
            return L("not yet\(which): the check gave \(shown)", "还没完成\(which)：检查结果为 \(shown)")
        case .failed(let message):
            return L("not yet\(which): the check could not run: \(message)", "还没完成\(which)：检查无法执行：\(message)")
        }
    }
    static func hint(_ index: Int, of total: Int, _ text: String) -> String { L("hint \(index) of \(total): ", "提示 \(index)/\(total)：") + text }
    static var noMoreHints: String { L("no more hints for this step; lesson answer shows a solution", "本步骤没有更多提示了；lesson answer 可查看参考答案") }
    static var noAnswer: String { L("this step has no recorded answer", "本步骤没有参考答案") }
    static var answerHeading: String { L("a solution:", "参考答案：") }
    static func stepDone(_ step: Int, of total: Int) -> String { L("✓ step \(step) of \(total) done", "✓ 第 \(step) 步完成（共 \(total) 步）") }
    static func finished(_ title: String) -> String { L("lesson finished: \(title)", "课程完成：\(title)") }
    static func alreadyFinished(_ title: String) -> String { L("you have finished \(title)", "你已完成课程 \(title)") }
    static var damagedProgress: OpsError {
        OpsError(L("the dataset _lessons does not hold lesson progress", "数据集 _lessons 不是课程进度"),
                 hint: L("rename it (rename _lessons my_lessons) and start the lesson again", "请先重命名它（rename _lessons my_lessons），再重新开始课程"))
    }

    // MARK: reading lesson files

    private static var formatHint: String { L("see docs/lessons.md for the format", "格式见 docs/lessons.md") }
    static func secondTitle(_ location: String) -> OpsError {
        OpsError(L("\(location): a lesson has one title (# …); steps start with ## …", "\(location)：一门课程只有一个标题（# …）；步骤以 ## … 开头"), hint: formatHint)
    }
    static func noTitle(_ file: String) -> OpsError {
        OpsError(L("\(file): the lesson has no title (a first line # TITLE)", "\(file)：课程没有标题（第一行写 # 标题）"), hint: formatHint)
    }
    static func noSteps(_ file: String) -> OpsError {
        OpsError(L("\(file): the lesson has no steps (## STEP lines)", "\(file)：课程没有步骤（## 步骤 行）"), hint: formatHint)
    }
    static func stepWithoutCheck(_ file: String, _ step: String) -> OpsError {
        OpsError(L("\(file): step '\(step)' has no check: line", "\(file)：步骤 '\(step)' 缺少 check: 行"),
                 hint: L("add check: SELECT … (a predicate over the student's datasets)", "添加 check: SELECT …（针对学生数据集的判断条件）"))
    }
    static func emptyValue(_ location: String, _ key: String) -> OpsError {
        OpsError(L("\(location): \(key): needs a value", "\(location)：\(key): 后面需要内容"), hint: formatHint)
    }
    static func badNeeds(_ location: String) -> OpsError {
        OpsError(L("\(location): needs: is NAME = FILE", "\(location)：needs: 的写法是 名称 = 文件"), hint: L("for example needs: users = ../users.csv", "例如 needs: users = ../users.csv"))
    }
    static func keyBeforeStep(_ location: String, _ key: String) -> OpsError {
        OpsError(L("\(location): \(key): belongs to a step; start one with ## TITLE", "\(location)：\(key): 属于某个步骤；请先用 ## 标题 开始一个步骤"), hint: formatHint)
    }
    static func keyBeforeCheck(_ location: String, _ key: String) -> OpsError {
        OpsError(L("\(location): \(key): follows the check: it applies to", "\(location)：\(key): 应写在它所属的 check: 之后"), hint: formatHint)
    }
    static func badTolerance(_ location: String, _ value: String) -> OpsError {
        OpsError(L("\(location): tolerance '\(value)' is not rel=R,abs=A", "\(location)：容差 '\(value)' 的写法应为 rel=R,abs=A"),
                 hint: L("for example tolerance: abs=0.01 or tolerance: rel=0.05", "例如 tolerance: abs=0.01 或 tolerance: rel=0.05"))
    }
}
