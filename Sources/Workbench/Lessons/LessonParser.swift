import Foundation
import OpsKit

/// Reads the lesson format, a plain-text file an instructor writes without Swift:
///
/// ```text
/// # 用户画像：K-Means 聚类           the title
/// needs: users = ../users.csv        a dataset, loaded when missing (path from the lesson's folder)
/// Free text: the introduction.
///
/// ## 四个点                           a step
/// Free text: the explanation.
/// task: 用 sql 建 points …            what to do (several lines allowed)
/// check: SELECT count(*) = 4 FROM points   an SQL predicate …
/// expect: 4                           … or the value the query must give
/// tolerance: abs=0.01                 how close a number must be (rel=R,abs=A)
/// hint: 先试试 sql "SELECT 1 AS x"     shown one by one on failure
/// answer: sql "…" --as points         the instructor's solution (lesson answer, tests)
/// ```
///
/// Keys may be written in Chinese (需要、任务、检查、期望、容差、提示、答案) and with a
/// full-width colon; lines starting with `//` are the author's comments.
enum LessonParser {
    private static let keys: [String: String] = [
        "needs": "needs", "需要": "needs", "task": "task", "任务": "task", "check": "check", "检查": "check",
        "expect": "expect", "期望": "expect", "tolerance": "tolerance", "容差": "tolerance", "hint": "hint", "提示": "hint",
        "answer": "answer", "答案": "answer",
    ]

    static func parse(_ text: String, path: String) throws -> Lesson {
        let name = (path as NSString).lastPathComponent
        let folder = (path as NSString).deletingLastPathComponent
        var lesson = Lesson(title: "", path: path, introduction: [], requirements: [], steps: [])
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let where_ = "\(name):\(number)"
            if line.hasPrefix("//") { continue }
            if line.hasPrefix("## ") {
                lesson.steps.append(Lesson.Step(title: line.dropFirst(3).trimmingWhitespace()))
                continue
            }
            if line.hasPrefix("# ") {
                guard lesson.title.isEmpty else { throw LessonMessages.secondTitle(where_) }
                lesson.title = line.dropFirst(2).trimmingWhitespace()
                continue
            }
            if let (key, value) = keyed(line) {
                try apply(key, value, to: &lesson, at: where_, folder: folder)
                continue
            }
            if lesson.steps.isEmpty {
                lesson.introduction.append(line)
            } else {
                lesson.steps[lesson.steps.count - 1].explanation.append(line)
            }
        }
        guard !lesson.title.isEmpty else { throw LessonMessages.noTitle(name) }
        guard !lesson.steps.isEmpty else { throw LessonMessages.noSteps(name) }
        for step in lesson.steps where step.checks.isEmpty { throw LessonMessages.stepWithoutCheck(name, step.title) }
        lesson.introduction = trimmed(lesson.introduction)
        for i in lesson.steps.indices { lesson.steps[i].explanation = trimmed(lesson.steps[i].explanation) }
        return lesson
    }

    /// `key: value` for a known key (either colon), else nil (the line is free text).
    private static func keyed(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        guard let key = keys[line[..<colon].trimmingWhitespace().lowercased()] else { return nil }
        return (key, line[line.index(after: colon)...].trimmingWhitespace())
    }

    private static func apply(_ key: String, _ value: String, to lesson: inout Lesson, at where_: String, folder: String) throws {
        if value.isEmpty { throw LessonMessages.emptyValue(where_, key) }
        if key == "needs" {
            let parts = value.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw LessonMessages.badNeeds(where_) }
            let path = parts[1].hasPrefix("/") ? parts[1] : (folder.isEmpty ? parts[1] : folder + "/" + parts[1])
            lesson.requirements.append(Lesson.Requirement(name: parts[0], path: path))
            return
        }
        guard !lesson.steps.isEmpty else { throw LessonMessages.keyBeforeStep(where_, key) }
        let s = lesson.steps.count - 1
        switch key {
        case "task": lesson.steps[s].tasks.append(value)
        case "hint": lesson.steps[s].hints.append(value)
        case "answer": lesson.steps[s].answers.append(value)
        case "check": lesson.steps[s].checks.append(Lesson.Check(query: value, location: where_))
        case "expect", "tolerance":
            guard !lesson.steps[s].checks.isEmpty else { throw LessonMessages.keyBeforeCheck(where_, key) }
            let c = lesson.steps[s].checks.count - 1
            if key == "expect" {
                lesson.steps[s].checks[c].expected = value
            } else {
                guard let tolerance = Tolerance(argument: value) else { throw LessonMessages.badTolerance(where_, value) }
                lesson.steps[s].checks[c].tolerance = tolerance
            }
        default: break
        }
    }

    /// Lines without leading and trailing blank ones.
    private static func trimmed(_ lines: [String]) -> [String] {
        var lines = lines[...]
        while lines.first?.trimmingWhitespace().isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingWhitespace().isEmpty == true { lines.removeLast() }
        return Array(lines)
    }
}
