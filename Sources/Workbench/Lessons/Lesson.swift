/// A guided lesson: an introduction, datasets it needs, and steps a student works
/// through in the REPL, each checked against the student's own datasets.
/// Written as plain text (see docs/lessons.md and ``LessonParser``).
struct Lesson: Equatable {
    /// A dataset the lesson loads when the workspace lacks it: `needs: users = ../users.csv`.
    struct Requirement: Equatable {
        var name: String
        /// The file, resolved against the lesson file's folder.
        var path: String
    }

    /// One check of a step: an SQL query over the student's datasets whose first value
    /// must be true (a predicate), or equal `expected` (a number within `tolerance`, or text).
    struct Check: Equatable {
        var query: String
        var expected: String?
        var tolerance: Tolerance?
        /// Where it is written, for error messages (`segment.lesson:42`).
        var location: String
    }

    struct Step: Equatable {
        var title: String
        var explanation: [String] = []
        var tasks: [String] = []
        var checks: [Check] = []
        var hints: [String] = []
        /// Commands that complete the step: the instructor's solution, used by `lesson answer` and by tests.
        var answers: [String] = []
    }

    var title: String
    /// The file it was read from.
    var path: String
    var introduction: [String]
    var requirements: [Requirement]
    var steps: [Step]
}
